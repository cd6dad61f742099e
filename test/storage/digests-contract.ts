import type { AuditEvent } from '../../src/domain/audit';
import type { DigestSubscription } from '../../src/app/digests/ports';
import type { ContractContext } from './contract';

const subscription = (overrides: Partial<DigestSubscription> = {}): DigestSubscription => ({
  conversationId: '19:decisions@thread.tacv2',
  teamId: '19:team@thread.tacv2',
  channelName: 'DSG “Decisions”',
  reference: { conversation: { id: '19:decisions@thread.tacv2' }, serviceUrl: 'https://smba.example/' },
  strands: ['learning', 'estates'],
  subscribedBy: 'DSG Chair',
  subscribedAt: '2026-11-27T10:00:00.000Z',
  ...overrides,
});

const event = (at: string, action: string, outcome: AuditEvent['outcome'] = 'done'): AuditEvent => ({
  at,
  actorId: '29:chair',
  actorName: 'DSG Chair',
  action,
  subjectType: 'request',
  subjectId: 'DP-2026-0001',
  outcome,
  before: { status: 'submitted' },
  after: { status: 'approved' },
  detail: null,
});

/** Digest subscriptions, digests queued per channel and period, and audit events by action: inside the Store contract. */
export function digestsContract({ store: s, database }: ContractContext): void {
  describe('digests', () => {
    it('subscribes a channel, replaces its strands, lists and unsubscribes it', async () => {
      await s().digests.subscribe(subscription());
      await s().digests.subscribe(subscription({ conversationId: '19:all@thread.tacv2', strands: [], subscribedAt: '2026-11-28T10:00:00.000Z' }));
      expect(await s().digests.subscriptions()).toEqual([subscription(), subscription({ conversationId: '19:all@thread.tacv2', strands: [], subscribedAt: '2026-11-28T10:00:00.000Z' })]);
      await s().digests.subscribe(subscription({ strands: ['customers'], subscribedBy: 'DSG Admin' }));
      expect((await s().digests.subscriptions())[0]).toEqual(subscription({ strands: ['customers'], subscribedBy: 'DSG Admin' }));
      expect(await s().digests.unsubscribe('19:decisions@thread.tacv2')).toBe(true);
      expect(await s().digests.unsubscribe('19:decisions@thread.tacv2')).toBe(false);
      expect((await s().digests.subscriptions()).map((x) => x.conversationId)).toEqual(['19:all@thread.tacv2']);
    });

    it('records a digest for a channel and period once, and tells when the last one was queued', async () => {
      expect(await s().digests.lastQueued('19:c')).toBeNull();
      expect(await s().digests.recordQueued('19:c', 'week-2026-11-30', '2026-12-01T09:00:00.000Z')).toBe(true);
      expect(await s().digests.recordQueued('19:c', 'week-2026-11-30', '2026-12-01T09:01:00.000Z')).toBe(false);
      expect(await s().digests.recordQueued('19:other', 'week-2026-11-30', '2026-12-01T09:02:00.000Z')).toBe(true);
      expect(await s().digests.recordQueued('19:c', 'meeting-2026-12-10', '2026-12-07T09:00:00.000Z')).toBe(true);
      expect(await s().digests.lastQueued('19:c')).toBe('2026-12-07T09:00:00.000Z');
    });

    it('gives a period to exactly one of two stores recording it at once on the same database', async () => {
      const other = await database().open();
      try {
        for (let i = 0; i < 10; i++) {
          const period = `week-2026-12-${String(i + 1).padStart(2, '0')}`;
          const wins = await Promise.all([s().digests.recordQueued('19:c', period, '2026-12-01T09:00:00.001Z'), other.digests.recordQueued('19:c', period, '2026-12-01T09:00:00.002Z')]);
          expect(wins.filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await other.close();
      }
    });

    it('lists audit events done with given actions in a time range, oldest first', async () => {
      for (const e of [
        event('2026-11-20T10:00:00.000Z', 'request.approve'),
        event('2026-11-25T10:00:00.000Z', 'request.decline'),
        event('2026-11-25T11:00:00.000Z', 'request.approve', 'refused'),
        event('2026-11-26T10:00:00.000Z', 'request.submit'),
        event('2026-11-30T10:00:00.000Z', 'request.merge'),
      ]) {
        await s().audit.record(e);
      }
      const found = await s().audit.done(['request.approve', 'request.decline', 'request.merge'], '2026-11-20T10:00:00.000Z', '2026-11-30T10:00:00.000Z');
      expect(found.map((e) => [e.at, e.action])).toEqual([
        ['2026-11-20T10:00:00.000Z', 'request.approve'],
        ['2026-11-25T10:00:00.000Z', 'request.decline'],
      ]);
      expect(found[0]).toEqual(event('2026-11-20T10:00:00.000Z', 'request.approve'));
      expect(await s().audit.done([], '', '9999')).toEqual([]);
    });
  });
}
