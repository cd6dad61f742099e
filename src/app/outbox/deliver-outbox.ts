import { isUnavailable } from '../../domain/errors';
import type { Clock, PeopleRepository } from '../ports';
import { forgetRecentContacts } from '../record-contact';
import { DeliveryError, type Messenger, type Outbox, type OutboxMessage, type OutboxRenderer, type OutboxTarget, type Rendered } from './ports';

/** What a successful send returns; Teams also says which conversation a new thread or 1:1 chat is. */
type Delivered = Awaited<ReturnType<Messenger['send']>>;

interface OutboxLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

export interface DeliverOutboxDeps {
  store: { outbox: Outbox; people: PeopleRepository };
  clock: Clock;
  /** Draws each message from the state at the moment it is sent. */
  renderer: OutboxRenderer;
  messenger: Messenger;
  log?: OutboxLog;
  /** Called after markSent (the app remembers where a triage card was posted); a failure here is logged, not retried. */
  onSent?(message: OutboxMessage, result: Delivered, rendered: Rendered): Promise<void> | void;
  /** Waits `ms` (default: a timer, cut short by the signal). Tests pass one that moves their clock. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  /** Keep one across runs (the worker does) so the limits hold between batches; default: a new one per run. */
  limiter?: RateLimiter;
  /** For the backoff's jitter, in [0, 1). */
  random?(): number;
}

export interface DeliverOutboxOptions {
  /** This sender's name, for the claim. */
  worker: string;
  /** Messages claimed per run (default 25). */
  batch?: number;
  /** How long a claim keeps other workers off the batch (default 2 min). */
  leaseMs?: number;
  /** Sends before a message that keeps failing is given up (default 6). */
  maxAttempts?: number;
  /** Sends per second to one conversation (default 7, Teams's per-conversation limit). */
  perConversationPerSecond?: number;
  /** Sends per second in all (default 20, well under Teams's ~50 per app per tenant). */
  globalPerSecond?: number;
  /**
   * The longest one send may take (the Messenger's timeout and some margin; default 35 s, at most half the
   * lease): no send starts later than `leaseMs - sendBudgetMs` after the claim, so none outlives the lease.
   * Messages not started by then stay claimed and are sent by a later run once the lease ends.
   */
  sendBudgetMs?: number;
  /**
   * Sends in flight at once (default 8), to different conversations: a send that takes longer than the rate's
   * spacing does not slow the rest. A conversation's own messages still go one after another, in order.
   */
  concurrency?: number;
  /** Stop starting sends (the sends in flight finish). */
  signal?: AbortSignal;
}

export interface DeliveryCounts {
  sent: number;
  retried: number;
  failed: number;
  unreachable: number;
  /** Messages this run claimed (including any left for a later run). */
  claimed: number;
}

const RETRY_BASE_MS = 2_000;
export const RETRY_CAP_MS = 10 * 60_000;

/** Exponential backoff with jitter: attempt n waits between half and all of min(cap, base * 2^(n-1)). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** At most `limit` sends in any `windowMs`. `{ limit: 1, windowMs: 1000 / 7 }` spaces sends ≥ 1/7 s apart. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/**
 * Sliding-window limits per key (a conversation) and in all. In memory: it paces one process; Teams answers
 * 429 with Retry-After if several together go too fast, and the outbox honours that.
 *
 * Three clocks, each where it keeps the limit exactly: a conversation's rules count when its sends started;
 * the even spacing in all counts the slot a send was due when it started at most `catchUpMs` after it (a send
 * that starts a little late does not push every later one back, so the rate holds on a busy machine, and a
 * stall is not made up in a burst); and the tenant-wide count a second counts when sends were
 * answered (a send arrives before its answer), with sends still unanswered counted as arriving last, so no
 * second as Teams counts them ever holds more than the limit, however late a send arrives.
 */
export class RateLimiter {
  private readonly perKey: RateRule[];
  private readonly global: RateRule[];
  private readonly answered: RateRule[];
  private readonly logs = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly horizon: number;
  private readonly catchUpMs: number;
  private records = 0;
  private unanswered = 0;

