import { Cron } from 'croner';
import type { Clock, ScheduledRuns } from '../app/ports';
import { addDays, londonDate, londonInstant, londonTime } from '../domain/calendar';
import { isUnavailable } from '../domain/errors';

/**
 * Runs a job at the times of a cron pattern, in London time, on working days only, once per slot across
 * every process sharing the database.
 *
 * Each tick (every `tickMs`, and at the next scheduled instant if that comes sooner) looks at one slot: the
 * most recent scheduled instant at or before now, named by that instant in ISO-8601 UTC (so 09:30 London
 * is `...T09:30:00.000Z` in winter and `...T08:30:00.000Z` in summer, and the hour that repeats when the
 * clocks go back gives two distinct slots). A slot on a day that is not a working day (weekend or bank
 * holiday) is skipped, or with `onNonWorkingDay: 'next-working-day'` run at the same London time on the next
 * working day (a weekly Monday 09:00 job runs on Tuesday at 09:00 after a bank holiday Monday). The slot is
 * also skipped when:
 *  - it belongs to an earlier London day than now: a slot is never made up the next day;
 *  - without `catchUpSameDay`, it is more than two ticks old: a bot that was down at 09:30 does not send
 *    the 09:30 run at 14:00. With `catchUpSameDay`, it does, as long as it is still the same London day.
 * Otherwise `runs.claim(job, slot, now)` decides: the database's primary key lets exactly one caller, in
 * any process, take the slot, and only that caller runs it. A job that makes its own effects exactly-once
 * (`idempotent`) is not claimed: it runs in every process, and again after a restart the same day, and its
 * own unique keys keep it from doing anything twice; so a run that failed or crashed half-way is finished later.
 *
 * The claim is taken before the run, so a run is never repeated, but one that crashes half-way is not
 * retried either (at most once per slot): a job must make its own effects safe to stop half-way, as the
 * reminders do by queueing through the outbox with unique keys. A run's error is logged, never thrown out
 * of the timer. One tick at a time per schedule, so a job never runs twice at once in this process.
 *
 * While the database is unavailable nothing is lost: a claim that fails is tried again, and a claimed run that
 * fails with the domain's UNAVAILABLE error is run again for the same slot by the process holding the claim
 * (a job writes its slot's work in one transaction, as the reminders do, so a failed run left nothing behind).
 * Those retries back off (1, 2, 4 ... s, at most a tick apart) instead of waiting for the next tick.
 */

interface ScheduleLog {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
  debug?(o: object, msg?: string): void;
}

export interface ScheduleOptions {
  /** The job's name: the key, with the slot, of its claims in scheduled_runs. */
  job: string;
  /** A croner pattern, five fields (minute hour day month weekday), e.g. '30 9 * * 1-5'. */
  cron: string;
  /** The time zone the pattern is read in; only London is supported (working days are London days). */
  timezone?: 'Europe/London';
  calendar: { isWorkingDay(isoDate: string): boolean };
  runs: ScheduledRuns;
  clock: Clock;
  /** The job; `slot` is the scheduled instant being run (ISO-8601 UTC). */
  run(slot: string): Promise<void>;
  log: ScheduleLog;
  /** How often to look (default 30 s); a slot up to two ticks old is still run. */
  tickMs?: number;
  /** Run a slot missed earlier today (e.g. the bot was down at 09:30) when the bot is back the same day. Default false. */
  catchUpSameDay?: boolean;
  /** What a slot on a weekend or bank holiday does: nothing (default), or run on the next working day at the same time. */
  onNonWorkingDay?: 'skip' | 'next-working-day';
  /** The job dedupes its own effects: run it without claiming the slot (see above). Default false. */
  idempotent?: boolean;
  /** Start the timer (default true). Tests pass false and call `tick()` with their own clock. */
  timer?: boolean;
}

export interface Schedule {
  /** Stops the timer and resolves once the tick (and run) in flight, if any, has finished. */
  stop(): Promise<void>;
  /**
   * Looks at the current slot once. Resolves true if this call claimed the slot and ran the job (even if the
   * job then failed: that is logged), false otherwise, including while another tick is in flight. Never rejects.
   */
  tick(): Promise<boolean>;
}

const DEFAULT_TICK_MS = 30_000;
/** The first retry after the database was unavailable; each further one waits twice as long, up to a tick. */
const RETRY_BASE_MS = 1_000;

/** Why a slot was not run; each is final for that slot, so it is logged once. */
type Skip = 'not a working day' | 'from an earlier day' | 'missed (the bot was not running)';

