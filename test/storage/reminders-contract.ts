import type { ReminderState } from '../../src/domain/reminders';
import type { ContractContext } from './contract';

const state = (overrides: Partial<ReminderState> = {}): ReminderState => ({
  key: 'DP-2026-0001:plan',
  recipientId: 'aad-lead',
  count: 1,
  lastSentAt: '2026-12-01T09:30:00.000Z',
  fingerprint: 'none',
  snoozedUntil: null,
  snoozes: 0,
  escalatedAt: null,
  ...overrides,
});

const SLOT = '2026-12-01T09:30:00.000Z';

/** Reminder state and scheduled-run slots: registered inside the Store contract. */
export function remindersContract({ store: s, database }: ContractContext): void {
  describe('reminder state', () => {
    it('stores states and reads them back, one per item and recipient, every field kept', async () => {
      const full = state({
        key: 'DP-2026-0001:milestone-overdue:m-1',
        count: 3,
        fingerprint: 'planned|2026-11-30 “ünïcode”',
        snoozedUntil: '2026-12-08T09:30:00.000Z',
        snoozes: 2,
        escalatedAt: '2026-12-01T09:30:00.000Z',
      });
      const other = state({ recipientId: 'aad-manager', lastSentAt: null, count: 0 });
      await s().reminders.save([full, state(), other]);

      expect(await s().reminders.get(full.key, full.recipientId)).toEqual(full);
      expect(await s().reminders.get('DP-2026-0001:plan', 'aad-manager')).toEqual(other);
      expect(await s().reminders.get('DP-2026-0001:plan', 'aad-nobody')).toBeNull();
      expect(await s().reminders.get('DP-2026-0002:plan', 'aad-lead')).toBeNull();
      expect(await s().reminders.all()).toEqual([full, state(), other]); // by key, then recipient
    });

    it("reads one recipient's states for given items only, by key", async () => {
      const plan = state();
      const overdue = state({ key: 'DP-2026-0001:milestone-overdue:m-1' });
      const elsewhere = state({ key: 'DP-2026-0003:plan' });
      await s().reminders.save([plan, overdue, elsewhere, state({ recipientId: 'aad-manager' })]);

      expect(await s().reminders.forItems(plan.recipientId, [plan.key, overdue.key, plan.key, 'DP-2026-0009:plan'])).toEqual([overdue, plan]);
      expect(await s().reminders.forItems('aad-nobody', [plan.key])).toEqual([]);
      expect(await s().reminders.forItems(plan.recipientId, [])).toEqual([]);
    });

    it('replaces a saved state (upsert) and leaves the others alone', async () => {
      await s().reminders.save([state(), state({ key: 'DP-2026-0001:dpia' })]);
      const later = state({ count: 2, lastSentAt: '2026-12-10T09:30:00.000Z', fingerprint: 'changed', snoozedUntil: '2026-12-17T09:30:00.000Z', snoozes: 1, escalatedAt: '2026-12-10T09:30:00.000Z' });
      await s().reminders.save([later]);
      expect(await s().reminders.all()).toEqual([state({ key: 'DP-2026-0001:dpia' }), later]);
      // Back to empty values, too.
      await s().reminders.save([state()]);
      expect(await s().reminders.get(state().key, state().recipientId)).toEqual(state());
      await expect(s().reminders.save([])).resolves.toBeUndefined();
      expect(Number((await database().exec('select count(*) as n from reminder_state'))[0].n)).toBe(2);
    });

    it('saves all of a batch or none of it', async () => {
      await s().reminders.save([state({ fingerprint: 'before' })]);
      const failure = new Error('boom');
      await expect(
        s().transaction(async (tx) => {
          await tx.reminders.save([state({ fingerprint: 'after' }), state({ key: 'DP-2026-0003:plan' })]);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await s().reminders.all()).toEqual([state({ fingerprint: 'before' })]);

      // A batch with a row the database refuses (NULL fingerprint) writes nothing, outside a transaction too.
      const bad = { ...state({ key: 'DP-2026-0004:plan' }), fingerprint: null } as unknown as ReminderState;
      await expect(s().reminders.save([state({ key: 'DP-2026-0005:plan' }), bad])).rejects.toMatchObject({ message: expect.any(String) }); // not toThrow: better-sqlite3 errors may come from another realm
      expect(await s().reminders.all()).toEqual([state({ fingerprint: 'before' })]);
    });
  });

  describe('scheduled runs', () => {
    it('gives a slot to its first claimant only, per job', async () => {
      expect(await s().scheduledRuns.last('reminders')).toBeNull();
      expect(await s().scheduledRuns.claim('reminders', SLOT, '2026-12-01T09:30:01.000Z')).toBe(true);
      expect(await s().scheduledRuns.claim('reminders', SLOT, '2026-12-01T09:30:02.000Z')).toBe(false);
      expect(await s().scheduledRuns.claim('digest', SLOT, '2026-12-01T09:30:02.000Z')).toBe(true);
      expect(await s().scheduledRuns.claim('reminders', '2026-12-02T09:30:00.000Z', '2026-12-02T09:30:00.500Z')).toBe(true);
      const rows = await database().exec("select job, slot, started_at from scheduled_runs where job = 'reminders' order by slot");
      expect(rows).toEqual([
        { job: 'reminders', slot: SLOT, started_at: '2026-12-01T09:30:01.000Z' }, // the first claim's time is kept
        { job: 'reminders', slot: '2026-12-02T09:30:00.000Z', started_at: '2026-12-02T09:30:00.500Z' },
      ]);
    });

    it('knows the latest slot claimed for a job, whatever order they were claimed in', async () => {
      await s().scheduledRuns.claim('reminders', '2026-12-02T09:30:00.000Z', '2026-12-02T09:30:00.000Z');
      await s().scheduledRuns.claim('reminders', '2026-11-30T09:30:00.000Z', '2026-12-02T09:31:00.000Z');
      await s().scheduledRuns.claim('digest', '2027-01-04T08:00:00.000Z', '2027-01-04T08:00:00.000Z');
      expect(await s().scheduledRuns.last('reminders')).toBe('2026-12-02T09:30:00.000Z');
      expect(await s().scheduledRuns.last('digest')).toBe('2027-01-04T08:00:00.000Z');
      expect(await s().scheduledRuns.last('unknown')).toBeNull();
    });

    it('gives a slot to exactly one of two stores claiming it at once on the same database', async () => {
      const other = await database().open();
      try {
        for (let i = 0; i < 10; i++) {
          const slot = `2026-12-${String(i + 1).padStart(2, '0')}T09:30:00.000Z`;
          const claims = await Promise.all([
            s().scheduledRuns.claim('reminders', slot, `${slot.slice(0, 19)}.001Z`),
            other.scheduledRuns.claim('reminders', slot, `${slot.slice(0, 19)}.002Z`),
            s().scheduledRuns.claim('reminders', slot, `${slot.slice(0, 19)}.003Z`),
            other.scheduledRuns.claim('reminders', slot, `${slot.slice(0, 19)}.004Z`),
          ]);
          expect(claims.filter(Boolean)).toHaveLength(1);
        }
        expect(Number((await database().exec('select count(*) as n from scheduled_runs'))[0].n)).toBe(10);
        expect(await other.scheduledRuns.last('reminders')).toBe('2026-12-10T09:30:00.000Z');
      } finally {
        await other.close();
      }
    });

    it('frees a slot claimed in a transaction that rolled back', async () => {
      await expect(
        s().transaction(async (tx) => {
          expect(await tx.scheduledRuns.claim('reminders', SLOT, SLOT)).toBe(true);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await s().scheduledRuns.last('reminders')).toBeNull();
      expect(await s().scheduledRuns.claim('reminders', SLOT, SLOT)).toBe(true);
    });
  });
}
