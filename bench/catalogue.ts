/**
 * The similar step at scale: a new idea matched against a 2,000-entry re-use catalogue and 5,000 open requests,
 * as `request.submit` does it (similar requests from the term index, catalogue entries by the same engine), 500
 * times with different ideas after 20 to warm up. Prints p50 and p99 in this process.
 */
import type { Deps } from '../src/app/deps';
import { findSimilar, matchingSolutions } from '../src/app/requests/similar-requests';
import { WorkingCalendar } from '../src/domain/calendar';
import { termsOf } from '../src/domain/similarity';
import { pickWords, seedCatalogue, seedOpenRequests } from './seed-programme';
import { percentiles, runBench, timeRuns, withBenchStore } from './support';

const ENTRIES = 2_000;
const OPEN_REQUESTS = 5_000;
const RUNS = 500;

runBench(() =>
  withBenchStore('catalogue', async (store) => {
    const now = new Date('2026-11-27T09:30:00Z');
    await seedCatalogue(store, ENTRIES, now);
    await seedOpenRequests(store, OPEN_REQUESTS, 2026, now);
    const deps = { store, clock: { now: () => now }, calendar: new WorkingCalendar([]) } as unknown as Deps;
    let matched = 0;
    const times = await timeRuns(RUNS, async (run) => {
      const terms = termsOf(`Online ${pickWords(run * 3, 2).join(' ')} for ${pickWords(run * 5 + 1, 1)[0]}`, `People ${pickWords(run, 5).join(', ')} by phone only.`);
      const [requests, solutions] = await Promise.all([findSimilar(store, terms), matchingSolutions(deps, terms)]);
      if (requests.length || solutions.length) matched++;
    });
    console.log(
      `similar step: a new idea against ${ENTRIES.toLocaleString('en-GB')} catalogue entries and ${OPEN_REQUESTS.toLocaleString('en-GB')} open requests, ${RUNS} ideas (${matched} with matches, warm-up included): ${percentiles(times)} (target <= 20 ms)`,
    );
  }),
);
