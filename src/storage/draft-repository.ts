import type { Kysely, Selectable } from 'kysely';
import type { Draft } from '../domain/request-form';
import type { DraftRepository } from '../app/requests/ports';
import type { FormValues } from '../domain/request-form';
import { readObject, writeJson } from './columns';
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
    async save(draft) {
      // One statement, so no request can be stored from the form between the check and the write.
      const row = toRow(draft);
      const { numInsertedOrUpdatedRows } = await db
        .insertInto('drafts')
        .columns(['form_id', 'person_id', 'values', 'created_at', 'updated_at'])
        .expression(
          db
            .selectNoFrom((eb) => [eb.val(row.form_id).as('form_id'), eb.val(row.person_id).as('person_id'), eb.val(row.values).as('values'), eb.val(row.created_at).as('created_at'), eb.val(row.updated_at).as('updated_at')])
            .where(({ not, exists, selectFrom }) => not(exists(selectFrom('requests').select('id').where('form_id', '=', row.form_id)))),
        )
        .onConflict((oc) =>
          oc.column('form_id').doUpdateSet(({ ref }) => ({
            person_id: ref('excluded.person_id'),
            values: ref('excluded.values'),
            created_at: ref('excluded.created_at'),
            updated_at: ref('excluded.updated_at'),
          })),
        )
        .executeTakeFirst();
      return Number(numInsertedOrUpdatedRows ?? 0) > 0;
    },
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
