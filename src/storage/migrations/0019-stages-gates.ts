import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema';

/**
 * Stages and gates (issue 17): each project's stage of the Service Standard (a project with no row is at the first
 * stage), its gate requests (the evidence and the DSG's decision kept as JSON; at most one waiting per project, which
 * the unique partial index holds even for two requests at once; where its card was posted in the DSG channel), and the conditions of passes, read by the
 * reminder run (open ones, by due date) and by project.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('project_stages')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .execute();
  await db.schema
    .createTable('gate_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text', (c) => c.notNull())
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('post', 'text')
    .execute();
  await db.schema.createIndex('gate_requests_reference').on('gate_requests').columns(['reference', 'requested_at']).execute();
  await db.schema.createIndex('gate_requests_one_waiting').on('gate_requests').column('reference').unique().where(sql.ref('status'), '=', 'pending').execute();
  await db.schema
    .createTable('gate_conditions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('gate_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('owner_aad_object_id', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .execute();
  await db.schema.createIndex('gate_conditions_gate').on('gate_conditions').columns(['gate_id', 'position']).execute();
  await db.schema.createIndex('gate_conditions_open').on('gate_conditions').columns(['done_at', 'due']).execute();
}
