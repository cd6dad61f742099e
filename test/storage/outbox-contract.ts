import type { OutboxMessage } from '../../src/app/outbox/ports';
import type { Store } from '../../src/app/ports';
import { type NewOutboxMessage, sampleOutboxMessage } from '../support/sample-outbox-message';
import type { ContractContext } from './contract';

const NINE = '2026-12-01T09:00:00.000Z';
const NINE_THIRTY = '2026-12-01T09:30:00.000Z';
const TEN = '2026-12-01T10:00:00.000Z';
const MINUTE = 60_000;

/** What `get` or `claim` give back for a queued message. */
const stored = (m: NewOutboxMessage, overrides: Partial<OutboxMessage> = {}): OutboxMessage => ({
  ...m,
  status: 'pending',
  attempts: 0,
  sentAt: null,
  activityId: null,
  lastError: null,
  ...overrides,
});

async function enqueueAll(store: Store, messages: readonly NewOutboxMessage[]): Promise<void> {
  for (const m of messages) expect(await store.outbox.enqueue(m)).toBe(true);
}

/** Claims until nothing is left, returning the ids claimed. */
async function drain(store: Store, worker: string): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const batch = await store.outbox.claim(TEN, 10, worker, 10 * MINUTE);
    if (batch.length === 0) return ids;
    ids.push(...batch.map((m) => m.id));
  }
}

