import { type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { Outbox, OutboxIntent, OutboxMessage, OutboxTarget } from '../app/outbox/ports';
import { compareText, readObject, toNumber, writeJson } from './columns';
import type { Database, Engine, OutboxTable } from './schema';

type Row = Selectable<OutboxTable>;
type NewMessage = Parameters<Outbox['enqueue']>[0];

const toRow = (m: NewMessage): Row => ({
  id: m.id,
  key: m.key,
  target: writeJson(m.target),
  intent: writeJson(m.intent),
  status: 'pending',
  attempts: 0,
  next_attempt_at: m.nextAttemptAt,
  created_at: m.createdAt,
  sent_at: null,
  activity_id: null,
  last_error: null,
  claimed_by: null,
  claimed_until: null,
});

const fromRow = (r: Row): OutboxMessage => ({
  id: r.id,
  key: r.key,
  target: readObject<OutboxTarget>(r.target),
  intent: readObject<OutboxIntent>(r.intent),
  status: r.status as OutboxMessage['status'],
  attempts: toNumber(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  activityId: r.activity_id,
  lastError: r.last_error,
});

const dueFirst = (a: Row, b: Row): number =>
  compareText(a.next_attempt_at, b.next_attempt_at) || compareText(a.created_at, b.created_at) || compareText(a.id, b.id);

/** Pending, due by `now`, and not under another worker's lease. */
const claimable = (now: string) => (eb: ExpressionBuilder<Database, 'outbox'>) =>
  eb.and([
    eb('status', '=', 'pending'),
    eb('next_attempt_at', '<=', now),
    eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
  ]);

const unclaimed = { claimed_by: null, claimed_until: null } as const;

export function outbox(db: Kysely<Database>, engine: Engine): Outbox {
  const setById = async (id: string, values: Partial<Row>): Promise<void> => {
    await db.updateTable('outbox').set(values).where('id', '=', id).execute();
  };

  return {
    async enqueue(message) {
      const result = await db
        .insertInto('outbox')
        .values(toRow(message))
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async claim(now, limit, worker, leaseMs) {
      if (limit <= 0) return [];
      const claimedUntil = new Date(Date.parse(now) + leaseMs).toISOString();
      // One statement, so choosing and claiming are atomic. SQLite: a writing statement holds the write lock
      // from its start. PostgreSQL: rows another claim has locked are skipped, and a row claimed since this
      // statement's snapshot fails `claimable` when re-checked under its lock. The choice is a MATERIALIZED
      // CTE so it runs exactly once: as a plain `IN (subquery)` the planner may re-run it per row, each run
      // skipping the rows this statement already updated, claiming more than `limit` (seen in the tests).
      const rows = await db
        .with(
          (cte) => cte('due').materialized(),
          (q) =>
            q
              .selectFrom('outbox')
              .select('id')
              .where(claimable(now))
              .orderBy('next_attempt_at')
              .orderBy('created_at')
              .limit(limit)
              .$if(engine === 'postgres', (locking) => locking.forUpdate().skipLocked()),
        )
        .updateTable('outbox')
        .set((eb) => ({ claimed_by: worker, claimed_until: claimedUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
        .returningAll()
        .execute();
      // RETURNING gives no order.
      return rows.sort(dueFirst).map(fromRow);
    },

    markSent: (id, at, activityId) => setById(id, { status: 'sent', sent_at: at, activity_id: activityId, ...unclaimed }),
    markRetry: (id, nextAttemptAt, error) => setById(id, { next_attempt_at: nextAttemptAt, last_error: error, ...unclaimed }),
    markFailed: (id, error) => setById(id, { status: 'failed', last_error: error, ...unclaimed }),

    async get(key) {
      const row = await db.selectFrom('outbox').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async failed(limit) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'failed')
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}
