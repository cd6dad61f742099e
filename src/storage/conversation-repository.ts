import type { Kysely, Selectable } from 'kysely';
import type { ConversationRepository } from '../app/ports';
import type { Conversation, ConversationKind } from '../domain/people';
import { readFlag, readJson, upsert, writeFlag, writeJson } from './columns';
import type { ConversationsTable, Database } from './schema';

type Row = Selectable<ConversationsTable>;

const toRow = (c: Conversation): Row => ({
  id: c.id,
  kind: c.kind,
  tenant_id: c.tenantId,
  team_id: c.teamId,
  name: c.name,
  reference: writeJson(c.reference),
  installed: writeFlag(c.installed),
  updated_at: c.updatedAt,
});

const fromRow = (r: Row): Conversation => ({
  id: r.id,
  kind: r.kind as ConversationKind,
  tenantId: r.tenant_id,
  teamId: r.team_id,
  name: r.name,
  reference: readJson<unknown>(r.reference, null),
  installed: readFlag(r.installed),
  updatedAt: r.updated_at,
});

export function conversationRepository(db: Kysely<Database>): ConversationRepository {
  return {
    upsert: (conversation) => upsert(db, 'conversations', 'id', toRow(conversation)),
    async get(id) {
      const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
  };
}
