import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * Digests: channels subscribed to the digest (`digest_subscriptions`), and each digest queued to each
 * channel (`digest_runs`, whose primary key makes it once per channel per period across processes).
 * Audit events get an index by action and time, for "decisions since the last digest" and the annual report.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('digest_subscriptions')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text')
    .addColumn('channel_name', 'text')
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('strands', 'text', (c) => c.notNull())
    .addColumn('subscribed_by', 'text', (c) => c.notNull())
    .addColumn('subscribed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_runs')
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_runs_pk', ['conversation_id', 'period'])
    .execute();

  await db.schema.createIndex('audit_events_action').on('audit_events').columns(['action', 'at']).execute();
}
