import type { Kysely } from 'kysely';

/** A milestone dropped when its project was completed keeps the reason it was dropped. */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('milestones').addColumn('drop_reason', 'text').execute();
}