export function startSchedule(options: ScheduleOptions): Schedule {
  const { job, calendar, runs, clock, run, log } = options;
  const timezone = options.timezone ?? 'Europe/London';
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  const catchUpSameDay = options.catchUpSameDay ?? false;
  const moveToWorkingDay = options.onNonWorkingDay === 'next-working-day';
  if (!Number.isFinite(tickMs) || tickMs <= 0) throw new RangeError(`schedule ${job}: tickMs must be a positive number of ms`);
  let cron: Cron;
  try {
    cron = new Cron(options.cron, { timezone, paused: true });
  } catch (err) {
    throw new Error(`schedule ${job}: invalid cron pattern ${JSON.stringify(options.cron)}: ${(err as Error).message}`);
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<boolean> | null = null;
  /** The last slot this schedule decided about (ran, lost to another process, or skipped): not looked at again. */
  let decided: string | null = null;
  /** A slot this process claimed whose run failed because the database was unavailable: run again, unclaimed. */
  let retrying: string | null = null;
  /** Claims or runs that failed in a row (the database is unavailable): the next look comes sooner than a tick. */
  let failures = 0;

  /** The latest scheduled instant at or before `now`, or null if the pattern has none. */
  function slotAt(now: Date): Date | null {
    // previousRuns looks strictly before its reference (a run earlier in the same second counts): ask from 1 ms later.
    let slot = cron.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
    if (slot && slot.getTime() > now.getTime()) slot = cron.previousRuns(1, slot)[0] ?? null;
    return slot;
  }

  /** When a slot is run: at its instant, or for a slot on a non-working day moved, on the next working day. */
  function dueAt(slot: Date): Date {
    let day = londonDate(slot);
    if (!moveToWorkingDay || calendar.isWorkingDay(day)) return slot;
    do day = addDays(day, 1);
    while (!calendar.isWorkingDay(day));
    return londonInstant(day, londonTime(slot));
  }

  function skipReason(due: Date, now: Date, slot: string): Skip | null {
    const day = londonDate(due);
    if (day !== londonDate(now)) return 'from an earlier day';
    if (!calendar.isWorkingDay(day)) return 'not a working day';
    if (!catchUpSameDay && slot !== retrying && now.getTime() - due.getTime() > 2 * tickMs) return 'missed (the bot was not running)';
    return null;
  }

  async function once(): Promise<boolean> {
    const now = clock.now();
    const at = slotAt(now);
    if (!at) return false;
    const slot = at.toISOString();
    if (slot === decided) return false;
    const due = dueAt(at);
    // A slot moved to the next working day waits for it (not decided: looked at again).
    if (due.getTime() > now.getTime()) return false;
    const skip = skipReason(due, now, slot);
    if (skip) {
      decided = slot;
      // A slot from an earlier day is only ever seen at start-up or just after midnight: not worth a line.
      if (skip !== 'from an earlier day') log.info({ job, slot, reason: skip }, 'schedule: slot skipped');
      return false;
    }
    let claimed: boolean;
    try {
      claimed = options.idempotent || slot === retrying ? true : await runs.claim(job, slot, now.toISOString());
    } catch (err) {
      // Not decided: the next tick tries again (the database may be back by then).
      failures++;
      log.error({ job, slot, err: err instanceof Error ? err.message : String(err) }, 'schedule: could not claim the slot; will try again');
      return false;
    }
    decided = slot;
    if (!claimed) {
      log.debug?.({ job, slot }, 'schedule: slot already taken by another process');
      return false;
    }
    log.info({ job, slot }, 'schedule: run started');
    const started = Date.now();
    try {
      await run(slot);
      retrying = null;
      failures = 0;
      log.info({ job, slot, ms: Date.now() - started }, 'schedule: run finished');
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (options.idempotent || isUnavailable(err)) {
        // Safe to run again: a later look does (the database may be back by then). This process keeps the claim.
        decided = null;
        if (!options.idempotent) retrying = slot;
        failures++;
        log.error({ job, slot, err: reason }, 'schedule: run failed; will try again');
      } else {
        log.error({ job, slot, err: reason }, 'schedule: run failed (not retried for this slot)');
      }
    }
    return true;
  }

  function tick(): Promise<boolean> {
    if (stopped || inFlight) return Promise.resolve(false);
    inFlight = once()
      .catch((err: unknown) => {
        log.error({ job, err: err instanceof Error ? err.message : String(err) }, 'schedule: tick failed');
        return false;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  /** Wakes at the next scheduled instant if it comes before the next regular tick. */
  function arm(): void {
    if (stopped) return;
    const now = clock.now();
    const next = cron.nextRun(now);
    const untilNext = next ? next.getTime() - now.getTime() : Infinity;
    const untilRetry = failures ? RETRY_BASE_MS * 2 ** (failures - 1) : Infinity;
    timer = setTimeout(() => {
      void tick().finally(arm);
    }, Math.max(0, Math.min(tickMs, untilNext, untilRetry)));
    timer.unref();
  }

  if (options.timer ?? true) {
    // Look at once: a bot started within two ticks of a slot (or later the same day, with catchUpSameDay) runs it.
    timer = setTimeout(() => {
      void tick().finally(arm);
    }, 0);
    timer.unref();
  }

  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      cron.stop();
      await inFlight;
    },
  };
}
