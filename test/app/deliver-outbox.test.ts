import { backoffMs, conversationKey, type DeliverOutboxDeps, deliverOutbox, RateLimiter, RETRY_CAP_MS } from '../../src/app/outbox/deliver-outbox';
import { unavailable } from '../../src/domain/errors';
import type { Person } from '../../src/domain/people';
import { conversation, DeliveryError, FakeClock, FakeMessenger, FakeOutbox, FakePeople, FakeRenderer, ListLog } from './support/outbox-fakes';

const WORKER = { worker: 'worker-a' };

function setUp() {
  const clock = new FakeClock();
  const outbox = new FakeOutbox();
  const people = new FakePeople();
  const messenger = new FakeMessenger(clock);
  const log = new ListLog();
  const sent: { id: string; result: unknown }[] = [];
  const deps: DeliverOutboxDeps = {
    store: { outbox, people },
    clock,
    renderer: new FakeRenderer(),
    messenger,
    log,
    sleep: clock.sleep,
    random: () => 0.5,
    onSent: (message, result) => void sent.push({ id: message.id, result }),
  };
  /** Runs the sender, moving the clock to each retry, until nothing is pending (or `rounds` runs). */
  async function drain(options = {}, rounds = 50) {
    for (let i = 0; i < rounds; i++) {
      await deliverOutbox(deps, { ...WORKER, ...options });
      const pending = [...outbox.rows.values()].filter((r) => r.status === 'pending');
      if (pending.length === 0) return;
      const next = Math.min(...pending.map((r) => Date.parse(r.nextAttemptAt)));
      clock.ms = Math.max(clock.ms, next);
    }
  }
  return { clock, outbox, people, messenger, log, sent, deps, drain };
}

