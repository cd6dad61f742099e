import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * DSG meetings: the Minute Taker in the settings; each meeting's record (`meetings`, one a day); items DSG
 * members add to the next agenda (`agenda_additions`); and the actions agreed (`meeting_actions`), which the
 * reminder engine chases by owner.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('settings').addColumn('minute_taker', 'text').execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agenda_additions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('added_by_id', 'text', (c) => c.notNull())
    .addColumn('added_by_name', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .execute();

  await db.schema
    .createTable('meeting_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('owner_aad_object_id', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .execute();
  await db.schema.createIndex('meeting_actions_open').on('meeting_actions').columns(['done_at', 'due']).execute();
}
