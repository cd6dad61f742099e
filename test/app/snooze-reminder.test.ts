import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import type { Store } from '../../src/app/ports';
import { snoozeReminder } from '../../src/app/reminders/snooze-reminder';
import { reportLinks } from '../../src/app/reports/report-links';
import { WorkingCalendar } from '../../src/domain/calendar';
import { CATALOGUE_GROUP, contractKey } from '../../src/domain/procurement';
import { DEFAULT_THRESHOLDS, type ReminderItem } from '../../src/domain/reminders';
import { openStore } from '../../src/storage/open-store';

describe('snoozeReminder', () => {
  let dir: string;
  let store: Store;
  let now: Date;
  let deps: Deps;
  const lead = { id: '29:lead', aadObjectId: 'aad-lead', name: 'Project Lead (Learning) 2', tenantId: 't' };
  const item: ReminderItem = {
    key: 'DP-2026-0001:plan',
    reference: 'DP-2026-0001',
    projectTitle: 'Schools app',
    kind: 'plan',
    milestoneId: null,
    recipient: { aadObjectId: 'aad-lead', name: lead.name },
    fingerprint: 'none',
    what: 'Add the implementation plan.',
    why: 'The strategy asks for one.',
  };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-snooze-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    now = new Date('2026-12-01T10:00:00Z');
    deps = {
      store,
      calendar: new WorkingCalendar([]),
      reminders: DEFAULT_THRESHOLDS,
      clock: { now: () => now },
      newId: () => 'id',
      roles: { adminAadIds: [] },
      roster: { teamMembers: async () => [] },
      reportLinks: reportLinks('s'.repeat(32), 'http://127.0.0.1:3978'),
      kickOutbox: () => undefined,
    };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('snoozes once for a second press while the snooze lasts, and again once it is over', async () => {
    expect(await snoozeReminder(deps, lead, item, 'On leave', DEFAULT_THRESHOLDS)).toBe('Snoozed until 8 Dec 2026.');
    now = new Date('2026-12-01T10:00:05Z');
    expect(await snoozeReminder(deps, lead, item, 'On leave', DEFAULT_THRESHOLDS)).toBe('Already snoozed until 8 Dec 2026.');
    expect((await store.reminders.get(item.key, 'aad-lead'))?.snoozes).toBe(1);
    expect((await store.audit.listFor('request', item.reference)).filter((e) => e.action === 'reminder.snooze')).toHaveLength(1);
    now = new Date('2026-12-09T10:00:00Z');
    expect(await snoozeReminder(deps, lead, item, 'Still on leave', DEFAULT_THRESHOLDS)).toBe('Snoozed until 16 Dec 2026.');
    expect((await store.reminders.get(item.key, 'aad-lead'))?.snoozes).toBe(2);
  });

  it("tells the chair, not a project's Digital Leader, when a catalogue contract item is snoozed too often; audited against the entry", async () => {
    const chair = { aadObjectId: 'aad-chair', name: 'DSG Chair' };
    await store.settings.save({ ...(await store.settings.get()), chair }, 0);
    const contract: ReminderItem = { ...item, key: contractKey('sol-1'), reference: CATALOGUE_GROUP, projectTitle: 'Licences and contracts ending', kind: 'contract-ending', fingerprint: '2027-03-31' };
    for (let i = 0; i <= DEFAULT_THRESHOLDS.maxSnoozes; i++) {
      now = new Date(Date.parse('2026-12-01T10:00:00Z') + i * 8 * 86_400_000);
      await snoozeReminder(deps, lead, contract, 'Waiting for the framework', DEFAULT_THRESHOLDS);
    }
    const told = await store.outbox.get(`snoozed:${contract.key}:aad-lead:${DEFAULT_THRESHOLDS.maxSnoozes + 1}`);
    expect(told?.target).toMatchObject({ kind: 'person', userId: 'aad-chair' });
    expect(told?.intent).toMatchObject({ kind: 'notice', notice: { title: 'Snoozed again: Catalogue' } });
    expect((told?.intent as { notice: { open?: unknown } }).notice.open).toBeUndefined();
    expect((await store.audit.listFor('solution', 'sol-1')).map((e) => e.action)).toEqual(Array(DEFAULT_THRESHOLDS.maxSnoozes + 1).fill('reminder.snooze'));
  });
});