/** The outbox: registered inside the Store contract. */
export function outboxContract({ store: s, database }: ContractContext): void {
  describe('outbox', () => {
    it('queues a message once per key, and reads it back by key', async () => {
      const message = sampleOutboxMessage({
        target: { kind: 'update', reference: { conversation: { id: '19:dsg' } }, activityId: '1700' },
        intent: { kind: 'notice', notice: { title: 'ünïcode “quotes”', lines: ['a line'], open: { opens: 'project', reference: 'DP-2026-0001', title: 'Open project' } } },
      });
      expect(await s().outbox.enqueue(message)).toBe(true);
      expect(await s().outbox.enqueue({ ...sampleOutboxMessage(), key: message.key })).toBe(false);
      expect(await s().outbox.get(message.key)).toEqual(stored(message));
      expect(await s().outbox.get('no-such-key')).toBeNull();
    });

    it('claims due messages, oldest due first, up to the limit, counting the attempt', async () => {
      const later = sampleOutboxMessage({ nextAttemptAt: NINE_THIRTY, createdAt: NINE });
      const firstCreated = sampleOutboxMessage({ nextAttemptAt: NINE, createdAt: '2026-12-01T08:00:00.000Z' });
      const secondCreated = sampleOutboxMessage({ nextAttemptAt: NINE, createdAt: '2026-12-01T08:30:00.000Z' });
      const notYet = sampleOutboxMessage({ nextAttemptAt: '2026-12-01T10:00:00.001Z' });
      await enqueueAll(s(), [later, notYet, secondCreated, firstCreated]);

      expect(await s().outbox.claim(TEN, 2, 'worker-a', MINUTE)).toEqual([stored(firstCreated, { attempts: 1 }), stored(secondCreated, { attempts: 1 })]);
      expect(await s().outbox.claim(TEN, 5, 'worker-a', MINUTE)).toEqual([stored(later, { attempts: 1 })]);
      expect(await s().outbox.claim(TEN, 5, 'worker-b', MINUTE)).toEqual([]);
      expect(await s().outbox.claim(TEN, 0, 'worker-b', MINUTE)).toEqual([]);
      expect(await s().outbox.get(notYet.key)).toEqual(stored(notYet));
    });

    it('gives no other worker a claimed message until its lease has run out, then counts another attempt', async () => {
      const message = sampleOutboxMessage();
      await enqueueAll(s(), [message]);
      expect(await s().outbox.claim(NINE, 10, 'worker-a', 30 * MINUTE)).toHaveLength(1);

      expect(await s().outbox.claim(NINE_THIRTY, 10, 'worker-b', MINUTE)).toEqual([]); // lease ends at 09:30, not before
      expect(await s().outbox.claim(NINE_THIRTY.replace('30:00.000', '30:00.001'), 10, 'worker-b', MINUTE)).toEqual([stored(message, { attempts: 2 })]);
    });

    it('marks a retry: still pending, not due before its new time, with the error, and free of its claim', async () => {
      const message = sampleOutboxMessage();
      await enqueueAll(s(), [message]);
      await s().outbox.claim(NINE, 10, 'worker-a', 60 * MINUTE);

      await s().outbox.markRetry(message.id, NINE_THIRTY, 'HTTP 429');
      const retried = stored(message, { attempts: 1, nextAttemptAt: NINE_THIRTY, lastError: 'HTTP 429' });
      expect(await s().outbox.get(message.key)).toEqual(retried);
      expect(await s().outbox.claim('2026-12-01T09:29:59.999Z', 10, 'worker-b', MINUTE)).toEqual([]);
      // Due again at 09:30 although worker-a's lease would have run to 10:00.
      expect(await s().outbox.claim(NINE_THIRTY, 10, 'worker-b', MINUTE)).toEqual([{ ...retried, attempts: 2 }]);
    });

    it('marks a message sent or failed, after which it is never claimed again', async () => {
      const sent = sampleOutboxMessage();
      const sentNoActivity = sampleOutboxMessage();
      const failed = sampleOutboxMessage();
      await enqueueAll(s(), [sent, sentNoActivity, failed]);
      expect(await s().outbox.claim(NINE, 10, 'worker-a', MINUTE)).toHaveLength(3);

      await s().outbox.markSent(sent.id, '2026-12-01T09:00:05.000Z', 'activity-1');
      await s().outbox.markSent(sentNoActivity.id, '2026-12-01T09:00:06.000Z', null);
      await s().outbox.markFailed(failed.id, 'The person has left the tenant');

      expect(await s().outbox.get(sent.key)).toEqual(stored(sent, { status: 'sent', attempts: 1, sentAt: '2026-12-01T09:00:05.000Z', activityId: 'activity-1' }));
      expect(await s().outbox.get(sentNoActivity.key)).toEqual(stored(sentNoActivity, { status: 'sent', attempts: 1, sentAt: '2026-12-01T09:00:06.000Z' }));
      expect(await s().outbox.get(failed.key)).toEqual(stored(failed, { status: 'failed', attempts: 1, lastError: 'The person has left the tenant' }));
      expect(await s().outbox.claim('2027-01-01T00:00:00.000Z', 10, 'worker-b', MINUTE)).toEqual([]);
      expect((await s().outbox.failed(10)).map((m) => m.key)).toEqual([failed.key]);
      const claims = await database().exec(`select claimed_by, claimed_until from outbox where id in ('${sent.id}', '${failed.id}')`);
      expect(claims).toEqual([
        { claimed_by: null, claimed_until: null },
        { claimed_by: null, claimed_until: null },
      ]);
    });

    it('never gives the same message to two stores claiming at once on the same database', async () => {
      const messages = Array.from({ length: 50 }, (_, i) => sampleOutboxMessage({ createdAt: `2026-12-01T08:${String(i).padStart(2, '0')}:00.000Z` }));
      await enqueueAll(s(), messages);
      const other = await database().open();
      try {
        const [a1, a2, b1, b2] = await Promise.all([drain(s(), 'a1'), drain(s(), 'a2'), drain(other, 'b1'), drain(other, 'b2')]);
        const fromA = [...a1, ...a2];
        const fromB = [...b1, ...b2];
        const all = [...fromA, ...fromB];
        expect(new Set(all).size).toBe(all.length); // no message claimed twice, even by one store
        expect([...all].sort()).toEqual(messages.map((m) => m.id).sort());
        expect(fromA.filter((id) => fromB.includes(id))).toEqual([]);

        const rows = await database().exec('select claimed_by, attempts from outbox');
        const workers = { a1, a2, b1, b2 };
        expect(rows.map((r) => Number(r.attempts))).toEqual(messages.map(() => 1));
        for (const [worker, ids] of Object.entries(workers)) expect(rows.filter((r) => r.claimed_by === worker)).toHaveLength(ids.length);
      } finally {
        await other.close();
      }
    });
  });
}
