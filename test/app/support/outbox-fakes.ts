/** Small in-memory fakes of the ports the outbox sender uses: Outbox (with leases), Messenger, people, clock. */
import type { Person } from '../../../src/domain/people';
import { DeliveryError, type Messenger, type Outbox, type OutboxIntent, type OutboxMessage, type OutboxRenderer, type OutboxTarget, type Rendered } from '../../../src/app/outbox/ports';
import { type PeopleRepository } from '../../../src/app/ports';

type Stored = OutboxMessage & { claimedBy: string | null; claimedUntil: number };

export class FakeOutbox implements Outbox {
  readonly rows = new Map<string, Stored>();
  private sequence = 0;

  async enqueue(message: Omit<OutboxMessage, 'status' | 'attempts' | 'sentAt' | 'activityId' | 'lastError'>): Promise<boolean> {
    if ([...this.rows.values()].some((r) => r.key === message.key)) return false;
    this.rows.set(message.id, { ...message, status: 'pending', attempts: 0, sentAt: null, activityId: null, lastError: null, claimedBy: null, claimedUntil: 0 });
    return true;
  }

  /** Queues a message due at `at` (default: the epoch, i.e. due now). */
  add(target: OutboxTarget, intent: OutboxIntent = { kind: 'text', text: 'hello' }, at = new Date(0).toISOString()): string {
    const id = `m${++this.sequence}`;
    void this.enqueue({ id, key: `key-${id}`, target, intent, nextAttemptAt: at, createdAt: at });
    return id;
  }

  async claim(now: string, limit: number, worker: string, leaseMs: number): Promise<OutboxMessage[]> {
    const t = Date.parse(now);
    const due = [...this.rows.values()]
      .filter((r) => r.status === 'pending' && Date.parse(r.nextAttemptAt) <= t && r.claimedUntil <= t)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt))
      .slice(0, limit);
    // As src/storage/outbox.ts: the claim counts the attempt.
    for (const r of due) Object.assign(r, { claimedBy: worker, claimedUntil: t + leaseMs, attempts: r.attempts + 1 });
    return due.map(({ claimedBy: _, claimedUntil: __, ...m }) => structuredClone(m));
  }

  async markSent(id: string, at: string, activityId: string | null): Promise<void> {
    Object.assign(this.row(id), { status: 'sent', sentAt: at, activityId, claimedBy: null, claimedUntil: 0 });
  }

  async markRetry(id: string, nextAttemptAt: string, error: string): Promise<void> {
    Object.assign(this.row(id), { nextAttemptAt, lastError: error, claimedBy: null, claimedUntil: 0 });
  }

  async markFailed(id: string, error: string): Promise<void> {
    Object.assign(this.row(id), { status: 'failed', lastError: error, claimedBy: null, claimedUntil: 0 });
  }

  async get(key: string): Promise<OutboxMessage | null> {
    return [...this.rows.values()].find((r) => r.key === key) ?? null;
  }
  async failed(limit: number): Promise<OutboxMessage[]> {
    return [...this.rows.values()].filter((r) => r.status === 'failed').slice(0, limit);
  }

  row(id: string): Stored {
    const r = this.rows.get(id);
    if (!r) throw new Error(`no outbox message ${id}`);
    return r;
  }
}

/** A clock that only moves when told, and a sleep that moves it. */
export class FakeClock {
  constructor(public ms = Date.parse('2026-03-02T09:00:00.000Z')) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
  sleep = async (ms: number): Promise<void> => {
    this.advance(ms);
  };
}

export type Outcome = { activityId: string; conversationId?: string } | DeliveryError | Error;

/** Answers each send with the next scripted outcome (then succeeds), and records when each send happened. */
export class FakeMessenger implements Messenger {
  readonly calls: { at: number; target: OutboxTarget; payload: Rendered }[] = [];
  private script: Outcome[] = [];
  private n = 0;

  constructor(private readonly clock: { now(): Date }) {}

  then(...outcomes: Outcome[]): this {
    this.script.push(...outcomes);
    return this;
  }

  async send(target: OutboxTarget, payload: Rendered): Promise<{ activityId: string | null; conversationId?: string }> {
    this.calls.push({ at: this.clock.now().getTime(), target, payload });
    const outcome = this.script.shift() ?? { activityId: `act-${++this.n}` };
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }
}

/** Draws a text intent as that text, anything else as a card that names the intent; `fail` makes the next draws throw. */
export class FakeRenderer implements OutboxRenderer {
  readonly fail: Error[] = [];
  async render(message: OutboxMessage): Promise<Rendered> {
    const failure = this.fail.shift();
    if (failure) throw failure;
    return message.intent.kind === 'text' ? { text: message.intent.text } : { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: JSON.stringify(message.intent) }] } };
  }
}

export class FakePeople implements PeopleRepository {
  readonly people = new Map<string, Person>();
  async upsert(person: Person): Promise<void> {
    this.people.set(person.id, structuredClone(person));
  }
  async get(id: string): Promise<Person | null> {
    return this.people.get(id) ?? null;
  }
  async findByAadObjectId(aadObjectId: string): Promise<Person | null> {
    return [...this.people.values()].find((p) => p.aadObjectId === aadObjectId) ?? null;
  }
  async unreachable(): Promise<Person[]> {
    return [...this.people.values()].filter((p) => !p.reachable);
  }
  async search(text: string, limit: number): Promise<Person[]> {
    return [...this.people.values()].filter((p) => p.aadObjectId && p.name.toLowerCase().includes(text.toLowerCase())).slice(0, limit);
  }
}

export class ListLog {
  readonly lines: { level: string; obj: object; msg: string }[] = [];
  warn = (obj: object, msg: string) => void this.lines.push({ level: 'warn', obj, msg });
  error = (obj: object, msg: string) => void this.lines.push({ level: 'error', obj, msg });
  debug = (obj: object, msg: string) => void this.lines.push({ level: 'debug', obj, msg });
}

export const conversation = (id: string, newThread = false): OutboxTarget => ({
  kind: 'conversation',
  reference: { serviceUrl: 'https://smba.example/teams/', channelId: 'msteams', conversation: { id } },
  newThread,
});

export { DeliveryError };
