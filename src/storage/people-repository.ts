import type { Kysely, Selectable } from 'kysely';
import type { PeopleRepository } from '../app/ports';
import type { Person } from '../domain/people';
import { readFlag, readJson, writeFlag, writeJson } from './columns';
import type { Database, PeopleTable } from './schema';

type Row = Selectable<PeopleTable>;

const toRow = (p: Person): Row => ({
  id: p.id,
  aad_object_id: p.aadObjectId,
  name: p.name,
  tenant_id: p.tenantId,
  conversation_ref: writeJson(p.conversationRef),
  reachable: writeFlag(p.reachable),
  updated_at: p.updatedAt,
});

const fromRow = (r: Row): Person => ({
  id: r.id,
  aadObjectId: r.aad_object_id,
  name: r.name,
  tenantId: r.tenant_id,
  conversationRef: readJson<unknown>(r.conversation_ref, null),
  reachable: readFlag(r.reachable),
  updatedAt: r.updated_at,
});

export function peopleRepository(db: Kysely<Database>): PeopleRepository {
  return {
    async upsert(person) {
      const { id, ...rest } = toRow(person);
      await db
        .insertInto('people')
        .values({ id, ...rest })
        .onConflict((oc) => oc.column('id').doUpdateSet(rest))
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
  };
}
