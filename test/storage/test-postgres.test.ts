/**
 * `npm test` on a machine without PostgreSQL: with nothing set and nothing answering, the run starts a
 * throwaway server itself. Checked by pointing the probe at a closed port (the shared server is never stopped).
 */
import { createServer, type Server } from 'node:net';
import { Client } from 'pg';
import { freePort } from '../support/free-port';
import { ensureTestPostgres } from '../support/postgres/test-postgres';

it('starts a throwaway PostgreSQL with a test database when nothing answers at the probe', async () => {
  const closed = await freePort();
  const env: NodeJS.ProcessEnv = { TEST_POSTGRES_PROBE: `127.0.0.1:${closed}` };
  const server = await ensureTestPostgres(env);
  try {
    expect(server).not.toBeNull();
    expect(env.TEST_DATABASE_URL).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${server!.port}/test$`));
    const client = new Client({ connectionString: env.TEST_DATABASE_URL });
    await client.connect();
    expect((await client.query('select current_database() as db')).rows).toEqual([{ db: 'test' }]);
    await client.end();
  } finally {
    await server?.dispose();
  }
  await expect(new Client({ connectionString: env.TEST_DATABASE_URL, connectionTimeoutMillis: 2000 }).connect()).rejects.toBeDefined();
}, 60_000);

it("uses the server that answers at the probe, and TEST_DATABASE_URL above all, starting nothing", async () => {
  const listening: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const port = (listening.address() as { port: number }).port;
  try {
    const env: NodeJS.ProcessEnv = { TEST_POSTGRES_PROBE: `127.0.0.1:${port}` };
    expect(await ensureTestPostgres(env)).toBeNull();
    expect(env.TEST_DATABASE_URL).toBe(`postgres://postgres@127.0.0.1:${port}/test`);
    const given: NodeJS.ProcessEnv = { TEST_DATABASE_URL: 'postgres://someone@db.example/x', TEST_POSTGRES_PROBE: '127.0.0.1:1' };
    expect(await ensureTestPostgres(given)).toBeNull();
    expect(given.TEST_DATABASE_URL).toBe('postgres://someone@db.example/x');
  } finally {
    listening.close();
  }
});
