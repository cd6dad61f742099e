/**
 * The bot as its own process (`src/main.ts` through tsx), for tests that kill it with SIGKILL and start it again on
 * the same port and database: what a crash and a restart do to it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../support/free-port';

const ROOT = path.resolve(__dirname, '../../..');

export class BotProcess {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  /** Starts the bot with `env` (the database's and the test's settings) on a free loopback port. */
  static async start(env: Record<string, string>): Promise<BotProcess> {
    const bot = new BotProcess(await freePort(), env);
    await bot.start();
    return bot;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts it (again) on the same port, and waits until it answers /healthz. */
  async start(): Promise<void> {
    if (this.child) throw new Error('the bot process is already running');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PLAYGROUND: 'off', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...this.env, PORT: String(this.port) },
      stdio: process.env.TEST_LOG_LEVEL ? 'inherit' : 'ignore',
    });
    this.child = child;
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) break;
      if (await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the bot process did not start');
  }

  /** SIGKILL: no shutdown of any kind, as a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** POSTs an activity to /api/messages and reads the answer. */
  async post(activity: object): Promise<{ status: number; headers: Headers; body: any }> {
    const res = await fetch(`${this.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }
}
