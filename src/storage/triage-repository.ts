import type { Kysely, Selectable } from 'kysely';
import type { TriageRepository } from '../app/triage/ports';
import { type Decision, emptyTriage, type Question, type Triage } from '../domain/triage';
import { readJson, readList, writeJson } from './columns';
import type { Database, TriageTable } from './schema';

type Row = Selectable<TriageTable>;

const toRow = (t: Triage): Row => ({
  reference: t.reference,
  post: writeJson(t.post),
  last_decision: writeJson(t.lastDecision),
  duplicate_of: t.duplicateOf,
  questions: writeJson(t.questions),
});

const fromRow = (r: Row): Triage => ({
  reference: r.reference,
  post: readJson<Triage['post']>(r.post, null),
  lastDecision: readJson<Decision | null>(r.last_decision, null),
  duplicateOf: r.duplicate_of,
  questions: readList<Question>(r.questions),
});

export function triageRepository(db: Kysely<Database>): TriageRepository {
  return {
    async get(reference) {
      const row = await db.selectFrom('triage').selectAll().where('reference', '=', reference).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    // The post is left alone: the outbox sender records it concurrently with decisions (setPost).
    async save(triage) {
      const { post: _post, reference, ...rest } = toRow(triage);
      await db.insertInto('triage').values({ reference, post: null, ...rest }).onConflict((oc) => oc.column('reference').doUpdateSet(rest)).execute();
    },
    async setPost(reference, post) {
      const value = writeJson(post);
      await db.insertInto('triage').values(toRow({ ...emptyTriage(reference), post })).onConflict((oc) => oc.column('reference').doUpdateSet({ post: value })).execute();
    },
  };
}
