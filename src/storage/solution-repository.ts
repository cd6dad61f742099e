import type { Kysely, Selectable } from 'kysely';
import type { SolutionRepository } from '../app/solutions/ports';
import { type Solution, solutionNameKey } from '../domain/solutions';
import { compareText, readFlag, readJson, toNumber, writeFlag, writeJson } from './columns';
import type { Database, SolutionsTable } from './schema';

type Record_ = Omit<Solution, 'id' | 'retired' | 'contractEnds' | 'version' | 'createdAt' | 'updatedAt'>;

const toRow = (s: Solution, version: number): Selectable<SolutionsTable> => {
  const { id, retired, contractEnds, version: _v, createdAt, updatedAt, ...record } = s;
  return { id, name_key: solutionNameKey(s.name), retired: writeFlag(retired), contract_ends: contractEnds, version, record: writeJson(record), created_at: createdAt, updated_at: updatedAt };
};

const EMPTY: Record_ = { name: '', whatItDoes: '', owningService: '', strands: [], keywords: [], sharedWithPartners: false, sharedWith: null, link: null };

const fromRow = (r: Selectable<SolutionsTable>): Solution => ({
  ...EMPTY,
  ...readJson<Partial<Record_>>(r.record, {}),
  id: r.id,
  retired: readFlag(r.retired),
  contractEnds: r.contract_ends,
  version: toNumber(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** By name, then id (code-point order of the name key, the same on both engines). */
const byName = (a: Solution, b: Solution) => compareText(solutionNameKey(a.name), solutionNameKey(b.name)) || compareText(a.id, b.id);

/**
 * The entries offered for re-use, held in memory by one store (its own repositories and those of its
 * transactions share it): every submitted idea is matched against them. A change made through this store is
 * seen at once; one made by another process (a second instance, `npm run import-catalogue`) within a minute.
 */
export interface HeldSolutions {
  entries: readonly Solution[] | null;
  readAt: number;
}
export const holdSolutions = (): HeldSolutions => ({ entries: null, readAt: 0 });
const HOLD_MS = 60_000;

export function solutionRepository(db: Kysely<Database>, held: HeldSolutions = holdSolutions()): SolutionRepository {
  const changed = <T>(result: T): T => {
    held.entries = null;
    return result;
  };
  return {
    async get(id) {
      const row = await db.selectFrom('solutions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async byName(name) {
      const row = await db.selectFrom('solutions').selectAll().where('name_key', '=', solutionNameKey(name)).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async list() {
      const rows = await db.selectFrom('solutions').selectAll().execute();
      return rows.map(fromRow).sort(byName);
    },
    async offered() {
      if (held.entries && Date.now() - held.readAt < HOLD_MS) return held.entries;
      const rows = await db.selectFrom('solutions').selectAll().where('retired', '=', writeFlag(false)).execute();
      held.entries = rows.map(fromRow).sort(byName);
      held.readAt = Date.now();
      return held.entries;
    },
    async insert(solution) {
      const result = await db
        .insertInto('solutions')
        .values(toRow(solution, solution.version))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return changed(toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0);
    },
    async update(solution, expectedVersion) {
      const { id, created_at: _c, ...values } = toRow(solution, expectedVersion + 1);
      const result = await db.updateTable('solutions').set(values).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      return changed(toNumber(result.numUpdatedRows) > 0);
    },
    async contractsEndingBy(date) {
      const rows = await db.selectFrom('solutions').selectAll().where('retired', '=', 0).where('contract_ends', 'is not', null).where('contract_ends', '<=', date).execute();
      return rows.map(fromRow).sort((a, b) => compareText(a.contractEnds ?? '', b.contractEnds ?? '') || byName(a, b));
    },
  };
}
