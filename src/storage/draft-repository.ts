import { type Kysely, type Selectable, sql } from 'kysely';
import type { Draft } from '../domain/request-form';
import type { DraftRepository } from '../app/requests/ports';
import type { FormValues } from '../domain/request-form';
import { readObject, writeJson } from './columns';
import { prepared } from './prepared';
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
  // Read and kept on every press of a form's buttons.
  const getDraft = prepared(db, ['form_id'], (p) => db.selectFrom('drafts').selectAll().where('form_id', '=', p.form_id).compile());
  // One statement, so no request can be stored from the form between the check and the write. Written as SQL:
  // the query builder's cost for this insert-from-select is three times that of SQLite running it.
  const saveDraft = prepared(
    db,
    ['form_id', 'person_id', 'values', 'created_at', 'updated_at'],
    (p) => sql`
      INSERT INTO drafts (form_id, person_id, "values", created_at, updated_at)
      SELECT ${p.form_id}, ${p.person_id}, ${p.values}, ${p.created_at}, ${p.updated_at}
      WHERE NOT EXISTS (SELECT 1 FROM requests WHERE form_id = ${p.form_id})
      ON CONFLICT (form_id) DO UPDATE SET
        person_id = excluded.person_id, "values" = excluded."values", created_at = excluded.created_at, updated_at = excluded.updated_at`.compile(db),
  );
  return {
    async save(draft) {
      const { numAffectedRows } = await saveDraft(toRow(draft));
      return Number(numAffectedRows ?? 0) > 0;
    },
    async get(formId) {
      const [row] = (await getDraft({ form_id: formId })).rows;
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