const person = (over: Partial<Person> = {}): Person => ({
  id: '29:mock-dsg-chair',
  aadObjectId: '3a24d6bd-09af-4e1b-83fd-b2dd143dddf9',
  name: 'DSG Chair',
  tenantId: 't1',
  conversationRef: null,
  reachable: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('deliverOutbox', () => {
  it('sends due messages, marks them sent with the activity id, and tells onSent where they went', async () => {
    const { outbox, messenger, sent, deps, clock } = setUp();
    const id = outbox.add(conversation('19:dsg@thread.tacv2', true), { kind: 'triage-card', reference: 'DP-2026-0001' });
    messenger.then({ activityId: '1700', conversationId: '19:dsg@thread.tacv2;messageid=1700' });

    const counts = await deliverOutbox(deps, WORKER);

    expect(counts).toEqual({ sent: 1, retried: 0, failed: 0, unreachable: 0, claimed: 1 });
    expect(outbox.row(id)).toMatchObject({ status: 'sent', activityId: '1700', sentAt: clock.now().toISOString(), attempts: 1 });
    expect(sent).toEqual([{ id, result: { activityId: '1700', conversationId: '19:dsg@thread.tacv2;messageid=1700' } }]);
    // Drawn when it was sent, from the intent.
    expect(JSON.stringify(messenger.calls[0].payload.card)).toContain('DP-2026-0001');
  });

  it('waits for Retry-After when Teams throttles, then delivers once', async () => {
    const { outbox, messenger, clock, deps } = setUp();
    const start = clock.ms;
    const id = outbox.add(conversation('a:chat'));
    messenger.then(new DeliveryError('retry', '429 Throttled', 30_000));

    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ sent: 0, retried: 1 });
    expect(outbox.row(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: '429 Throttled' });
    expect(Date.parse(outbox.row(id).nextAttemptAt)).toBe(start + 30_000);

    clock.ms = start + 29_999;
    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ claimed: 0, sent: 0 });
    clock.ms = start + 30_000;
    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ sent: 1 });
    expect(outbox.row(id).status).toBe('sent');
    expect(messenger.calls).toHaveLength(2);
  });

  it('backs off exponentially after 500s (three), then delivers once', async () => {
    const { outbox, messenger, drain } = setUp();
    const id = outbox.add(conversation('a:chat'));
    messenger.then(...[1, 2, 3].map(() => new DeliveryError('retry', '500 InternalServerError')));
    const tries: number[] = [];
    const claim = outbox.claim.bind(outbox);
    outbox.claim = async (now, ...rest) => {
      const got = await claim(now, ...rest);
      if (got.length) tries.push(Date.parse(now));
      return got;
    };

    await drain();

    expect(messenger.calls).toHaveLength(4);
    expect(outbox.row(id)).toMatchObject({ status: 'sent', attempts: 4, activityId: 'act-1' });
    // With jitter at its middle (random 0.5): 3/4 of 2 s, 4 s, 8 s.
    expect(tries.slice(1).map((t, i) => t - tries[i])).toEqual([1500, 3000, 6000]);
  });

  it('fails an unreachable person at once, does not retry, and marks the person unreachable', async () => {
    const { outbox, messenger, people, log, drain } = setUp();
    await people.upsert(person());
    const id = outbox.add({ kind: 'person', userId: person().aadObjectId as string, tenantId: 't1' });
    messenger.then(new DeliveryError('unreachable', '403 ConversationBlockedByUser'));

    await drain();

    expect(messenger.calls).toHaveLength(1);
    expect(outbox.row(id)).toMatchObject({ status: 'failed', lastError: 'unreachable: 403 ConversationBlockedByUser' });
    expect((await people.get(person().id))?.reachable).toBe(false);
    expect(log.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('finds a person named by Teams id (29:...) too; an unreachable conversation leaves people alone', async () => {
    const { outbox, messenger, people, deps } = setUp();
    await people.upsert(person());
    await people.upsert(person({ id: '29:other', aadObjectId: 'aad-other' }));
    outbox.add({ kind: 'person', userId: '29:mock-dsg-chair', tenantId: null });
    outbox.add(conversation('a:gone'));
    messenger.then(new DeliveryError('unreachable', '403'), new DeliveryError('unreachable', '404 ConversationNotFound'));

    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ unreachable: 2 });
    expect((await people.get('29:mock-dsg-chair'))?.reachable).toBe(false);
    expect((await people.get('29:other'))?.reachable).toBe(true);
  });

  it('fails the message all the same when the person is not known to the bot', async () => {
    const { outbox, messenger, people, deps } = setUp();
    const id = outbox.add({ kind: 'person', userId: 'aad-unknown', tenantId: null });
    messenger.then(new DeliveryError('unreachable', '403'));

    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ unreachable: 1 });
    expect(outbox.row(id).status).toBe('failed');
    expect(people.people.size).toBe(0);
  });

  it('gives up after maxAttempts and logs an error for the admins', async () => {
    const { outbox, messenger, log, drain } = setUp();
    const id = outbox.add(conversation('a:chat'));
    messenger.then(...Array.from({ length: 10 }, () => new DeliveryError('retry', '502 BadGateway')));

    await drain({ maxAttempts: 3 });

    expect(messenger.calls).toHaveLength(3);
    expect(outbox.row(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'gave up after 3 attempts: 502 BadGateway' });
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([expect.objectContaining({ obj: expect.objectContaining({ outboxId: id, attempt: 3 }) })]);
  });

  it('fails a message Teams refuses for good at once; an unexpected error counts as worth retrying', async () => {
    const { outbox, messenger, deps } = setUp();
    const bad = outbox.add(conversation('a:1'));
    const odd = outbox.add(conversation('a:2'));
    messenger.then(new DeliveryError('fatal', '400 BadArgument'), new Error('socket hang up'));

    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ failed: 1, retried: 1 });
    expect(outbox.row(bad)).toMatchObject({ status: 'failed', lastError: 'refused: 400 BadArgument' });
    expect(outbox.row(odd)).toMatchObject({ status: 'pending', lastError: 'socket hang up' });
  });

  it('spaces 20 messages to one conversation at least 1/7 s apart', async () => {
    const { outbox, messenger, deps } = setUp();
    for (let i = 0; i < 20; i++) outbox.add(conversation('19:dsg@thread.tacv2;messageid=1'), { kind: 'text', text: `m${i}` });

    expect(await deliverOutbox(deps, { ...WORKER, batch: 20 })).toMatchObject({ sent: 20 });

    const gaps = messenger.calls.slice(1).map((c, i) => c.at - messenger.calls[i].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 7);
    expect(messenger.calls.map((c) => c.payload.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
  });

  it('keeps to the global rate across conversations, and one busy conversation does not hold up the others', async () => {
    const { outbox, messenger, deps } = setUp();
    for (let i = 0; i < 5; i++) outbox.add(conversation('a:busy'), { kind: 'text', text: `busy${i}` });
    for (let i = 0; i < 5; i++) outbox.add(conversation(`a:quiet${i}`), { kind: 'text', text: `quiet${i}` });

    await deliverOutbox(deps, { ...WORKER, globalPerSecond: 20 });

    const at = messenger.calls.map((c) => c.at);
    expect(Math.min(...at.slice(1).map((t, i) => t - at[i]))).toBeGreaterThanOrEqual(50);
    const order = messenger.calls.map((c) => c.payload.text);
    expect(order.indexOf('quiet4')).toBeLessThan(order.indexOf('busy4'));
    expect(order.filter((t) => t?.startsWith('busy'))).toEqual(['busy0', 'busy1', 'busy2', 'busy3', 'busy4']);
  });

  it('keeps the limits from one run to the next with a shared limiter, and holds a conversation for its Retry-After', async () => {
    const { outbox, messenger, deps, clock } = setUp();
    const limiter = RateLimiter.forTeams();
    outbox.add(conversation('a:chat'), { kind: 'text', text: 'one' });
    outbox.add(conversation('a:chat'), { kind: 'text', text: 'two' });
    messenger.then(new DeliveryError('retry', '429', 5_000));

    await deliverOutbox({ ...deps, limiter }, WORKER);

    // 'one' was throttled for 5 s; 'two', same conversation, waited for that too.
    expect(messenger.calls.map((c) => [c.payload.text, c.at - messenger.calls[0].at])).toEqual([
      ['one', 0],
      ['two', 5_000],
    ]);
    const before = messenger.calls.length;
    outbox.add(conversation('a:chat'), { kind: 'text', text: 'three' }, clock.now().toISOString());
    await deliverOutbox({ ...deps, limiter }, WORKER);
    expect(messenger.calls[before].at - messenger.calls[before - 1].at).toBeGreaterThanOrEqual(1000 / 7);
  });

  it('does not send a message another worker has claimed, until that lease ends', async () => {
    const { outbox, messenger, deps, clock } = setUp();
    const id = outbox.add(conversation('a:chat'));
    await outbox.claim(clock.now().toISOString(), 10, 'worker-b', 60_000);

    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ claimed: 0, sent: 0 });
    expect(messenger.calls).toHaveLength(0);

    clock.advance(60_000);
    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ sent: 1 });
    expect(outbox.row(id).status).toBe('sent');
  });

  it('starts no send that could outlive its lease: the rest stay claimed for a later run', async () => {
    const { outbox, messenger, deps, clock } = setUp();
    for (let i = 0; i < 10; i++) outbox.add(conversation('a:chat'), { kind: 'text', text: `m${i}` });

    // Lease 2 s, sends may take up to 1 s: sends can start during the first second only (7 of them at 7/s).
    const counts = await deliverOutbox(deps, { ...WORKER, leaseMs: 2_000, sendBudgetMs: 1_000 });

    expect(counts).toMatchObject({ claimed: 10, sent: 7 });
    expect(messenger.calls.every((c) => c.at <= clock.ms)).toBe(true);
    clock.advance(2_000);
    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ claimed: 3, sent: 3 });
  });

  it('records the delivery even when onSent fails, and does not send again', async () => {
    const { outbox, messenger, deps, log } = setUp();
    const id = outbox.add(conversation('a:chat'));

    await deliverOutbox({ ...deps, onSent: () => Promise.reject(new Error('db busy')) }, WORKER);
    await deliverOutbox(deps, WORKER);

    expect(outbox.row(id).status).toBe('sent');
    expect(messenger.calls).toHaveLength(1);
    expect(log.lines).toEqual([expect.objectContaining({ level: 'error', msg: 'outbox: message sent, but recording where it went failed' })]);
  });

  it('keeps trying to mark a sent message sent while the database is unavailable, sending nothing else meanwhile', async () => {
    const { outbox, messenger, deps, log, clock } = setUp();
    const first = outbox.add(conversation('a:chat'));
    const second = outbox.add(conversation('a:other'));
    const markSent = outbox.markSent.bind(outbox);
    let down = 3;
    outbox.markSent = async (...args) => {
      if (down-- > 0) throw unavailable('ECONNREFUSED');
      return markSent(...args);
    };
    const started = clock.ms;

    expect(await deliverOutbox(deps, WORKER)).toMatchObject({ claimed: 2, sent: 2 });

    expect(messenger.calls.map((c) => c.target)).toEqual([outbox.row(first).target, outbox.row(second).target]);
    expect([outbox.row(first).status, outbox.row(second).status]).toEqual(['sent', 'sent']);
    // Backing off 250, 500, 1000 ms before the second send.
    expect(messenger.calls[1].at - started).toBeGreaterThanOrEqual(1_750);
    expect(log.lines.filter((l) => l.msg.includes('database is unavailable to record it'))).toHaveLength(3);
  });

  it('gives up marking it sent shortly before the lease ends, leaving it claimed (not sent twice meanwhile)', async () => {
    const { outbox, messenger, deps } = setUp();
    const id = outbox.add(conversation('a:chat'));
    outbox.markSent = async () => {
      throw unavailable('ECONNREFUSED');
    };
    await expect(deliverOutbox(deps, { ...WORKER, leaseMs: 60_000 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(messenger.calls).toHaveLength(1);
    expect(outbox.row(id)).toMatchObject({ status: 'pending', claimedBy: 'worker-a' });
  });

  it('stops starting sends once its signal is aborted', async () => {
    const { outbox, messenger, deps } = setUp();
    for (let i = 0; i < 5; i++) outbox.add(conversation('a:chat'));
    const stop = new AbortController();
    const send = messenger.send.bind(messenger);
    messenger.send = async (...args) => {
      stop.abort();
      return send(...args);
    };

    expect(await deliverOutbox(deps, { ...WORKER, signal: stop.signal })).toMatchObject({ claimed: 5, sent: 1 });
  });
});

describe('backoff and keys', () => {
  it('doubles from 2 s with jitter between half and all, capped at 10 minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0.999999))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(30, () => 0.999999)).toBe(RETRY_CAP_MS);
  });

  it('keys a thread post by its channel, other messages by conversation, 1:1 messages by person', () => {
    expect(conversationKey(conversation('19:c@thread.tacv2;messageid=5', true))).toBe('channel:19:c@thread.tacv2');
    expect(conversationKey(conversation('19:c@thread.tacv2;messageid=5'))).toBe('conversation:19:c@thread.tacv2;messageid=5');
    expect(conversationKey({ kind: 'update', reference: { conversation: { id: 'a:1' } }, activityId: '9' })).toBe('conversation:a:1');
    expect(conversationKey({ kind: 'person', userId: 'aad', tenantId: null })).toBe('person:aad');
  });

  it('limits to 60 in 30 s in one conversation', () => {
    const limiter = RateLimiter.forTeams();
    let t = 0;
    for (let i = 0; i < 60; i++) {
      t = limiter.nextSlot('c', t);
      limiter.record('c', t);
      limiter.answeredAt(t + 5);
    }
    // The first of the 60 went at 0: the 61st waits until it leaves the 30 s window.
    expect(limiter.nextSlot('c', t)).toBe(30_000);
  });

  it('keeps the rate in all when sends start a little late, and makes up no stall in a burst', () => {
    const limiter = RateLimiter.forTeams(7, 20);
    limiter.record('a', 0);
    limiter.answeredAt(2);
    expect(limiter.nextSlot('b', 0)).toBe(50);
    // Due at 50, started at 60 (a busy machine): the next is still due at 100, not 110.
    limiter.record('b', 60);
    limiter.answeredAt(62);
    expect(limiter.nextSlot('c', 60)).toBe(100);
    // A stall of a second: the next waits its spacing from when the late one started.
    limiter.record('c', 1_100);
    limiter.answeredAt(1_102);
    expect(limiter.nextSlot('d', 1_100)).toBe(1_150);
  });

  it('never lets more than the rate arrive in one second, counting a send as arriving when it was answered', () => {
    const limiter = RateLimiter.forTeams(7, 20);
    // 20 sends 50 ms apart, each answered 40 ms after it started (it may have arrived that late).
    for (let i = 0; i < 20; i++) {
      const at = limiter.nextSlot(`p${i}`, i * 50);
      expect(at).toBe(i * 50);
      limiter.record(`p${i}`, at);
      limiter.answeredAt(at + 40);
    }
    // The 21st would be due at 1,000 by the spacing, but the first may have arrived at 40.
    expect(limiter.nextSlot('p20', 1_000)).toBe(1_040);
  });

  it('waits for answers while as many sends as the rate allows in a second are unanswered', () => {
    const limiter = RateLimiter.forTeams(7, 20);
    for (let i = 0; i < 20; i++) limiter.record(`p${i}`, limiter.nextSlot(`p${i}`, i * 50));
    expect(limiter.nextSlot('p20', 5_000)).toBe(Infinity);
    limiter.answeredAt(5_000);
    expect(limiter.nextSlot('p20', 5_000)).toBe(6_000);
  });
});
