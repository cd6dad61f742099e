import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema';

/**
 * Triage and the Digital Programme: the DSG settings (one row), the cached team roster, each
 * request's triage record, projects with their milestones and realised benefits, and the outbox
 * of messages to send to Teams. Also an index for the DSG's queue (requests by status, oldest first).
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema.createIndex('requests_status').on('requests').columns(['status', 'created_at', 'reference']).execute();

  // Always the single row id = 1; `version` makes saving it optimistic.
  await db.schema
    .createTable('settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('channel', 'text')
    .addColumn('chair', 'text')
    .addColumn('leaders', 'text', (c) => c.notNull())
    .addColumn('meetings', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();

  await db.schema
    .createTable('roster_cache')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('triage')
    .addColumn('reference', 'text', (c) => c.primaryKey().references('requests.reference').onDelete('cascade'))
    .addColumn('post', 'text')
    .addColumn('last_decision', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('questions', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('reference', 'text', (c) => c.primaryKey().references('requests.reference').onDelete('cascade'))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('is_priority', 'integer', (c) => c.notNull())
    .addColumn('digital_leader', 'text')
    .addColumn('project_lead', 'text')
    .addColumn('project_manager', 'text')
    .addColumn('business_case_status', 'text', (c) => c.notNull())
    .addColumn('business_case_link', 'text')
    .addColumn('business_case_date', 'text')
    .addColumn('plan_link', 'text')
    .addColumn('resourcing_confirmed', 'integer', (c) => c.notNull())
    .addColumn('resourcing_note', 'text')
    .addColumn('dpia', 'text')
    .addColumn('planned_annual_cash', 'integer')
    .addColumn('planned_non_cash', 'text')
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().references('projects.reference').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('revisions', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('milestones_reference').on('milestones').column('reference').execute();
  // For the reminders: planned milestones falling due.
  await db.schema.createIndex('milestones_status_due').on('milestones').columns(['status', 'due']).execute();

  // An integer key keeps recording order among benefits of the same financial year.
  await db.schema
    .createTable('realised_benefits')
    .addColumn('id', 'integer', (c) =>
      engine === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('reference', 'text', (c) => c.notNull().references('projects.reference').onDelete('cascade'))
    .addColumn('financial_year', 'text', (c) => c.notNull())
    .addColumn('cash_saving', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('realised_benefits_reference').on('realised_benefits').column('reference').execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('activity_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .execute();
  // Serves the sender's "pending and due" scan.
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
}
