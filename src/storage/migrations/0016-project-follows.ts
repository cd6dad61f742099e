import type { Kysely } from 'kysely';
import type { Engine } from '../schema';

/**
 * Group chats that follow a project (`follow DP-2026-0007`): one row per chat and project, found by chat
 * (`following`) and by project (the changes fanned out to its chats). No person is stored: the audit log says who.
 */
// Kysely<any>: a migration must not depend on today's schema types.
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('project_follows')
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('conversation_ref', 'text', (c) => c.notNull())
    .addColumn('followed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_follows_pk', ['conversation_id', 'reference'])
    .execute();
  await db.schema.createIndex('project_follows_reference').on('project_follows').columns(['reference', 'followed_at']).execute();
}
