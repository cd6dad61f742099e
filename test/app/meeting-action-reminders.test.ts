/**
 * A meeting action through the reminder engine, run by run against a real store: open, then due soon (once), then
 * overdue (at every run), and after three reminders with no change escalated to the chair, once. Done ends it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import type { Store } from '../../src/app/ports';
import { sendDueReminders } from '../../src/app/reminders/send-due-reminders';
import { actionKey, completeAction, endMeeting, type MeetingAction, startMeeting } from '../../src/domain/meetings';
import { DEFAULT_THRESHOLDS } from '../../src/domain/reminders';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { openStore } from '../../src/storage/open-store';
import { appDeps } from './support/app-deps';

const chair = { aadObjectId: 'aad-chair', name: 'DSG Chair' };
const lead = { aadObjectId: 'aad-lead', name: 'Project Lead (Learning) 2' };
const DUE = '2026-12-21';

describe('a meeting action in the reminder engine', () => {
  let dir: string;
  let store: Store;
  let now: Date;
  let deps: Deps;
  let action: MeetingAction;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-action-reminders-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    now = new Date('2026-12-01T09:00:00Z');
    deps = appDeps(store, () => now);
    await store.settings.save({ ...EMPTY_SETTINGS, chair, meetings: [{ date: '2027-01-14', startTime: '10:00', place: null }] }, 0);
    const meeting = endMeeting(startMeeting('m-1', '2026-11-30', '10:00', [], chair.name, '2026-11-30T10:00:00.000Z'), '2026-11-30T11:00:00.000Z');
    await store.meetings.insert(meeting);
    action = { id: 'act-1', meetingId: meeting.id, itemId: 'added:x', reference: null, what: 'Send the survey to the schools', owner: lead, due: DUE, createdAt: '2026-11-30T10:30:00.000Z', createdBy: chair.name, doneAt: null, doneBy: null };
    await store.meetings.addAction(action);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the reminders on `date` and returns what the owner's card listed about the action (its kind), and what the chair was told. */
  async function runOn(date: string) {
    now = new Date(`${date}T09:00:00Z`);
    const slot = `test-${date}`;
    await sendDueReminders(deps, slot, DEFAULT_THRESHOLDS);
    const card = await store.outbox.get(`reminder:${slot}:${lead.aadObjectId}`);
    const items = card?.intent.kind === 'reminder' ? card.intent.items.filter((i) => i.key === actionKey(action.id)) : [];
    return { kinds: items.map((i) => i.kind), what: items.map((i) => i.what) };
  }
  const escalations = async (fingerprint: string) => {
    const message = await store.outbox.get(`escalation:${actionKey(action.id)}:${lead.aadObjectId}:${fingerprint}`);
    return message ? { target: message.target, intent: message.intent } : null;
  };

  it('reminds the owner of the open action, then once when it is due soon', async () => {
    expect(await runOn('2026-12-01')).toEqual({ kinds: ['action'], what: ['Send the survey to the schools (due 21 Dec 2026)'] });
    // Due within 7 days: one due-soon reminder, not again the next day.
    expect((await runOn('2026-12-15')).kinds).toEqual(['action-due-soon']);
    expect((await runOn('2026-12-16')).kinds).toEqual([]);
  });

  it('chases an overdue action at every run, and after three reminders with no change tells the chair, once', async () => {
    expect(await runOn('2026-12-22')).toEqual({ kinds: ['action-overdue'], what: ['Send the survey to the schools (was due 21 Dec 2026)'] });
    expect((await runOn('2026-12-23')).kinds).toEqual(['action-overdue']);
    expect((await runOn('2026-12-24')).kinds).toEqual(['action-overdue']);
    expect(await escalations(`action-overdue|${DUE}`)).toBeNull();

    expect((await runOn('2026-12-29')).kinds).toEqual(['action-overdue']);
    const escalated = await escalations(`action-overdue|${DUE}`);
    expect(escalated?.target).toMatchObject({ kind: 'person', userId: chair.aadObjectId });
    expect(escalated?.intent).toMatchObject({
      kind: 'notice',
      notice: { title: 'Escalated: DSG', lines: expect.arrayContaining([`${lead.name} has been reminded 3 times with no change: Send the survey to the schools (was due 21 Dec 2026)`]) },
    });
    expect((await store.reminders.get(actionKey(action.id), lead.aadObjectId))?.escalatedAt).toBe('2026-12-29T09:00:00.000Z');

    // Chased again, but the chair is not told twice.
    expect((await runOn('2026-12-30')).kinds).toEqual(['action-overdue']);
    expect((await store.reminders.get(actionKey(action.id), lead.aadObjectId))?.escalatedAt).toBe('2026-12-29T09:00:00.000Z');
  });

  it('sends nothing more once the action is done', async () => {
    await store.meetings.completeAction(completeAction(action, lead.name, '2026-12-30T12:00:00.000Z'));
    expect((await runOn('2026-12-31')).kinds).toEqual([]);
  });
});
