import type { DeliverOutboxDeps, DeliveryCounts } from '../../src/app/outbox/deliver-outbox';
import { type OutboxWorker, startOutboxWorker } from '../../src/app/outbox/outbox-worker';
import { conversation, FakeMessenger, FakeOutbox, FakePeople, FakeRenderer, ListLog } from './support/outbox-fakes';

const clock = { now: () => new Date() };
const until = async (check: () => boolean, timeoutMs = 3000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

let worker: OutboxWorker | undefined;
afterEach(() => worker?.stop());

function setUp() {
  const outbox = new FakeOutbox();
  const messenger = new FakeMessenger(clock);
  const log = new ListLog();
  const runs: DeliveryCounts[] = [];
  let started = 0;
  let overlapped = false;
  const claim = outbox.claim.bind(outbox);
  outbox.claim = async (...args) => {
    if (started > runs.length) overlapped = true;
    started++;
    return claim(...args);
  };
  const deps: DeliverOutboxDeps = { store: { outbox, people: new FakePeople() }, clock, renderer: new FakeRenderer(), messenger, log };
  const start = (options: { batch?: number; intervalMs?: number } = {}) =>
    (worker = startOutboxWorker(deps, { worker: 'w1', intervalMs: 60_000, ...options, onRun: (c) => runs.push(c) }));
  return { outbox, messenger, log, runs, deps, start, overlapped: () => overlapped, now: () => new Date().toISOString() };
}

describe('startOutboxWorker', () => {
  it('runs at start and when kicked, without waiting for the interval', async () => {
    const { outbox, messenger, runs, start, now } = setUp();
    const w = start();
    await until(() => runs.length === 1);
    outbox.add(conversation('a:1'), { kind: 'text', text: 'queued later' }, now());
    w.kick();
    await until(() => messenger.calls.length === 1);
    expect(messenger.calls[0].payload.text).toBe('queued later');
  });

  it('never runs twice at once: kicks during a run make one more run after it', async () => {
    const { outbox, messenger, runs, start, overlapped, now } = setUp();
    const hold = gate();
    let entered = 0;
    const send = messenger.send.bind(messenger);
    messenger.send = async (...args) => {
      entered++;
      await hold.opened;
      return send(...args);
    };
    outbox.add(conversation('a:1'), { kind: 'text', text: 'first' }, now());
    const w = start();
    await until(() => entered === 1);
    outbox.add(conversation('a:2'), { kind: 'text', text: 'second' }, now());
    for (let i = 0; i < 5; i++) w.kick();
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toHaveLength(0);
    hold.open();
    await until(() => messenger.calls.length === 2 && runs.length === 2);
    expect(overlapped()).toBe(false);
    expect(runs.map((r) => r.sent)).toEqual([1, 1]);
  });

  it('runs again at once while it claims full batches', async () => {
    const { outbox, messenger, runs, start, now } = setUp();
    for (let i = 0; i < 5; i++) outbox.add(conversation(`a:${i}`), { kind: 'text', text: `m${i}` }, now());
    start({ batch: 2 });
    await until(() => messenger.calls.length === 5);
    await until(() => runs.length === 3);
    expect(runs.map((r) => r.claimed)).toEqual([2, 2, 1]);
  });

  it('stop waits for the send in flight, then nothing more is sent', async () => {
    const { outbox, messenger, start, now } = setUp();
    const hold = gate();
    let entered = 0;
    const send = messenger.send.bind(messenger);
    messenger.send = async (...args) => {
      entered++;
      await hold.opened;
      return send(...args);
    };
    for (let i = 0; i < 3; i++) outbox.add(conversation('a:1'), { kind: 'text', text: `m${i}` }, now());
    const w = start();
    await until(() => entered === 1);
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false);
    hold.open();
    await stopping;
    w.kick();
    await new Promise((r) => setTimeout(r, 30));
    expect(entered).toBe(1);
    expect([...outbox.rows.values()].map((r) => r.status)).toEqual(['sent', 'pending', 'pending']);
  });

  it('logs a failed run and keeps going', async () => {
    const { outbox, messenger, log, start, now } = setUp();
    const claim = outbox.claim.bind(outbox);
    let calls = 0;
    outbox.claim = async (...args) => {
      if (++calls === 1) throw new Error('database is locked');
      return claim(...args);
    };
    outbox.add(conversation('a:1'), { kind: 'text', text: 'eventually' }, now());
    start({ intervalMs: 20 });
    await until(() => messenger.calls.length === 1);
    expect(log.lines[0]).toMatchObject({ level: 'error', msg: 'outbox: run failed; will try again', obj: { err: 'database is locked' } });
  });

  it('backs off while runs keep failing (the database is down), then sends at once when kicked', async () => {
    const { outbox, messenger, log, start, now } = setUp();
    outbox.claim = async () => {
      throw new Error('database unavailable');
    };
    const w = start({ intervalMs: 10 });
    await new Promise((r) => setTimeout(r, 400));
    const waits = log.lines.map((l) => (l.obj as { retryInMs: number }).retryInMs);
    // 20, 40, 80, 160 ms ... : a handful of runs in 400 ms, not 40.
    expect(waits.slice(0, 4)).toEqual([20, 40, 80, 160]);
    expect(waits.length).toBeLessThanOrEqual(5);

    // The database is back and something was just saved: the kick does not wait out the back-off.
    delete (outbox as { claim?: unknown }).claim;
    outbox.add(conversation('a:1'), { kind: 'text', text: 'after the outage' }, now());
    w.kick();
    await until(() => messenger.calls.length === 1, 200);
  });
});
