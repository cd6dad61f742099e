import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * The catalogue entry a requester checked (`requests.reuse_solution`: an entry's id, or 'none' for "None of these";
 * null on requests from before the form offered the catalogue), and realised benefits that are not cash
 * (`realised_benefits.non_cash` 1: its cash_saving is 0 and counts nowhere; its note says what was realised), each
 * benefit optionally shown by one of the project's measures (`measure_id`). Columns are added: no row is rewritten,
 * and every benefit recorded before is a cash saving.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('requests').addColumn('reuse_solution', 'text').execute();
  await db.schema.alterTable('realised_benefits').addColumn('non_cash', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('realised_benefits').addColumn('measure_id', 'text').execute();
}
