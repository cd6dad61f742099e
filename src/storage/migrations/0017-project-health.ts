import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * Projects' health (RAG) statuses: every setting kept, one row each, numbered per project from 1 (`version`); the
 * latest is the project's status. The primary key makes a second setting with the same number fail: a press on
 * an older card is refused instead of overwriting a newer status.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('health_updates')
    .addColumn('reference', 'text', (c) => c.notNull().references('projects.reference').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('overall', 'text', (c) => c.notNull())
    .addColumn('overall_reason', 'text')
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('time_reason', 'text')
    .addColumn('cost', 'text', (c) => c.notNull())
    .addColumn('cost_reason', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_reason', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('health_updates_pk', ['reference', 'version'])
    .execute();
}