  constructor(rules: { perKey: RateRule[]; global: RateRule[]; answered?: RateRule[]; catchUpMs?: number }) {
    this.perKey = rules.perKey;
    this.global = rules.global;
    this.answered = rules.answered ?? [];
    this.catchUpMs = rules.catchUpMs ?? 0;
    this.horizon = Math.max(0, ...[...rules.perKey, ...rules.global, ...this.answered].map((r) => r.windowMs));
  }

  /** Teams's limits for a bot: 7 per second, 60 per 30 s and 1,800 per hour in one conversation; `globalPerSecond` in all. */
  static forTeams(perConversationPerSecond = 7, globalPerSecond = 20): RateLimiter {
    return new RateLimiter({
      perKey: [
        { limit: 1, windowMs: 1000 / perConversationPerSecond },
        { limit: 60, windowMs: 30_000 },
        { limit: 1_800, windowMs: 3_600_000 },
      ],
      // Spaced evenly, and never more than `globalPerSecond` arriving in any second.
      global: [{ limit: 1, windowMs: 1000 / globalPerSecond }],
      catchUpMs: 1000 / globalPerSecond,
      answered: [{ limit: Math.max(1, Math.floor(globalPerSecond)), windowMs: 1000 }],
    });
  }

  /** The earliest time (epoch ms, ≥ now) a send under `key` keeps to every rule; Infinity until an unanswered send is answered. */
  nextSlot(key: string, now: number): number {
    let slot = Math.max(now, this.pausedUntil.get(key) ?? 0);
    slot = Math.max(slot, earliest(this.logs.get(`k:${key}`), this.perKey));
    slot = Math.max(slot, earliest(this.logs.get('global'), this.global));
    slot = Math.max(slot, earliest(this.logs.get('answered'), this.answered, this.unanswered));
    return Math.ceil(slot);
  }

  /** Counts a send under `key` starting at `at`; call `answeredAt` when Teams answers it. */
  record(key: string, at: number): void {
    const due = earliest(this.logs.get('global'), this.global);
    this.log(`k:${key}`, at);
    // Started a little late: counted at its slot. After a stall or an idle spell: counted when it started.
    this.log('global', due <= at && due >= at - this.catchUpMs ? due : at);
    this.unanswered++;
    if (++this.records % 1000 === 0) this.sweep(at);
  }

  /** A send `record` counted was answered (or failed) at `at`: it reached Teams no later than that. */
  answeredAt(at: number): void {
    this.unanswered = Math.max(0, this.unanswered - 1);
    this.log('answered', at);
  }

