import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { LOOPBACK_PRELOAD_SOURCE } from './loopback-preload';

type LogFn = (obj: object | string, msg?: string) => void;

export interface PlaygroundLogger {
  debug?: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Default 56150. Must be free: the Playground would silently move to another port. */
  port?: number;
  /** Project root: holds .m365agentsplayground.yml, and the Playground writes devTools/ here. */
  workDir: string;
  logger: PlaygroundLogger;
}

export interface RunningPlayground {
  /** The Playground's web UI, e.g. http://127.0.0.1:56150. */
  url: string;
  /** The Playground's process id (for checks such as which addresses it listens on). */
  pid: number;
  stop(): Promise<void>;
}

const DEFAULT_PLAYGROUND_PORT = 56150;
export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';
const PLAYGROUND_PACKAGE = '@microsoft/m365agentsplayground';
const READY_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 200;
const KILL_GRACE_MS = 3_000;

/** Starts the Microsoft 365 Agents Playground on 127.0.0.1:<port> against the bot; resolves once it answers. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const port = options.port ?? DEFAULT_PLAYGROUND_PORT;
  const { workDir, logger } = options;
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(workDir, 'devTools', 'm365agentsplayground.log');

  if (!existsSync(path.join(workDir, PLAYGROUND_CONFIG_FILE))) {
    throw new Error(`No ${PLAYGROUND_CONFIG_FILE} in ${workDir}: the Playground would silently use its own sample tenant.`);
  }
  await assertPortFree(port);

  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'dsg-playground-'));
  const preload = path.join(tempDir, 'loopback-preload.js');
  await writeFile(preload, LOOPBACK_PRELOAD_SOURCE);

  const child = spawn(
    process.execPath,
    [playgroundCli(workDir), '-e', options.botEndpoint, '-c', 'msteams', '--disable-telemetry',
      '-p', String(port), '--service-url', `${url}/_connector`],
    {
      cwd: workDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A minimal environment on purpose: no bot secrets, and no HTTP(S)_PROXY (it would proxy calls to the bot).
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TZ: 'Europe/London',
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
        TMPDIR: tempDir,
        NODE_OPTIONS: `--require ${JSON.stringify(preload)}`,
      },
    },
  );
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (err) => resolve(`spawn error: ${err.message}`));
  });
  // Not a TTY, so the Playground writes only "Listening on <port>" here; the rest goes to its log file.
  let listeningOn: number | undefined;
  pipeLines(child.stdout, (line) => {
    const match = /^Listening on (\d+)/.exec(line);
    if (match) listeningOn = Number(match[1]);
    (logger.debug ?? logger.info).call(logger, `[playground] ${line}`);
  });
  pipeLines(child.stderr, (line) => logger.info(`[playground:stderr] ${line}`));

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      await killChild(child, exited);
      await rm(tempDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let ready = false;
  let exitReason: string | undefined;
  void exited.then((reason) => {
    exitReason = reason;
    if (ready && !stopped) logger.warn({ reason, logFile }, 'Agents Playground stopped by itself');
  });
  while (!(await ping(url))) {
    const problem =
      exitReason !== undefined ? `exited (${exitReason}) before it was ready`
      : listeningOn !== undefined && listeningOn !== port ? `listened on ${listeningOn} instead of ${port}`
      : Date.now() > deadline ? `did not answer ${url}/_debug/ping within ${READY_TIMEOUT_MS / 1000} s`
      : undefined;
    if (problem) {
      await stop();
      throw new Error(`Agents Playground ${problem}. Look at ${logFile}${await logTail(logFile)}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
  ready = true;
  logger.info({ url, botEndpoint: options.botEndpoint }, 'Agents Playground ready');
  return { url, pid: child.pid as number, stop };
}

/** The package's `agentsplayground` bin, from the project's node_modules. */
function playgroundCli(workDir: string): string {
  const packageJson = require.resolve(`${PLAYGROUND_PACKAGE}/package.json`, { paths: [workDir, __dirname] });
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(packageJson), bin.agentsplayground);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(`Port ${port} is not free for the Agents Playground (${err.code ?? err.message}); stop whatever holds it or choose another port.`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function ping(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(1_000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function killChild(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function logTail(file: string, lines = 20): Promise<string> {
  try {
    const tail = (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
    return `; its last lines:\n${tail}`;
  } catch {
    return ' (it has not written one yet)';
  }
}

function pipeLines(stream: Readable, onLine: (line: string) => void): void {
  readline.createInterface({ input: stream }).on('line', (line) => {
    if (line.trim()) onLine(line);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
