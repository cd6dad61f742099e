import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * The catalogue entry a requester checked (`requests.reuse_solution`: an entry's id, or 'none' for "None of these";
 * null on requests from before the form offered the catalogue). A column is added, so no row is rewritten.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('requests').addColumn('reuse_solution', 'text').execute();
}
