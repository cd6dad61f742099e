import type { Kysely, Selectable } from 'kysely';
import type { FollowRepository } from '../app/follows/ports';
import type { ProjectFollow } from '../domain/follows';
import { readJson, toNumber } from './columns';
import type { Database, ProjectFollowsTable } from './schema';

const fromRow = (r: Selectable<ProjectFollowsTable>): ProjectFollow => ({
  conversationId: r.conversation_id,
  reference: r.reference,
  conversationRef: readJson<unknown>(r.conversation_ref, null),
  followedAt: r.followed_at,
});

/** The group chats that follow projects. */
export function followRepository(db: Kysely<Database>): FollowRepository {
  return {
    async follow(f) {
      const result = await db
        .insertInto('project_follows')
        .values({ conversation_id: f.conversationId, reference: f.reference, conversation_ref: JSON.stringify(f.conversationRef ?? null), followed_at: f.followedAt })
        .onConflict((oc) => oc.columns(['conversation_id', 'reference']).doNothing())
        .executeTakeFirst();
      return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async unfollow(conversationId, reference) {
      const result = await db.deleteFrom('project_follows').where('conversation_id', '=', conversationId).where('reference', '=', reference).executeTakeFirst();
      return toNumber(result.numDeletedRows) > 0;
    },
    async get(conversationId, reference) {
      const row = await db.selectFrom('project_follows').selectAll().where('conversation_id', '=', conversationId).where('reference', '=', reference).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async followedBy(conversationId) {
      const rows = await db.selectFrom('project_follows').selectAll().where('conversation_id', '=', conversationId).orderBy('reference').execute();
      return rows.map(fromRow);
    },
    async followersOf(reference) {
      const rows = await db.selectFrom('project_follows').selectAll().where('reference', '=', reference).orderBy('followed_at').orderBy('conversation_id').execute();
      return rows.map(fromRow);
    },
  };
}
