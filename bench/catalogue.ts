/**
 * The similar step at scale: a new idea matched against a 2,000-entry re-use catalogue and 5,000 open requests,
 * as `request.submit` does it (similar requests from the term index, catalogue entries by the same engine), 500
 * times with different ideas after 20 to warm up. Prints p50 and p99 in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../src/app/deps';
import { findSimilar, matchingSolutions } from '../src/app/requests/similar-requests';
import { WorkingCalendar } from '../src/domain/calendar';
import type { ProjectRequest } from '../src/domain/request';
import { termsOf } from '../src/domain/similarity';
import { openStore } from '../src/storage/open-store';
import { seedCatalogue } from './seed-programme';

const ENTRIES = 2_000;
const OPEN_REQUESTS = 5_000;
const RUNS = 500;
const WORDS = 'online booking halls rooms payments permits repairs housing licensing recruitment payroll timesheets library parking planning tenancy allotments rents burials events grants school transport waste recycling garden bins council tax benefits portal forms residents staff appointments'.split(' ');

const pick = (seed: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(seed * 31 + k * 17) % WORDS.length]);

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsg-bench-cat-'));
  const store = await openStore({ sqlitePath: path.join(dir, 'bench.sqlite') });
  const now = new Date('2026-11-27T09:30:00Z');
  try {
    await seedCatalogue(store, ENTRIES, now);
    await store.transaction(async (tx) => {
      for (let i = 0; i < OPEN_REQUESTS; i++) {
        const title = `Improve ${pick(i, 3).join(' ')} ${i}`;
        const problem = `Residents wait for ${pick(i + 7, 4).join(' and ')}; staff re-key records by hand.`;
        const request: ProjectRequest = {
          id: randomUUID(), reference: `DP-2026-${String(i + 1).padStart(5, '0')}`, status: i % 3 === 0 ? 'under-review' : 'submitted', version: 1, requesterId: `29:user-${i % 500}`,
          requesterName: `Officer ${i % 500}`, formId: randomUUID(), createdAt: now.toISOString(), updatedAt: now.toISOString(), title, problem, outcome: 'Faster service',
          beneficiaries: ['citizens'], strand: 'customers', principles: ['customer-focused'], principlesHow: 'x', reuseSolution: null, reuseChecked: 'x', route: 'reuse', routeJustification: null,
          personalData: false, oneOffCost: null, annualBenefit: null, desiredStart: null,
        };
        await tx.requests.insert(request, termsOf(title, problem));
      }
    });
    const deps = { store, clock: { now: () => now }, calendar: new WorkingCalendar([]) } as unknown as Deps;
    const times: number[] = [];
    let matched = 0;
    for (let run = 0; run < 20 + RUNS; run++) {
      const terms = termsOf(`Online ${pick(run * 3, 2).join(' ')} for ${pick(run * 5 + 1, 1)[0]}`, `People ${pick(run, 5).join(', ')} by phone only.`);
      const start = process.hrtime.bigint();
      const [requests, solutions] = await Promise.all([findSimilar(store, terms), matchingSolutions(deps, terms)]);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run >= 20) {
        times.push(ms);
        if (requests.length || solutions.length) matched++;
      }
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    console.log(
      `similar step: a new idea against ${ENTRIES.toLocaleString('en-GB')} catalogue entries and ${OPEN_REQUESTS.toLocaleString('en-GB')} open requests, ${RUNS} ideas (${matched} with matches): p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms (target <= 20 ms)`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
