import type { Kysely, Selectable } from 'kysely';
import type { HealthRatings, HealthUpdate, Rag } from '../domain/health';
import { readFlag, toNumber, writeFlag } from './columns';
import type { Database, HealthUpdatesTable } from './schema';

type Row = Selectable<HealthUpdatesTable>;

const toRow = (reference: string, u: HealthUpdate): Row => ({
  reference,
  version: u.version,
  overall: u.ratings.overall.rag,
  overall_reason: u.ratings.overall.reason,
  time: u.ratings.time.rag,
  time_reason: u.ratings.time.reason,
  cost: u.ratings.cost.rag,
  cost_reason: u.ratings.cost.reason,
  scope: u.ratings.scope.rag,
  scope_reason: u.ratings.scope.reason,
  set_at: u.setAt,
  set_by: u.setBy,
  confirmed: writeFlag(u.confirmed),
});

const fromRow = (r: Row): HealthUpdate => {
  const ratings: HealthRatings = {
    overall: { rag: r.overall as Rag, reason: r.overall_reason },
    time: { rag: r.time as Rag, reason: r.time_reason },
    cost: { rag: r.cost as Rag, reason: r.cost_reason },
    scope: { rag: r.scope as Rag, reason: r.scope_reason },
  };
  return { version: toNumber(r.version), ratings, setAt: r.set_at, setBy: r.set_by, confirmed: readFlag(r.confirmed) };
};

/** Keeps a setting under its number: false when the project already has one with that number (someone set it first). */
export async function recordHealth(db: Kysely<Database>, reference: string, update: HealthUpdate): Promise<boolean> {
  const result = await db
    .insertInto('health_updates')
    .values(toRow(reference, update))
    .onConflict((oc) => oc.columns(['reference', 'version']).doNothing())
    .executeTakeFirst();
  return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Every setting of a project, newest first. */
export async function healthHistory(db: Kysely<Database>, reference: string): Promise<HealthUpdate[]> {
  const rows = await db.selectFrom('health_updates').selectAll().where('reference', '=', reference).orderBy('version', 'desc').execute();
  return rows.map(fromRow);
}

/**
 * The latest setting of one project (`reference`) or of every project (null), by reference; with `before` (an ISO
 * instant), the latest set before it: where each project stood then.
 */
export async function latestHealth(db: Kysely<Database>, reference: string | null, before?: string): Promise<Map<string, HealthUpdate>> {
  // Each project's latest version, grouped along the primary key (reference, version) in one pass, then its row.
  const rows = await db
    .selectFrom('health_updates as h')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('health_updates')
          .select((e) => ['reference', e.fn.max('version').as('latest')])
          .$if(reference !== null, (q) => q.where('reference', '=', reference as string))
          .$if(before !== undefined, (q) => q.where('set_at', '<', before as string))
          .groupBy('reference')
          .as('l'),
      (join) => join.onRef('l.reference', '=', 'h.reference').onRef('l.latest', '=', 'h.version'),
    )
    .selectAll('h')
    .execute();
  return new Map(rows.map((r) => [r.reference, fromRow(r)]));
}
