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
  const { intervalMs: _, onRun, ...runOptions } = options;
  const stopping = new AbortController();
  // One limiter for the worker's life, so the limits hold from one batch to the next.
  const runDeps: DeliverOutboxDeps = { ...deps, limiter: deps.limiter ?? RateLimiter.forTeams(options.perConversationPerSecond, options.globalPerSecond) };
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

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
        onRun?.(counts);
        // A full batch means there may be more due now.
        if (counts.claimed >= batch && counts.sent + counts.retried + counts.failed + counts.unreachable > 0) again = true;
      } catch (error) {
        deps.log?.error({ err: error instanceof Error ? error.message : String(error), worker: options.worker }, 'outbox: run failed; will try again');
      } finally {
        running = null;
        schedule(again ? 0 : intervalMs);
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