  /** No send under `key` before `until` (Teams said Retry-After). */
  pause(key: string, until: number): void {
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  /** Adds `at` to a log, kept in time order (answers may come back out of order). */
  private log(name: string, at: number): void {
    const log = this.logs.get(name) ?? [];
    let i = log.length;
    while (i > 0 && log[i - 1] > at) i--;
    log.splice(i, 0, at);
    while (log.length > 0 && log[0] <= log[log.length - 1] - this.horizon) log.shift();
    this.logs.set(name, log);
  }

  private sweep(now: number): void {
    for (const [name, log] of this.logs) if (log.length === 0 || log[log.length - 1] <= now - this.horizon) this.logs.delete(name);
    for (const [key, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(key);
  }
}

/** The earliest time a new entry keeps to every rule, with `pending` entries still to come counted as the latest. */
function earliest(log: number[] | undefined, rules: RateRule[], pending = 0): number {
  let at = 0;
  for (const { limit, windowMs } of rules) {
    if (pending >= limit) return Infinity;
    const count = log?.length ?? 0;
    if (log && count + pending >= limit) at = Math.max(at, log[count - (limit - pending)] + windowMs);
  }
  return at;
}

/**
 * Which conversation a target writes to, for the limits: the Bot Framework conversation id when the (opaque)
 * reference has one, the channel for a new thread, the person for a 1:1 message.
 */
export function conversationKey(target: OutboxTarget): string {
  if (target.kind === 'person') return `person:${target.userId}`;
  const id = (target.reference as { conversation?: { id?: unknown } } | null)?.conversation?.id;
  const conversation = typeof id === 'string' ? id : JSON.stringify(target.reference ?? null);
  return target.kind === 'conversation' && target.newThread ? `channel:${conversation.split(';')[0]}` : `conversation:${conversation}`;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * After Teams said a person cannot be reached, remember it (they become reachable when they next talk to the bot).
 * A `person` target names them by AAD object id, or by Teams id (29:...) when that was all the app knew.
 */
async function markPersonUnreachable(deps: DeliverOutboxDeps, userId: string, now: string): Promise<void> {
  const people = deps.store.people;
  const person = userId.startsWith('29:') ? await people.get(userId) : await people.findByAadObjectId(userId);
  if (person?.reachable) await people.upsert({ ...person, reachable: false, updatedAt: now });
  if (person) forgetRecentContacts(deps.store, person.id);
}

/**
 * Sends one batch of due outbox messages: claims them for this worker, sends each within Teams's rate limits,
 * and records the outcome: sent; retried later with exponential backoff (or Teams's Retry-After if longer);
 * failed when Teams refuses for good or after `maxAttempts`; failed as 'unreachable' when the person or
 * conversation cannot be written to (a person is then marked unreachable).
 *
 * The claim counts the attempt (a claimed message's `attempts` includes this one), so a message whose sender
 * died mid-send still moves towards `maxAttempts`.
 */
export async function deliverOutbox(deps: DeliverOutboxDeps, options: DeliverOutboxOptions): Promise<DeliveryCounts> {
  const { store, clock, messenger, log } = deps;
  const batch = options.batch ?? 25;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 6;
  const sendBudgetMs = Math.min(options.sendBudgetMs ?? 35_000, leaseMs / 2);
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const limiter = deps.limiter ?? RateLimiter.forTeams(options.perConversationPerSecond, options.globalPerSecond);
  const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0, unreachable: 0, claimed: 0 };
  const maxInFlight = Math.max(1, options.concurrency ?? 8);
  const aboutOf = (message: OutboxMessage) => ({ outboxId: message.id, key: message.key, target: message.target.kind, attempt: Math.max(1, message.attempts) });

  const claimedAt = clock.now().getTime();
  const queue = await store.outbox.claim(new Date(claimedAt).toISOString(), batch, options.worker, leaseMs);
  counts.claimed = queue.length;
  const lastStart = claimedAt + leaseMs - sendBudgetMs;
  const leaseEnd = claimedAt + leaseMs;

  /** Messages drawn ahead of their slot, so each send goes out the moment its slot comes. */
  const drawn = new Map<string, Rendered>();
  /** Conversations with a send in flight: the next message to one waits for it, so each conversation keeps its order. */
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  /** A failure to record an outcome (the database is gone): the run stops, and the worker tries again later. */
  let stopped: unknown = null;

  while (queue.length > 0 && !options.signal?.aborted && stopped === null) {
    const now = clock.now().getTime();
    // The message that may go soonest, of a conversation with nothing in flight; ties keep the claim's order.
    let index = -1;
    let slot = Infinity;
    queue.forEach((m, i) => {
      const key = conversationKey(m.target);
      if (busy.has(key)) return;
      const s = limiter.nextSlot(key, now);
      if (s < slot) [index, slot] = [i, s];
    });
    if (index < 0 || running.size >= maxInFlight) {
      await Promise.race(running);
      continue;
    }
    if (slot > lastStart) {
      log?.debug?.({ left: queue.length, worker: options.worker }, 'outbox: lease ending; the rest waits for a later run');
      break;
    }
    const message = queue[index];
    if (!drawn.has(message.id)) {
      // Drawn just before its slot, from the state as it is then (never older than what it replaces).
      if (slot - now > DRAW_AHEAD_MS) {
        await sleep(slot - now - DRAW_AHEAD_MS, options.signal);
        continue;
      }
      const rendered = await guarded(() => draw(message, conversationKey(message.target)));
      if (rendered) drawn.set(message.id, rendered);
      else queue.splice(index, 1);
      continue;
    }
    if (slot > now) {
      await sleep(slot - now, options.signal);
      continue;
    }
    queue.splice(index, 1);
    const key = conversationKey(message.target);
    limiter.record(key, now);
    busy.add(key);
    const sending: Promise<void> = guarded(() => deliverOne(message, key, drawn.get(message.id) as Rendered)).then(() => {
      busy.delete(key);
      running.delete(sending);
      drawn.delete(message.id);
    });
    running.add(sending);
    // Let the send reach the wire before the next message is drawn (drawing may hold the thread a while).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(running);
  if (stopped !== null) throw stopped;
  return counts;

  /** Runs a step of the run; a failure to record its outcome stops the run (it is rethrown once the sends in flight end). */
  async function guarded<T>(step: () => Promise<T>): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      stopped ??= error;
      return undefined;
    }
  }

  /** The message as Teams will get it; null when it could not be drawn (the failure is recorded like a failed send). */
  async function draw(message: OutboxMessage, key: string): Promise<Rendered | null> {
    try {
      return await deps.renderer.render(message);
    } catch (caught) {
      await recordFailure(message, key, caught);
      return null;
    }
  }

  async function deliverOne(message: OutboxMessage, key: string, rendered: Rendered): Promise<void> {
    let result: Delivered;
    try {
      result = await messenger.send(message.target, rendered);
    } catch (caught) {
      limiter.answeredAt(clock.now().getTime());
      return recordFailure(message, key, caught);
    }
    limiter.answeredAt(clock.now().getTime());
    const about = aboutOf(message);
    await recordSent(() => store.outbox.markSent(message.id, clock.now().toISOString(), result.activityId), about);
    counts.sent++;
    try {
      await deps.onSent?.(message, result, rendered);
    } catch (error) {
      log?.error({ ...about, err: describe(error) }, 'outbox: message sent, but recording where it went failed');
    }
  }

  /** Records why a message was not delivered: retried later with backoff, failed for good, or its recipient unreachable. */
  async function recordFailure(message: OutboxMessage, key: string, caught: unknown): Promise<void> {
    const attempt = Math.max(1, message.attempts);
    const about = aboutOf(message);
    const error = caught instanceof DeliveryError ? caught : new DeliveryError('retry', describe(caught));
    const nowMs = clock.now().getTime();
    const now = new Date(nowMs).toISOString();
    if (error.kind === 'unreachable') {
      await store.outbox.markFailed(message.id, `unreachable: ${error.message}`);
      const userId = message.target.kind === 'person' ? message.target.userId : message.target.kind === 'conversation' ? message.target.personId : undefined;
      if (userId) await markPersonUnreachable(deps, userId, now);
      log?.warn({ ...about, err: error.message }, 'outbox: Teams says the recipient cannot be reached; not retried');
      counts.unreachable++;
    } else if (error.kind === 'fatal' || attempt >= maxAttempts) {
      const reason = error.kind === 'fatal' ? `refused: ${error.message}` : `gave up after ${attempt} attempts: ${error.message}`;
      await store.outbox.markFailed(message.id, reason);
      log?.error({ ...about, err: error.message }, `outbox: message not delivered (${reason})`);
      counts.failed++;
    } else {
      const wait = Math.max(backoffMs(attempt, random), error.retryAfterMs ?? 0);
      if (error.retryAfterMs !== null) limiter.pause(key, nowMs + error.retryAfterMs);
      await store.outbox.markRetry(message.id, new Date(nowMs + wait).toISOString(), error.message);
      log?.warn({ ...about, err: error.message, retryInMs: wait }, 'outbox: send failed; will retry');
      counts.retried++;
    }
  }

  /**
   * Teams has the message: it must be marked sent, or another run sends it again once the lease ends. While the
   * database is unavailable keep trying (backing off, sending nothing else meanwhile) until shortly before the
   * lease ends; only a stop or an outage longer than the lease gives up (and that message may then go twice).
   */
  async function recordSent(write: () => Promise<void>, about: object): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        const wait = Math.min(MARK_SENT_RETRY_CAP_MS, MARK_SENT_RETRY_BASE_MS * 2 ** (attempt - 1));
        if (!isUnavailable(error) || options.signal?.aborted || clock.now().getTime() + wait >= leaseEnd - MARK_SENT_RETRY_CAP_MS) throw error;
        log?.warn({ ...about, err: describe(error), retryInMs: wait }, 'outbox: message sent, but the database is unavailable to record it; trying again');
        await sleep(wait, options.signal);
      }
    }
  }
}

/** A message is drawn at most this long before its slot, so it goes out on time and shows the state of that moment. */
const DRAW_AHEAD_MS = 200;

/** How recordSent backs off while the database is unavailable: 250 ms, doubling, at most 5 s apart. */
const MARK_SENT_RETRY_BASE_MS = 250;
const MARK_SENT_RETRY_CAP_MS = 5_000;
