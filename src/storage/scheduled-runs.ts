import type { Kysely } from 'kysely';
import type { ScheduledRuns } from '../app/ports';
import { toNumber } from './columns';
import type { Database } from './schema';

/**
 * Slots of the scheduled jobs. The primary key (job, slot) decides who runs a slot: the first insert wins
 * and every other, in this process or another, inserts nothing. On PostgreSQL a second insert of the same
 * key waits for the first one's transaction and then does nothing; SQLite takes one writer at a time.
 */
export function scheduledRuns(db: Kysely<Database>): ScheduledRuns {
  return {
    async claim(job, slot, at) {
      const result = await db
        .insertInto('scheduled_runs')
        .values({ job, slot, started_at: at })
        .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
        .executeTakeFirst();
      return toNumber(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async last(job) {
      // Slots are ISO-8601 UTC instants written one way (Date#toISOString), so text order is time order.
      const row = await db
        .selectFrom('scheduled_runs')
        .select((eb) => eb.fn.max('slot').as('slot'))
        .where('job', '=', job)
        .executeTakeFirst();
      return row?.slot ?? null;
    },
  };
}
