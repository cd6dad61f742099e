import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ScheduledRuns, Store } from '../../src/app/ports';
import { WorkingCalendar } from '../../src/domain/calendar';
import { unavailable } from '../../src/domain/errors';
import { loadBankHolidays } from '../../src/scheduler/bank-holidays';
import { type Schedule, type ScheduleOptions, startSchedule } from '../../src/scheduler/schedule';
import { openStore } from '../../src/storage/open-store';

const calendar = new WorkingCalendar(loadBankHolidays(resolve(__dirname, '../../config/bank-holidays-scotland.json')).dates);
const everyDay = { isWorkingDay: () => true };

class TestClock {
  constructor(private at: Date) {}
  now = (): Date => new Date(this.at);
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

class RecordingLog {
  readonly lines: { level: string; msg?: string; o: object }[] = [];
  info = (o: object, msg?: string) => this.lines.push({ level: 'info', o, msg });
  warn = (o: object, msg?: string) => this.lines.push({ level: 'warn', o, msg });
  error = (o: object, msg?: string) => this.lines.push({ level: 'error', o, msg });
  debug = (o: object, msg?: string) => this.lines.push({ level: 'debug', o, msg });
  errors = () => this.lines.filter((l) => l.level === 'error');
}

describe('startSchedule', () => {
  let dir: string;
  let sqlitePath: string;
  let store: Store;
  const opened: Store[] = [];
  const started: Schedule[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dsg-schedule-'));
    sqlitePath = join(dir, 'dsg.sqlite');
    store = await openStore({ sqlitePath });
    opened.push(store);
  });

  afterEach(async () => {
    for (const s of started.splice(0)) await s.stop();
    for (const s of opened.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A schedule driven by `tick()` alone, recording the slots it ran. */
  function schedule(clock: TestClock, overrides: Partial<ScheduleOptions> = {}) {
    const ran: string[] = [];
    const log = new RecordingLog();
    const s = startSchedule({
      job: 'reminders',
      cron: '30 9 * * 1-5',
      calendar,
      runs: store.scheduledRuns,
      clock,
      run: async (slot) => {
        ran.push(slot);
      },
      log,
      timer: false,
      ...overrides,
    });
    started.push(s);
    return { s, ran, log };
  }

  /** Ticks at each instant in turn; returns what each tick returned. */
  async function tickAt(s: Schedule, clock: TestClock, instants: string[]): Promise<boolean[]> {
    const results: boolean[] = [];
    for (const at of instants) {
      clock.set(at);
      results.push(await s.tick());
    }
    return results;
  }

  it('runs each slot once, at its time, and not before', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:29:59.999Z'));
    const { s, ran } = schedule(clock);
    expect(
      await tickAt(s, clock, [
        '2026-12-01T09:29:59.999Z', // Tuesday, not yet (Monday's slot was St Andrew's Day)
        '2026-12-01T09:30:00.000Z', // exactly on time
        '2026-12-01T09:30:30.000Z',
        '2026-12-01T09:31:00.000Z',
        '2026-12-01T17:00:00.000Z',
        '2026-12-02T09:29:00.000Z', // Wednesday, before the slot: Tuesday's is from an earlier day
        '2026-12-02T09:30:25.000Z',
        '2026-12-02T09:30:55.000Z',
      ]),
    ).toEqual([false, true, false, false, false, false, true, false]);
    expect(ran).toEqual(['2026-12-01T09:30:00.000Z', '2026-12-02T09:30:00.000Z']);
    expect(await store.scheduledRuns.last('reminders')).toBe('2026-12-02T09:30:00.000Z');
  });

  it('does not run a slot another process has run, on the same database', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:30:05.000Z'));
    const a = schedule(clock);
    const otherStore = await openStore({ sqlitePath }); // another process's connection to the same file
    opened.push(otherStore);
    const b = schedule(clock, { runs: otherStore.scheduledRuns });

    expect(await a.s.tick()).toBe(true);
    clock.set('2026-12-01T09:30:35.000Z');
    expect(await b.s.tick()).toBe(false);
    expect(b.log.lines).toContainEqual(expect.objectContaining({ level: 'debug', msg: expect.stringMatching(/already taken/) }));

    // Both at once, the next day: exactly one runs.
    clock.set('2026-12-02T09:30:01.000Z');
    expect((await Promise.all([a.s.tick(), b.s.tick()])).filter(Boolean)).toHaveLength(1);
    expect([...a.ran, ...b.ran].sort()).toEqual(['2026-12-01T09:30:00.000Z', '2026-12-02T09:30:00.000Z']);
  });

  it('skips weekends and bank holidays, however the pattern reads', async () => {
    const clock = new TestClock(new Date('2026-11-27T09:30:00.000Z'));
    const { s, ran, log } = schedule(clock, { cron: '30 9 * * *' }); // every day of the week
    expect(
      await tickAt(s, clock, [
        '2026-11-27T09:30:10.000Z', // Friday
        '2026-11-28T09:30:10.000Z', // Saturday
        '2026-11-29T09:30:10.000Z', // Sunday
        '2026-11-30T09:30:10.000Z', // Monday, St Andrew's Day
        '2026-12-01T09:30:10.000Z', // Tuesday
        '2026-12-25T09:30:10.000Z', // Christmas Day (Friday)
        '2026-12-28T09:30:10.000Z', // Boxing Day substitute (Monday)
        '2026-12-29T09:30:10.000Z', // Tuesday
        '2027-01-04T09:30:10.000Z', // 2 January substitute (Monday)
        '2027-03-26T09:30:10.000Z', // Good Friday
      ]),
    ).toEqual([true, false, false, false, true, false, false, true, false, false]);
    expect(ran).toEqual(['2026-11-27T09:30:00.000Z', '2026-12-01T09:30:00.000Z', '2026-12-29T09:30:00.000Z']);
    expect(log.lines.filter((l) => l.msg?.includes('skipped')).map((l) => (l.o as { reason: string }).reason)).toEqual(Array(7).fill('not a working day'));
  });

  it('runs 09:30 London at 09:30Z in winter and 08:30Z in summer, across both clock changes', async () => {
    const clock = new TestClock(new Date('2026-03-27T09:30:00.000Z'));
    const { s, ran } = schedule(clock);
    expect(
      await tickAt(s, clock, [
        '2026-03-27T09:30:01.000Z', // Friday, GMT
        '2026-03-30T08:29:59.000Z', // Monday, BST since Sunday: 09:29:59 London
        '2026-03-30T08:30:01.000Z', // 09:30:01 London
        '2026-03-30T09:30:01.000Z', // 10:30 London: nothing more
        '2026-10-23T08:30:01.000Z', // Friday, BST
        '2026-10-26T08:30:01.000Z', // Monday, GMT since Sunday: 08:30 London, not yet
        '2026-10-26T09:30:01.000Z', // 09:30 London
        '2027-03-26T08:30:00.000Z', // Good Friday 2027: skipped
        '2027-03-29T08:30:00.000Z', // Monday after the 28 Mar 2027 change: 09:30 BST
        '2027-11-01T09:30:00.000Z', // Monday after the 31 Oct 2027 change: 09:30 GMT
      ]),
    ).toEqual([true, false, true, false, true, false, true, false, true, true]);
    expect(ran).toEqual([
      '2026-03-27T09:30:00.000Z',
      '2026-03-30T08:30:00.000Z',
      '2026-10-23T08:30:00.000Z',
      '2026-10-26T09:30:00.000Z',
      '2027-03-29T08:30:00.000Z',
      '2027-11-01T09:30:00.000Z',
    ]);
  });

  it('runs an every-minute job once a minute, including both passes of the hour repeated in October', async () => {
    const clock = new TestClock(new Date('2026-12-01T10:00:00.000Z'));
    const { s, ran } = schedule(clock, { job: 'minutely', cron: '* * * * *' });
    expect(
      await tickAt(s, clock, ['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:30.000Z', '2026-12-01T10:01:00.500Z', '2026-12-01T10:01:59.999Z', '2026-12-01T10:02:29.000Z']),
    ).toEqual([true, false, true, false, true]);
    expect(ran).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-01T10:01:00.000Z', '2026-12-01T10:02:00.000Z']);

    // Sunday 25 Oct 2026 (a working day for this test's calendar): 01:30 London is 00:30Z (BST), then 01:30Z (GMT).
    const october = schedule(clock, { job: 'minutely-october', cron: '* * * * *', calendar: everyDay });
    expect(await tickAt(october.s, clock, ['2026-10-25T00:30:10.000Z', '2026-10-25T01:30:10.000Z'])).toEqual([true, true]);
    expect(october.ran).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
  });

  it('runs a slot two ticks late, but not later, unless catching up the same day', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:31:00.000Z'));
    const onTime = schedule(clock, { job: 'a' });
    expect(await onTime.s.tick()).toBe(true); // 60 s late = two ticks of 30 s
    clock.set('2026-12-01T09:31:00.001Z');
    const late = schedule(clock, { job: 'b' });
    expect(await late.s.tick()).toBe(false);
    expect(late.log.lines).toContainEqual(expect.objectContaining({ msg: 'schedule: slot skipped', o: expect.objectContaining({ reason: 'missed (the bot was not running)' }) }));
    clock.set('2026-12-01T09:31:00.000Z');
    const slowTicks = schedule(clock, { job: 'c', tickMs: 60_000 });
    expect(await slowTicks.s.tick()).toBe(true);
  });

  it('catches up a slot missed while the bot was down the same day only, when catchUpSameDay', async () => {
    // The bot was down at 09:30 on Tuesday and comes back at 14:00.
    const clock = new TestClock(new Date('2026-12-01T14:00:00.000Z'));
    const strict = schedule(clock, { job: 'strict' });
    const catchUp = schedule(clock, { job: 'catch-up', catchUpSameDay: true });
    expect(await strict.s.tick()).toBe(false);
    expect(await catchUp.s.tick()).toBe(true);
    expect(catchUp.ran).toEqual(['2026-12-01T09:30:00.000Z']);
    clock.set('2026-12-01T23:59:59.000Z');
    expect(await catchUp.s.tick()).toBe(false); // once

    // Down all Wednesday: back on Thursday at 08:00, Wednesday's slot is not made up.
    const thursday = schedule(clock, { job: 'catch-up-2', catchUpSameDay: true });
    expect(await tickAt(thursday.s, clock, ['2026-12-03T00:00:00.000Z', '2026-12-03T08:00:00.000Z', '2026-12-03T09:29:00.000Z', '2026-12-03T12:00:00.000Z'])).toEqual([false, false, false, true]);
    expect(thursday.ran).toEqual(['2026-12-03T09:30:00.000Z']);

    // In summer, "the same day" is the London day: 23:30Z on Monday 29 Jun is already Tuesday in London.
    const summer = schedule(clock, { job: 'summer', catchUpSameDay: true });
    expect(await tickAt(summer.s, clock, ['2026-06-29T23:30:00.000Z', '2026-06-30T12:00:00.000Z'])).toEqual([false, true]);
    expect(summer.ran).toEqual(['2026-06-30T08:30:00.000Z']);
  });

  it("moves a slot on a bank holiday to the next working day at the same London time, when asked", async () => {
    // Weekly on Mondays at 09:00: 30 Nov 2026 is St Andrew's Day, so it runs on Tuesday 1 Dec at 09:00.
    const clock = new TestClock(new Date('2026-11-30T09:00:10.000Z'));
    const { s, ran } = schedule(clock, { cron: '0 9 * * 1', onNonWorkingDay: 'next-working-day', catchUpSameDay: true });
    expect(await tickAt(s, clock, ['2026-11-30T09:00:10.000Z', '2026-11-30T18:00:00.000Z', '2026-12-01T08:59:00.000Z', '2026-12-01T09:00:05.000Z', '2026-12-01T12:00:00.000Z'])).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(ran).toEqual(['2026-11-30T09:00:00.000Z']);
    // Christmas Day (Friday) and the Monday holiday: a Friday 09:00 slot on 25 Dec moves to Tuesday 29 Dec.
    const friday = schedule(clock, { job: 'fridays', cron: '0 9 * * 5', onNonWorkingDay: 'next-working-day' });
    expect(await tickAt(friday.s, clock, ['2026-12-25T09:00:10.000Z', '2026-12-28T09:00:10.000Z', '2026-12-29T09:00:10.000Z'])).toEqual([false, false, true]);
    // In summer the same London time is 08:00Z: the early May holiday (Monday 3 May 2027, BST) moves to Tuesday 08:00Z.
    const may = schedule(clock, { job: 'may', cron: '0 9 * * 1', onNonWorkingDay: 'next-working-day' });
    expect(await tickAt(may.s, clock, ['2027-05-03T08:00:10.000Z', '2027-05-04T07:59:00.000Z', '2027-05-04T08:00:10.000Z'])).toEqual([false, false, true]);
    expect(may.ran).toEqual(['2027-05-03T08:00:00.000Z']);
  });

  it('runs an idempotent job without claiming the slot: again after a restart the same day, and in every process', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:30:05.000Z'));
    const first = schedule(clock, { idempotent: true, catchUpSameDay: true });
    expect(await first.s.tick()).toBe(true);
    clock.set('2026-12-01T09:30:40.000Z');
    expect(await first.s.tick()).toBe(false); // decided in this process
    const restarted = schedule(clock, { idempotent: true, catchUpSameDay: true });
    expect(await restarted.s.tick()).toBe(true);
    expect([...first.ran, ...restarted.ran]).toEqual(['2026-12-01T09:30:00.000Z', '2026-12-01T09:30:00.000Z']);
    expect(await store.scheduledRuns.last('reminders')).toBeNull();
  });

