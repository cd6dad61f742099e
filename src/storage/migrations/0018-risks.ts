import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * Each project's risks and issues log (`risks`): one row per entry, with its owner, scores, mitigation, review date
 * and status, and its score as the domain defines it (kept beside the scores, so the agenda's high entries and the
 * reminders' entries due for review are found by index, not by reading every entry of the programme).
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().references('projects.reference').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'integer')
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('mitigation', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_change', 'text')
    .execute();
  await db.schema.createIndex('risks_reference').on('risks').columns(['reference', 'created_at']).execute();
  await db.schema.createIndex('risks_status_review').on('risks').columns(['status', 'review_date']).execute();
  await db.schema.createIndex('risks_status_score').on('risks').columns(['status', 'score']).execute();
}
