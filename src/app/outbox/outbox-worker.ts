import { type DeliverOutboxDeps, type DeliverOutboxOptions, type DeliveryCounts, deliverOutbox, RateLimiter } from './deliver-outbox';

export interface OutboxWorker {
  /** Run now (or right after the run in flight): something was just queued. */
  kick(): void;
  /** Stops polling, cuts short any wait for a rate limit, and resolves once the run in flight has finished. */
  stop(): Promise<void>;
}

export interface OutboxWorkerOptions extends Omit<DeliverOutboxOptions, 'signal'> {
  /** Poll every this many ms (default 1000). */
  intervalMs?: number;
  /** After runs that failed (the database is unavailable), wait twice as long each time up to this (default 10 s). */
  maxBackoffMs?: number;
  /** Called after each run (tests, metrics). */
  onRun?(counts: DeliveryCounts): void;
}

/**
 * Sends the outbox in the background: every `intervalMs`, when kicked, and again at once while runs fill a
 * whole batch. One run at a time in this worker; other processes are kept off a batch by its lease.
 */
export function startOutboxWorker(deps: DeliverOutboxDeps, options: OutboxWorkerOptions): OutboxWorker {
  const intervalMs = options.intervalMs ?? 1000;
  const batch = options.batch ?? 25;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const { intervalMs: _, maxBackoffMs: __, onRun, ...runOptions } = options;
  const stopping = new AbortController();
  // One limiter for the worker's life, so the limits hold from one batch to the next.
  const runDeps: DeliverOutboxDeps = { ...deps, limiter: deps.limiter ?? RateLimiter.forTeams(options.perConversationPerSecond, options.globalPerSecond) };
  let running: Promise<void> | null = null;
  let again = false;
  /** Runs failed in a row: while the database is down, poll less often (2, 4, 8 ... s), never stop. */
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const pause = () => (failures ? Math.min(maxBackoffMs, intervalMs * 2 ** failures) : intervalMs);
  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopping.signal.aborted) return;
    timer = setTimeout(run, ms);
    timer.unref();
  };

  function run(): void {
    if (stopping.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    again = false;
    running = (async () => {
      try {
        const counts = await deliverOutbox(runDeps, { ...runOptions, batch, signal: stopping.signal });
        failures = 0;
        onRun?.(counts);
        // A full batch means there may be more due now.
        if (counts.claimed >= batch && counts.sent + counts.retried + counts.failed + counts.unreachable > 0) again = true;
      } catch (error) {
        failures++;
        deps.log?.error({ err: error instanceof Error ? error.message : String(error), worker: options.worker, failures, retryInMs: pause() }, 'outbox: run failed; will try again');
      } finally {
        running = null;
        // A kick (something was just saved, so the database is back) runs at once, whatever the back-off.
        schedule(again ? 0 : pause());
      }
    })();
  }

  schedule(0);
  return {
    kick() {
      if (stopping.signal.aborted) return;
      // Never inside the caller's turn (it may still be in its transaction): on the next tick, or after the run in flight.
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
