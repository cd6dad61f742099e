import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import { postDigests } from '../../src/app/digests/post-digests';
import type { Store } from '../../src/app/ports';
import { reportLinks } from '../../src/app/reports/report-links';
import { WorkingCalendar } from '../../src/domain/calendar';
import { DEFAULT_THRESHOLDS } from '../../src/domain/reminders';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { openStore } from '../../src/storage/open-store';

describe('postDigests: the weekly and the pre-meeting digest on the same morning', () => {
  let dir: string;
  let store: Store;
  let now: Date;
  let deps: Deps;
  const channel = { conversationId: '19:dsg@thread.tacv2', teamId: '19:team', name: 'General', reference: { conversation: { id: '19:dsg@thread.tacv2' } } };
  const run = (weekly: boolean) => postDigests(deps, { weekly, daysBeforeMeeting: 3 });
  const queuedKeys = async () => {
    const keys = ['digest:meeting-2026-12-10:', 'digest:week-2026-12-07:', 'digest:week-2026-11-30:'].map((k) => `${k}${channel.conversationId}`);
    const found = await Promise.all(keys.map((k) => store.outbox.get(k)));
    return keys.filter((_, i) => found[i] !== null);
  };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-post-digests-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    // Monday 7 Dec 2026, 09:00; the DSG meets on Thursday 10 Dec, three working days ahead.
    now = new Date('2026-12-07T09:00:00Z');
    let id = 0;
    deps = {
      store,
      calendar: new WorkingCalendar([]),
      reminders: DEFAULT_THRESHOLDS,
      clock: { now: () => now },
      newId: () => `id-${++id}`,
      roles: { adminAadIds: [] },
      roster: { teamMembers: async () => [] },
      reportLinks: reportLinks('s'.repeat(32), 'http://127.0.0.1:3978'),
      kickOutbox: () => undefined,
    };
    await store.settings.save({ ...EMPTY_SETTINGS, channel, meetings: [{ date: '2026-12-10', startTime: '10:00', place: null }] }, 0);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts the pre-meeting digest instead of the weekly one when the weekly run comes first', async () => {
    expect(await run(true)).toEqual({ queued: 1, meeting: '2026-12-10' });
    expect(await run(false)).toEqual({ queued: 0, meeting: '2026-12-10' });
    expect(await run(true)).toEqual({ queued: 0, meeting: '2026-12-10' });
    expect(await queuedKeys()).toEqual([`digest:meeting-2026-12-10:${channel.conversationId}`]);
  });

  it('does the same when the meeting check comes first', async () => {
    expect((await run(false)).queued).toBe(1);
    now = new Date('2026-12-07T09:00:40Z');
    expect((await run(true)).queued).toBe(0);
    expect(await queuedKeys()).toEqual([`digest:meeting-2026-12-10:${channel.conversationId}`]);
  });

  it('posts the weekly digest as usual on a Monday after the pre-meeting digest went out', async () => {
    now = new Date('2026-12-03T09:00:00Z'); // Thursday before a meeting on Tuesday 8 Dec
    await store.settings.save({ ...(await store.settings.get()), meetings: [{ date: '2026-12-08', startTime: '10:00', place: null }] }, 1);
    expect((await run(false)).queued).toBe(1);
    now = new Date('2026-12-07T09:00:00Z');
    expect(await run(true)).toEqual({ queued: 1, meeting: '2026-12-08' });
    expect(await store.outbox.get(`digest:week-2026-12-07:${channel.conversationId}`)).not.toBeNull();
  });
});