  it('runs a failed idempotent job again at the next tick, until it succeeds', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:30:05.000Z'));
    let calls = 0;
    const { s } = schedule(clock, {
      idempotent: true,
      catchUpSameDay: true,
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('database unavailable');
      },
    });
    expect(await tickAt(s, clock, ['2026-12-01T09:30:05.000Z', '2026-12-01T09:30:35.000Z', '2026-12-01T09:31:05.000Z'])).toEqual([true, true, false]);
    expect(calls).toBe(2);
  });

  it('logs a failed run without throwing, and does not run that slot again', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:30:00.000Z'));
    let calls = 0;
    const { s, log } = schedule(clock, {
      run: async () => {
        calls++;
        throw new Error('Teams is down');
      },
    });
    await expect(s.tick()).resolves.toBe(true);
    clock.set('2026-12-01T09:30:30.000Z');
    await expect(s.tick()).resolves.toBe(false);
    expect(calls).toBe(1);
    expect(log.errors()).toEqual([expect.objectContaining({ o: expect.objectContaining({ job: 'reminders', slot: '2026-12-01T09:30:00.000Z', err: 'Teams is down' }) })]);
  });

  it('tries the claim again on the next tick when the database did not answer', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:30:00.000Z'));
    let failures = 1;
    const flaky: ScheduledRuns = {
      claim: (job, slot, at) => (failures-- > 0 ? Promise.reject(new Error('connection refused')) : store.scheduledRuns.claim(job, slot, at)),
      last: (job) => store.scheduledRuns.last(job),
    };
    const { s, ran, log } = schedule(clock, { runs: flaky });
    expect(await s.tick()).toBe(false);
    expect(log.errors()).toHaveLength(1);
    clock.set('2026-12-01T09:30:30.000Z');
    expect(await s.tick()).toBe(true);
    expect(ran).toEqual(['2026-12-01T09:30:00.000Z']);
  });

  it('runs a claimed slot again when its run failed because the database was unavailable, even late in the day', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:30:00.000Z'));
    let calls = 0;
    const claims: string[] = [];
    const counting: ScheduledRuns = {
      claim: (job, slot, at) => (claims.push(slot), store.scheduledRuns.claim(job, slot, at)),
      last: (job) => store.scheduledRuns.last(job),
    };
    const { s } = schedule(clock, {
      runs: counting,
      run: async () => {
        if (++calls < 3) throw unavailable('ECONNREFUSED');
      },
    });
    // Not catching up the same day, yet a slot this process holds is not "missed": it is finished.
    expect(await tickAt(s, clock, ['2026-12-01T09:30:00.000Z', '2026-12-01T09:30:02.000Z', '2026-12-01T09:35:00.000Z', '2026-12-01T09:36:00.000Z'])).toEqual([true, true, true, false]);
    expect(calls).toBe(3);
    expect(claims).toEqual(['2026-12-01T09:30:00.000Z']);
  });

  it('looks again within seconds, not a tick, while the database is unavailable', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T09:30:00.000Z'), doNotFake: ['nextTick', 'setImmediate'] });
    try {
      let calls = 0;
      const s = startSchedule({
        job: 'reminders',
        cron: '30 9 * * 1-5',
        calendar,
        runs: store.scheduledRuns,
        clock: { now: () => new Date() },
        run: async () => {
          if (++calls < 4) throw unavailable('ECONNREFUSED');
        },
        log: new RecordingLog(),
        tickMs: 30_000,
      });
      started.push(s);
      // Runs at 0, then retries 1 s, 2 s and 4 s later: done within 8 s, long before a 30 s tick.
      for (let i = 0; i < 80 && calls < 4; i++) await jest.advanceTimersByTimeAsync(100);
      expect(calls).toBe(4);
      expect(Date.now() - Date.parse('2026-12-01T09:30:00.000Z')).toBeLessThanOrEqual(7_100);
    } finally {
      jest.useRealTimers();
    }
  });

  it('never runs the job twice at once in a process', async () => {
    const clock = new TestClock(new Date('2026-12-01T10:00:00.000Z'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let running = 0;
    let most = 0;
    const { s, ran } = schedule(clock, {
      job: 'slow',
      cron: '* * * * *',
      run: async (slot) => {
        running++;
        most = Math.max(most, running);
        ran.push(slot);
        if (slot === '2026-12-01T10:00:00.000Z') await gate;
        running--;
      },
    });
    const first = s.tick();
    await new Promise((r) => setImmediate(r));
    clock.set('2026-12-01T10:01:00.000Z'); // the next slot is due while the first run is still going
    expect(await s.tick()).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(await s.tick()).toBe(true);
    expect(ran).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-01T10:01:00.000Z']);
    expect(most).toBe(1);
  });

  it('ticks on its own timer, and stop() waits for the run in flight', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:30:00.000Z'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let finished = false;
    const s = startSchedule({
      job: 'timed',
      cron: '30 9 * * 1-5',
      calendar,
      runs: store.scheduledRuns,
      clock,
      log: new RecordingLog(),
      tickMs: 10,
      run: async () => {
        started();
        await gate;
        finished = true;
      },
    });
    await running; // the first tick comes at once, without tick() being called
    const stopping = s.stop();
    setTimeout(release, 20);
    await stopping;
    expect(finished).toBe(true);
    expect(await s.tick()).toBe(false); // stopped
    expect(await store.scheduledRuns.last('timed')).toBe('2026-12-01T09:30:00.000Z');
  });

  it('refuses a pattern croner cannot read, naming the job', () => {
    const clock = new TestClock(new Date());
    expect(() => schedule(clock, { job: 'broken', cron: '61 9 * * *' })).toThrow(/schedule broken: invalid cron pattern "61 9 \* \* \*"/);
  });
});
