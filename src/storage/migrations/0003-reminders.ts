import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * Reminders: how each item has been chased with each person (`reminder_state`), and which slots of the
 * scheduled jobs have been taken (`scheduled_runs`, whose primary key makes a slot run once across processes).
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('reminder_state')
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('snoozed_until', 'text')
    .addColumn('snoozes', 'integer', (c) => c.notNull())
    .addColumn('escalated_at', 'text')
    .addPrimaryKeyConstraint('reminder_state_pk', ['item_key', 'recipient_id'])
    .execute();

  await db.schema
    .createTable('scheduled_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scheduled_runs_pk', ['job', 'slot'])
    .execute();
}
