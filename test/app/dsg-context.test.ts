import { reportLinks } from '../../src/app/reports/report-links';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import { dsgContext, ROSTER_TTL_MS, ROSTER_WAIT_MS } from '../../src/app/triage/dsg-context';
import type { Roster } from '../../src/app/triage/ports';
import type { Store } from '../../src/app/ports';
import { EMPTY_SETTINGS, type Member } from '../../src/domain/settings';
import { openStore } from '../../src/storage/open-store';
import { WorkingCalendar } from '../../src/domain/calendar';
import { DEFAULT_THRESHOLDS } from '../../src/domain/reminders';

const chair: Member = { id: '29:chair', aadObjectId: 'aad-chair', name: 'DSG Chair' };
const leader: Member = { id: '29:leader', aadObjectId: 'aad-leader', name: 'Digital Leader (Learning)' };

describe('the DSG roster', () => {
  let dir: string;
  let store: Store;
  let now: Date;
  /** What Teams answers to each roster read, in order: a list, a failure, or a read that answers only when the test says. */
  let answers: (Member[] | Error | Promise<Member[]>)[];
  let calls: number;
  let warnings: string[];
  let deps: Deps;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-roster-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    now = new Date('2026-11-27T09:00:00Z');
    answers = [];
    calls = 0;
    warnings = [];
    const roster: Roster = {
      async teamMembers() {
        calls++;
        const next = answers.shift();
        if (!next || next instanceof Error) throw next ?? new Error('no answer');
        return await next;
      },
    };
    deps = { store, calendar: new WorkingCalendar([]), reminders: DEFAULT_THRESHOLDS, clock: { now: () => now }, newId: () => 'id', roles: { adminAadIds: [] }, roster, reportLinks: reportLinks('s'.repeat(32), 'http://127.0.0.1:3978'), kickOutbox: () => undefined, log: { warn: (_o, msg) => warnings.push(msg) } };
    await store.settings.save({ ...EMPTY_SETTINGS, channel: { conversationId: '19:c', teamId: 'team', name: 'General', reference: {} } }, 0);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is empty before there is a DSG channel, without asking Teams', async () => {
    await store.close();
    store = await openStore({ sqlitePath: path.join(dir, 'other.sqlite') });
    deps.store = store;
    expect((await dsgContext(deps)).members).toEqual([]);
    expect(calls).toBe(0);
  });

  it('reads the roster from Teams and trusts it for ten minutes', async () => {
    answers.push([chair], [chair, leader]);
    expect((await dsgContext(deps)).members).toEqual([chair]);
    now = new Date(now.getTime() + ROSTER_TTL_MS - 1);
    expect((await dsgContext(deps)).members).toEqual([chair]);
    expect(calls).toBe(1);
    now = new Date(now.getTime() + 2);
    expect((await dsgContext(deps)).members).toEqual([chair, leader]);
    expect(calls).toBe(2);
  });

  it('falls back to the last known members when Teams cannot be asked, and logs it', async () => {
    answers.push([chair, leader], new Error('502 from Teams'));
    await dsgContext(deps);
    now = new Date(now.getTime() + ROSTER_TTL_MS + 1);
    expect((await dsgContext(deps)).members).toEqual([chair, leader]);
    expect(warnings).toEqual(['could not read the DSG roster; using the last known members']);
  });

  describe('when Teams is slow', () => {
    /** A roster read that answers when the test calls `answer`. */
    const hanging = () => {
      let answer: (members: Member[]) => void = () => undefined;
      const read = new Promise<Member[]>((resolve) => (answer = resolve));
      return { read, answer };
    };
    /** dsgContext, with whether it has returned yet. */
    const started = (d: Deps) => {
      const run = { settled: false, result: dsgContext(d) };
      void run.result.then(() => (run.settled = true));
      return run;
    };
    /** Lets the database reads and the roster call before the wait begin (the clock does not move). */
    const untilTeamsIsAsked = async (n: number) => {
      while (calls < n) await jest.advanceTimersByTimeAsync(0);
    };

    beforeEach(() => {
      // Only the timers are fake: the database's own promises run as they would.
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'Date'] });
    });
    afterEach(() => jest.useRealTimers());

    it('waits at most ROSTER_WAIT_MS for a roster that never answers, then uses the last known members', async () => {
      const teams = hanging();
      answers.push([chair], teams.read);
      expect((await dsgContext(deps)).members).toEqual([chair]);
      now = new Date(now.getTime() + ROSTER_TTL_MS + 1);

      const run = started(deps);
      await untilTeamsIsAsked(2);
      await jest.advanceTimersByTimeAsync(ROSTER_WAIT_MS - 1);
      expect(run.settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(run.settled).toBe(true);
      expect((await run.result).members).toEqual([chair]);
      expect(warnings).toEqual(['Teams is slow to list the DSG; using the last known members meanwhile']);

      // The read goes on: when Teams answers at last, the list is kept and trusted for ten minutes.
      teams.answer([chair, leader]);
      await jest.advanceTimersByTimeAsync(0);
      expect((await store.roster.get('team'))?.members).toEqual([chair, leader]);
      expect((await dsgContext(deps)).members).toEqual([chair, leader]);
      expect(calls).toBe(2);
    });

    it('asks Teams once while a read is still going on, and gives the next caller the last known members too', async () => {
      const teams = hanging();
      answers.push([chair], teams.read);
      await dsgContext(deps);
      now = new Date(now.getTime() + ROSTER_TTL_MS + 1);

      const first = started(deps);
      await untilTeamsIsAsked(2);
      const second = started(deps);
      await jest.advanceTimersByTimeAsync(ROSTER_WAIT_MS);
      expect([(await first.result).members, (await second.result).members]).toEqual([[chair], [chair]]);
      expect(calls).toBe(2);
      teams.answer([leader]);
      await jest.advanceTimersByTimeAsync(0);
      expect((await dsgContext(deps)).members).toEqual([leader]);
    });

    it('gives no members after ROSTER_WAIT_MS when none were ever known', async () => {
      answers.push(hanging().read);
      const run = started(deps);
      await untilTeamsIsAsked(1);
      await jest.advanceTimersByTimeAsync(ROSTER_WAIT_MS);
      expect(run.settled).toBe(true);
      expect((await run.result).members).toEqual([]);
    });

    it('falls back at once, without waiting, when Teams fails quickly', async () => {
      answers.push([chair, leader], new Error('502 from Teams'));
      await dsgContext(deps);
      now = new Date(now.getTime() + ROSTER_TTL_MS + 1);

      const run = started(deps);
      await untilTeamsIsAsked(2);
      await jest.advanceTimersByTimeAsync(0);
      expect(run.settled).toBe(true);
      expect((await run.result).members).toEqual([chair, leader]);
      expect(warnings).toEqual(['could not read the DSG roster; using the last known members']);
    });
  });
});
