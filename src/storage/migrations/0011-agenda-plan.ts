import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * How the chair or the Minute Taker arranged the next meeting's agenda (the order, the items taken off), one row
 * with a version. Planned meetings in `settings.meetings` became objects (date, start time, place) in this
 * release; the bare dates stored before are read as they are (see plannedMeetingOf), so no row is rewritten.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('agenda_plan')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}
