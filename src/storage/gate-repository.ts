import type { Kysely, Selectable } from 'kysely';
import type { GateRepository } from '../app/gates/ports';
import type { GateCondition, GateRequest, ProjectStage } from '../domain/stages';
import { compareText, readJson, readObject, toNumber, writeJson } from './columns';
import type { Database, GateConditionsTable, GateRequestsTable, ProjectStagesTable } from './schema';

type Record_ = Pick<GateRequest, 'evidence' | 'note' | 'requestedBy' | 'decision'>;

const requestRow = (g: GateRequest): Omit<Selectable<GateRequestsTable>, 'post'> => ({
  id: g.id,
  reference: g.reference,
  from_stage: g.from,
  to_stage: g.to,
  status: g.decision ? 'decided' : 'pending',
  record: writeJson({ evidence: g.evidence, note: g.note, requestedBy: g.requestedBy, decision: g.decision } satisfies Record_) as string,
  requested_at: g.requestedAt,
  decided_at: g.decision?.at ?? null,
  version: g.version,
});

const requestFrom = (r: Selectable<GateRequestsTable>, conditions: GateCondition[]): GateRequest => {
  const record = readObject<Partial<Record_>>(r.record);
  return {
    id: r.id,
    reference: r.reference,
    from: r.from_stage,
    to: r.to_stage,
    evidence: record.evidence ?? {},
    note: record.note ?? null,
    requestedBy: record.requestedBy ?? { aadObjectId: '', name: 'Someone' },
    requestedAt: r.requested_at,
    decision: record.decision ?? null,
    conditions,
    version: toNumber(r.version),
    post: readJson<GateRequest['post']>(r.post, null),
  };
};

const conditionRow = (c: GateCondition, position: number): Selectable<GateConditionsTable> => ({
  id: c.id,
  gate_id: c.gateId,
  reference: c.reference,
  position,
  what: c.what,
  owner_aad_object_id: c.owner.aadObjectId,
  owner_name: c.owner.name,
  due: c.due,
  done_at: c.doneAt,
  done_by: c.doneBy,
});

const conditionFrom = (r: Selectable<GateConditionsTable>): GateCondition => ({
  id: r.id,
  gateId: r.gate_id,
  reference: r.reference,
  what: r.what,
  owner: { aadObjectId: r.owner_aad_object_id, name: r.owner_name },
  due: r.due,
  doneAt: r.done_at,
  doneBy: r.done_by,
});

const stageFrom = (r: Selectable<ProjectStagesTable>): ProjectStage => ({ reference: r.reference, stage: r.stage, since: r.since });

/** Stages, gate requests and their conditions. */
export function gateRepository(db: Kysely<Database>): GateRepository {
  /** The requests of these rows with their conditions (in the order given). */
  async function withConditions(rows: Selectable<GateRequestsTable>[]): Promise<GateRequest[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const conditions = new Map<string, GateCondition[]>();
    // In chunks: a whole programme's history must not make one statement with too many parameters.
    for (let i = 0; i < ids.length; i += 500) {
      const found = await db.selectFrom('gate_conditions').selectAll().where('gate_id', 'in', ids.slice(i, i + 500)).orderBy('gate_id').orderBy('position').execute();
      for (const c of found) conditions.set(c.gate_id, [...(conditions.get(c.gate_id) ?? []), conditionFrom(c)]);
    }
    return rows.map((r) => requestFrom(r, conditions.get(r.id) ?? []));
  }
  return {
    async stageOf(reference) {
      const row = await db.selectFrom('project_stages').selectAll().where('reference', '=', reference).executeTakeFirst();
      return row ? stageFrom(row) : null;
    },
    async stages() {
      const rows = await db.selectFrom('project_stages').selectAll().execute();
      return rows.map(stageFrom).sort((a, b) => compareText(a.reference, b.reference));
    },
    async setStage(s) {
      await db
        .insertInto('project_stages')
        .values({ reference: s.reference, stage: s.stage, since: s.since })
        .onConflict((oc) => oc.column('reference').doUpdateSet({ stage: s.stage, since: s.since }))
        .execute();
    },
    async insertRequest(g) {
      const result = await db.insertInto('gate_requests').values(requestRow(g)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async getRequest(id) {
      const row = await db.selectFrom('gate_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? (await withConditions([row]))[0] : null;
    },
    async requestsOf(reference) {
      const rows = await db.selectFrom('gate_requests').selectAll().where('reference', '=', reference).orderBy('requested_at', 'desc').orderBy('id', 'desc').execute();
      return withConditions(rows);
    },
    async pending() {
      const rows = await db.selectFrom('gate_requests').selectAll().where('status', '=', 'pending').orderBy('requested_at').orderBy('id').execute();
      return withConditions(rows);
    },
    async all() {
      const rows = await db.selectFrom('gate_requests').selectAll().orderBy('requested_at').orderBy('id').execute();
      return withConditions(rows);
    },
    async updateRequest(g, expectedVersion) {
      const { id: _id, ...row } = requestRow(g);
      const result = await db.updateTable('gate_requests').set(row).where('id', '=', g.id).where('version', '=', expectedVersion).executeTakeFirst();
      if (toNumber(result.numUpdatedRows) === 0) return false;
      const known = new Set((await db.selectFrom('gate_conditions').select('id').where('gate_id', '=', g.id).execute()).map((r) => r.id));
      const added = g.conditions.map((c, i) => conditionRow(c, i)).filter((c) => !known.has(c.id));
      if (added.length) await db.insertInto('gate_conditions').values(added).execute();
      return true;
    },
    async setPost(id, post) {
      await db.updateTable('gate_requests').set({ post: writeJson(post) }).where('id', '=', id).execute();
    },
    async getCondition(id) {
      const row = await db.selectFrom('gate_conditions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? conditionFrom(row) : null;
    },
    async completeCondition(c) {
      const result = await db.updateTable('gate_conditions').set({ done_at: c.doneAt, done_by: c.doneBy }).where('id', '=', c.id).where('done_at', 'is', null).executeTakeFirst();
      return toNumber(result.numUpdatedRows) > 0;
    },
    async openConditions() {
      const rows = await db.selectFrom('gate_conditions').selectAll().where('done_at', 'is', null).orderBy('due').orderBy('id').execute();
      return rows.map(conditionFrom);
    },
  };
}
