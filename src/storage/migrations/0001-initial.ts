import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * People, conversations, project requests (with their term index and reference counters),
 * form drafts and the audit trail. Applied migrations are never edited: add a new file.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('aad_object_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('conversation_ref', 'text')
    .addColumn('reachable', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_aad_object_id').on('people').column('aad_object_id').execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('name', 'text')
    .addColumn('reference', 'text')
    .addColumn('installed', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('form_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('beneficiaries', 'text', (c) => c.notNull())
    .addColumn('strand', 'text', (c) => c.notNull())
    .addColumn('principles', 'text', (c) => c.notNull())
    .addColumn('principles_how', 'text', (c) => c.notNull())
    .addColumn('reuse_checked', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('route_justification', 'text')
    .addColumn('personal_data', 'integer', (c) => c.notNull())
    .addColumn('one_off_cost', 'integer')
    .addColumn('annual_benefit', 'integer')
    .addColumn('desired_start', 'text')
    .addColumn('term_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Serves "my requests, newest first" without a sort.
  await db.schema
    .createIndex('requests_requester')
    .on('requests')
    .columns(['requester_id', 'updated_at', 'created_at'])
    .execute();

  // Inverted index for similarity: the primary key serves `WHERE term IN (...)`.
  await db.schema
    .createTable('request_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('request_terms_pk', ['term', 'request_id'])
    .execute();
  await db.schema.createIndex('request_terms_request').on('request_terms').column('request_id').execute();

  await db.schema
    .createTable('reference_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('drafts')
    .addColumn('form_id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('values', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drafts_person').on('drafts').columns(['person_id', 'updated_at']).execute();

  // An integer key keeps insertion order among events with the same timestamp.
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', (c) =>
      engine === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('audit_events_subject')
    .on('audit_events')
    .columns(['subject_type', 'subject_id', 'at'])
    .execute();
}
