import { type Kysely, type Selectable, sql } from 'kysely';
import type { PeopleRepository } from '../app/ports';
import type { Person } from '../domain/people';
import { containing, readFlag, readJson, upsert, writeFlag, writeJson } from './columns';
import type { Database, PeopleTable } from './schema';

type Row = Selectable<PeopleTable>;

// email and upn are written only by the data-protection repository (rememberAddress), never overwritten here.
const toRow = (p: Person): Omit<Row, 'email' | 'upn'> => ({
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
    upsert: (person) => upsert(db, 'people', 'id', toRow(person)),
    async get(id) {
      const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async unreachable() {
      const rows = await db.selectFrom('people').selectAll().where('reachable', '=', writeFlag(false)).execute();
      return rows.map(fromRow);
    },
    async search(text, limit) {
      const rows = await db
        .selectFrom('people')
        .selectAll()
        .where('aad_object_id', 'is not', null)
        .where(sql<boolean>`lower(name) like ${containing(text.trim().toLowerCase())} escape '\\'`)
        .orderBy('updated_at', 'desc')
        .execute();
      const latest = new Map<string, Person>();
      for (const row of rows) if (!latest.has(row.aad_object_id as string)) latest.set(row.aad_object_id as string, fromRow(row));
      return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id)).slice(0, limit);
    },
    async findByAadObjectId(aadObjectId) {
      const row = await db.selectFrom('people').selectAll().where('aad_object_id', '=', aadObjectId).orderBy('updated_at', 'desc').executeTakeFirst();
      return row ? fromRow(row) : null;
    },
  };
}
