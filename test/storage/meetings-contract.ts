import { type AgendaPlan, EMPTY_AGENDA_PLAN } from '../../src/domain/agenda-plan';
import { type Meeting, type MeetingAction, startMeeting } from '../../src/domain/meetings';
import type { ContractContext } from './contract';

const meeting = (id: string, date: string): Meeting =>
  startMeeting(id, date, '10:00', [{ id: 'added:a1', source: 'added', reference: null, title: 'Website “review”', detail: 'Added by DSG Chair', addedBy: 'DSG Chair' }], 'DSG Chair', `${date}T10:00:00.000Z`);

const action = (id: string, meetingId: string, due: string): MeetingAction => ({
  id,
  meetingId,
  itemId: 'added:a1',
  reference: 'DP-2026-0001',
  what: `Action ${id}`,
  owner: { aadObjectId: 'aad-lead', name: 'Project Lead' },
  due,
  createdAt: '2026-12-04T10:00:00.000Z',
  createdBy: 'DSG Chair',
  doneAt: null,
  doneBy: null,
});

/** Meetings, agenda additions and actions: inside the Store contract. */
export function meetingsContract({ store: s, database }: ContractContext): void {
  describe('meetings', () => {
    it('stores a meeting once per date and finds it by id, date and as the running one', async () => {
      const m = meeting('m1', '2026-12-04');
      expect(await s().meetings.insert(m)).toBe(true);
      expect(await s().meetings.insert(meeting('m1-again', '2026-12-04'))).toBe(false);
      expect(await s().meetings.get('m1')).toEqual(m);
      expect(await s().meetings.byDate('2026-12-04')).toEqual(m);
      expect((await s().meetings.running())?.id).toBe('m1');
    });

    it('updates only at the expected version', async () => {
      await s().meetings.insert(meeting('m1', '2026-12-04'));
      const m = (await s().meetings.get('m1'))!;
      const ended = { ...m, status: 'ended' as const, endedAt: '2026-12-04T11:00:00.000Z', version: m.version + 1 };
      expect(await s().meetings.update(ended, m.version)).toBe(true);
      expect(await s().meetings.update({ ...ended, notes: 'lost' }, m.version)).toBe(false);
      expect(await s().meetings.get('m1')).toEqual(ended);
      expect(await s().meetings.running()).toBeNull();
      await s().meetings.insert(meeting('m0', '2026-10-01'));
      expect((await s().meetings.list()).map((x) => x.id)).toEqual(['m1', 'm0']);
    });

    it('keeps agenda additions until a meeting takes them up', async () => {
      await s().meetings.insert(meeting('m1', '2026-12-04'));
      const add = (id: string, at: string) => s().meetings.addAddition({ id, reference: null, text: `Item ${id}`, addedById: '29:a', addedByName: 'A', addedAt: at, meetingId: null });
      await add('x2', '2026-12-02T09:00:00.000Z');
      await add('x1', '2026-12-01T09:00:00.000Z');
      expect((await s().meetings.pendingAdditions()).map((a) => a.id)).toEqual(['x1', 'x2']);
      await s().meetings.takeAdditions(['x1'], 'm1');
      expect((await s().meetings.pendingAdditions()).map((a) => a.id)).toEqual(['x2']);
    });

    it('lists open actions by due date and completes an action once', async () => {
      await s().meetings.insert(meeting('m1', '2026-12-04'));
      await s().meetings.addAction(action('b', 'm1', '2027-01-10'));
      await s().meetings.addAction(action('a', 'm1', '2026-12-20'));
      expect((await s().meetings.openActions()).map((a) => a.id)).toEqual(['a', 'b']);
      const done = { ...(await s().meetings.getAction('a'))!, doneAt: '2026-12-05T09:00:00.000Z', doneBy: 'Project Lead' };
      expect(await s().meetings.completeAction(done)).toBe(true);
      expect(await s().meetings.completeAction(done)).toBe(false);
      expect((await s().meetings.openActions()).map((a) => a.id)).toEqual(['b']);
      expect((await s().meetings.actionsOf('m1')).map((a) => [a.id, a.doneBy])).toEqual([
        ['a', 'Project Lead'],
        ['b', null],
      ]);
    });

    it('keeps how the next agenda was arranged, saving only at the expected version', async () => {
      expect(await s().meetings.agendaPlan()).toEqual(EMPTY_AGENDA_PLAN);
      const plan: AgendaPlan = { order: ['b', 'a'], removed: ['c'], version: 1, lastChange: { what: 'moved "B" up to number 1', by: 'DSG Chair', at: '2026-12-04T10:00:00.000Z' } };
      expect(await s().meetings.saveAgendaPlan(plan, 0)).toBe(true);
      expect(await s().meetings.saveAgendaPlan({ ...plan, removed: [] }, 0)).toBe(false); // a second "first" arrangement
      expect(await s().meetings.agendaPlan()).toEqual(plan);
      const next = { ...plan, order: [], version: 2 };
      expect(await s().meetings.saveAgendaPlan(next, 1)).toBe(true);
      expect(await s().meetings.saveAgendaPlan({ ...next, removed: [] }, 1)).toBe(false);
      expect(await s().meetings.agendaPlan()).toEqual(next);
    });

    it('reads planned meetings stored as bare dates (before start times and places were kept) with the time not set', async () => {
      await database().exec(`INSERT INTO settings (id, channel, chair, leaders, meetings, version, updated_at, minute_taker) VALUES (1, NULL, NULL, '{}', '["2027-01-14","2026-12-10","not a date"]', 1, NULL, NULL)`);
      expect((await s().settings.get()).meetings).toEqual([
        { date: '2026-12-10', startTime: null, place: null },
        { date: '2027-01-14', startTime: null, place: null },
      ]);
    });

    it('stores the Minute Taker in the settings', async () => {
      const before = await s().settings.get();
      const taker = { aadObjectId: 'aad-mt', name: 'Minute Taker' };
      expect(await s().settings.save({ ...before, minuteTaker: taker, version: before.version + 1 }, before.version)).toBe(true);
      expect((await s().settings.get()).minuteTaker).toEqual(taker);
    });
  });
}
