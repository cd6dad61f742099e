import type { Kysely } from 'kysely';
import type { DigestRepository } from '../app/digests/ports';
import type { StrandId } from '../domain/catalogue';
import { readJson, readList, toNumber, writeJson } from './columns';
import type { Database } from './schema';

/** Digest subscriptions, and which digest went to which channel for which period. */
export function digestRepository(db: Kysely<Database>): DigestRepository {
  return {
    async subscriptions() {
      const rows = await db.selectFrom('digest_subscriptions').selectAll().orderBy('subscribed_at').orderBy('conversation_id').execute();
      return rows.map((r) => ({
        conversationId: r.conversation_id,
        teamId: r.team_id,
        channelName: r.channel_name,
        reference: readJson<unknown>(r.reference, null),
        strands: readList<StrandId>(r.strands),
        subscribedBy: r.subscribed_by,
        subscribedAt: r.subscribed_at,
      }));
    },

    async subscribe(s) {
      const row = {
        conversation_id: s.conversationId,
        team_id: s.teamId,
        channel_name: s.channelName,
        reference: JSON.stringify(s.reference ?? null),
        strands: writeJson(s.strands) ?? '[]',
        subscribed_by: s.subscribedBy,
        subscribed_at: s.subscribedAt,
      };
      const { conversation_id: _id, ...changes } = row;
      await db
        .insertInto('digest_subscriptions')
        .values(row)
        .onConflict((oc) => oc.column('conversation_id').doUpdateSet(changes))
        .execute();
    },

    async unsubscribe(conversationId) {
      const result = await db.deleteFrom('digest_subscriptions').where('conversation_id', '=', conversationId).executeTakeFirst();
      return toNumber(result.numDeletedRows) > 0;
    },

    async recordQueued(conversationId, period, at) {
      const result = await db
        .insertInto('digest_runs')
        .values({ conversation_id: conversationId, period, queued_at: at })
        .onConflict((oc) => oc.columns(['conversation_id', 'period']).doNothing())
        .executeTakeFirst();
      return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async lastQueued(conversationId) {
      const row = await db
        .selectFrom('digest_runs')
        .select((eb) => eb.fn.max('queued_at').as('at'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row?.at ?? null;
    },
  };
}
