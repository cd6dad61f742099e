/** jest globalTeardown: stops the PostgreSQL server global-setup.ts started, if it did. */
import type { EmbeddedPostgres } from './embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testPostgres?: EmbeddedPostgres }).testPostgres?.dispose();
}
