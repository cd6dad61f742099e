/**
 * What the benches share: a store on SQLite in a temporary folder (removed afterwards), timing one piece of
 * work or many runs of it, percentiles, the process's peak RSS, and how a bench ends when it fails.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Store } from '../src/app/ports';
import { type OpenStoreOptions, openStore } from '../src/storage/open-store';

/** Runs `work` with a fresh SQLite store in a temporary folder named after the bench; closes and removes both after. */
export async function withBenchStore<T>(name: string, work: (store: Store) => Promise<T>, options: Pick<OpenStoreOptions, 'onQuery'> = {}): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `dsg-bench-${name}-`));
  const store = await openStore({ sqlitePath: path.join(dir, 'bench.sqlite'), ...options });
  try {
    return await work(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One piece of work and how long it took, in ms. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** `runs` runs of `work` after `warmUp` untimed ones (as a running bot has done them): each run's ms. */
export async function timeRuns(runs: number, work: (run: number) => Promise<unknown>, warmUp = 20): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    const { ms } = await timed(() => work(run));
    if (run >= warmUp) times.push(ms);
  }
  return times;
}

/** `p50 … ms, p99 … ms` of these times. */
export function percentiles(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`;
}

/** This process's peak resident memory so far, in MB. */
export const peakRssMb = (): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

/** Runs a bench's main; a failure is printed and the process exits non-zero. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
