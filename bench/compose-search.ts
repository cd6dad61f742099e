/**
 * The message extension at scale, in this process: the compose box's search (`composeExtension/query`'s use case
 * and cards) over 10,000 requests and projects (5,000 approved projects with owners, 5,000 requests), 500 searches
 * by words, prefixes and references after 20 to warm up; and the dialog for "Raise a DSG request" on a
 * 4,000-character message (`composeExtension/fetchTask`'s domain, use case and card), 500 times. Prints p50 and p99.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../src/app/deps';
import { findRequests } from '../src/app/requests/find-requests';
import { startRequest } from '../src/app/requests/start-request';
import { ideaFromMessage } from '../src/domain/message-idea';
import type { Actor } from '../src/domain/people';
import type { ProjectRequest } from '../src/domain/request';
import { termsOf } from '../src/domain/similarity';
import { compactPreview, requestCompactCard } from '../src/presenters/request-compact';
import { requestFormCard } from '../src/presenters/request-form';
import { openStore } from '../src/storage/open-store';
import { seedProgramme } from './seed-programme';

const PROJECTS = 5_000;
const REQUESTS = 5_000;
const RUNS = 500;
const WORDS = 'online booking halls rooms payments permits repairs housing licensing recruitment payroll timesheets library parking planning tenancy allotments rents burials events grants school transport waste recycling garden bins council tax benefits portal forms residents staff appointments'.split(' ');
const pick = (seed: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(seed * 31 + k * 17) % WORDS.length]);

const percentiles = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`;
};

async function time(runs: number, work: (run: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < 20 + runs; run++) {
    const start = process.hrtime.bigint();
    await work(run);
    if (run >= 20) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsg-bench-compose-'));
  const store = await openStore({ sqlitePath: path.join(dir, 'bench.sqlite') });
  const now = new Date('2026-11-27T09:30:00Z');
  try {
    await seedProgramme(store, PROJECTS, 3, now);
    await store.transaction(async (tx) => {
      // The projects' own titles ("Project 12") are indexed too, so a search by a reference or a word finds them.
      for (const { request } of await tx.projects.listWithRequests()) await tx.requests.update(request, request.version, termsOf(request.title, request.problem));
      for (let i = 0; i < REQUESTS; i++) {
        const title = `Improve ${pick(i, 3).join(' ')} ${i}`;
        const problem = `Residents wait for ${pick(i + 7, 4).join(' and ')}; staff re-key records by hand.`;
        const request: ProjectRequest = {
          id: randomUUID(), reference: `DP-2027-${String(i + 1).padStart(5, '0')}`, status: i % 3 === 0 ? 'under-review' : 'submitted', version: 1, requesterId: `29:user-${i % 500}`,
          requesterName: `Officer ${i % 500}`, formId: randomUUID(), createdAt: new Date(now.getTime() + i * 60_000).toISOString(), updatedAt: now.toISOString(), title, problem,
          outcome: 'Faster service', beneficiaries: ['citizens'], strand: 'customers', principles: ['customer-focused'], principlesHow: 'x', reuseSolution: null, reuseChecked: 'x', route: 'reuse',
          routeJustification: null, personalData: false, oneOffCost: null, annualBenefit: null, desiredStart: null,
        };
        await tx.requests.insert(request, termsOf(title, problem));
      }
    });
    const deps = { store, clock: { now: () => now }, newId: randomUUID, roles: { adminAadIds: [] }, roster: { teamMembers: async () => [] } } as unknown as Deps;
    const actor: Actor = { id: '29:user-7', aadObjectId: 'aad-7', name: 'Officer 7', tenantId: 'tenant' };

    const searches = (run: number): string => {
      const kind = run % 4;
      if (kind === 0) return pick(run, 2).join(' ');
      if (kind === 1) return `${pick(run, 1)[0]} ${pick(run + 3, 1)[0].slice(0, 3)}`;
      if (kind === 2) return `DP-2026-${String((run * 37) % PROJECTS + 1).padStart(5, '0')}`;
      return `project ${run % 97}`;
    };
    let shown = 0;
    const search = await time(RUNS, async (run) => {
      const found = await findRequests(deps, actor, searches(run));
      if (found.kind === 'found') {
        shown += found.items.length;
        for (const item of found.items) {
          requestCompactCard(item);
          compactPreview(item);
        }
      }
    });
    console.log(`compose search: ${(PROJECTS + REQUESTS).toLocaleString('en-GB')} requests and projects, ${RUNS} searches (${shown} cards): ${percentiles(search)} (target <= 50 ms)`);

    const line = 'Residents phone the contact centre to book a bulky uplift, and staff re-key every booking. ';
    const html = `<p>Online booking for bulky uplifts</p><p>${line.repeat(Math.ceil(4000 / line.length)).slice(0, 4000).replace(/\. /g, '.<br>')}</p>`;
    const fetch = await time(RUNS, async () => {
      const idea = ideaFromMessage({ contentType: 'html', content: html, attachments: 0, link: 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1733300000001' });
      const start = await startRequest(deps, actor, true);
      requestFormCard({ formId: start.kind === 'form' ? start.formId : 'x', values: idea.values, notice: idea.notes.join(' ') || undefined });
    });
    console.log(`message action: the request form from a ${html.length.toLocaleString('en-GB')}-character message, ${RUNS} times: ${percentiles(fetch)} (target <= 30 ms)`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
