import type { Kysely, Selectable } from 'kysely';
import type { Draft } from '../domain/request-form';
import type { DraftRepository } from '../app/requests/ports';
import type { FormValues } from '../domain/request-form';
import { readObject, upsert, writeJson } from './columns';
import type { Database, DraftsTable } from './schema';

type Row = Selectable<DraftsTable>;

const toRow = (d: Draft): Row => ({
  form_id: d.formId,
  person_id: d.personId,
  values: writeJson(d.values),
  created_at: d.createdAt,
  updated_at: d.updatedAt,
});

const fromRow = (r: Row): Draft => ({
  formId: r.form_id,
  personId: r.person_id,
  values: readObject<FormValues>(r.values),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function draftRepository(db: Kysely<Database>): DraftRepository {
  return {
    save: (draft) => upsert(db, 'drafts', 'form_id', toRow(draft)),
    async get(formId) {
      const row = await db.selectFrom('drafts').selectAll().where('form_id', '=', formId).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async latestFor(personId) {
      const row = await db
        .selectFrom('drafts')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('updated_at', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('form_id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async delete(formId) {
      await db.deleteFrom('drafts').where('form_id', '=', formId).execute();
    },
  };
}
