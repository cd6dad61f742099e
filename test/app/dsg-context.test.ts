import { reportLinks } from '../../src/app/reports/report-links';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import { dsgContext, ROSTER_TTL_MS } from '../../src/app/triage/dsg-context';
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
  let answers: (Member[] | Error)[];
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
        return next;
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
});
