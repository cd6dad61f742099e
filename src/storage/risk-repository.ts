import type { Kysely, Selectable } from 'kysely';
import type { RiskRepository } from '../app/risks/ports';
import { type RiskEntry, type RiskKind, riskScore, type RiskStatus } from '../domain/risks';
import type { PersonRef } from '../domain/settings';
import { compareText, readJson, toNumber, toNumberOrNull, writeJson } from './columns';
import type { Database, RisksTable } from './schema';

type RiskRow = Selectable<RisksTable>;

const toRow = (e: RiskEntry): RiskRow => ({
  id: e.id,
  reference: e.reference,
  kind: e.kind,
  description: e.description,
  likelihood: e.likelihood,
  impact: e.impact,
  score: riskScore(e),
  owner: JSON.stringify(e.owner),
  mitigation: e.mitigation,
  review_date: e.reviewDate,
  status: e.status,
  version: e.version,
  created_at: e.createdAt,
  created_by: e.createdBy,
  updated_at: e.updatedAt,
  last_change: writeJson(e.lastChange),
});

const fromRow = (r: RiskRow): RiskEntry => ({
  id: r.id,
  reference: r.reference,
  kind: r.kind as RiskKind,
  description: r.description,
  likelihood: toNumberOrNull(r.likelihood),
  impact: toNumber(r.impact),
  owner: readJson<PersonRef>(r.owner, { aadObjectId: '', name: '' }),
  mitigation: r.mitigation,
  reviewDate: r.review_date,
  status: r.status as RiskStatus,
  version: toNumber(r.version),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  lastChange: readJson<RiskEntry['lastChange']>(r.last_change, null),
});

/** Projects' risks and issues logs. */
export function riskRepository(db: Kysely<Database>): RiskRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('risks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async forProject(reference) {
      const rows = await db.selectFrom('risks').selectAll().where('reference', '=', reference).execute();
      return rows.map(fromRow).sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
    },

    async insert(entry) {
      await db.insertInto('risks').values(toRow(entry)).execute();
    },

    async update(entry, expectedVersion) {
      const { id, reference: _reference, created_at: _at, created_by: _by, ...changes } = toRow(entry);
      const result = await db.updateTable('risks').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      return toNumber(result.numUpdatedRows) > 0;
    },

    async dueForReview(today) {
      const rows = await db.selectFrom('risks').selectAll().where('status', '=', 'open').where('review_date', '<', today).execute();
      return rows.map(fromRow).sort((a, b) => compareText(a.reviewDate, b.reviewDate) || compareText(a.reference, b.reference) || compareText(a.id, b.id));
    },

    async openScoringAtLeast(score) {
      const rows = await db.selectFrom('risks').selectAll().where('status', '=', 'open').where('score', '>=', score).execute();
      return rows.map(fromRow).sort((a, b) => riskScore(b) - riskScore(a) || compareText(a.reference, b.reference) || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
    },
  };
}
