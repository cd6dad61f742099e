/**
 * The message extension at scale, in this process: the compose box's search (`composeExtension/query`'s use case
 * and cards) over 10,000 requests and projects (5,000 approved projects with owners, 5,000 requests), 500 searches
 * by words, prefixes and references after 20 to warm up; and the dialog for "Raise a DSG request" on a
 * 4,000-character message (`composeExtension/fetchTask`'s domain, use case and card), 500 times. Prints p50 and p99.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../src/app/deps';
import { findRequests } from '../src/app/requests/find-requests';
import { startRequest } from '../src/app/requests/start-request';
import { ideaFromMessage } from '../src/domain/message-idea';
import type { Actor } from '../src/domain/people';
import { termsOf } from '../src/domain/similarity';
import { compactPreview, requestCompactCard } from '../src/presenters/request-compact';
import { requestFormCard } from '../src/presenters/request-form';
import { pickWords, seedOpenRequests, seedProgramme } from './seed-programme';
import { percentiles, runBench, timeRuns, withBenchStore } from './support';

const PROJECTS = 5_000;
const REQUESTS = 5_000;
const RUNS = 500;

runBench(() =>
  withBenchStore('compose', async (store) => {
    const now = new Date('2026-11-27T09:30:00Z');
    await seedProgramme(store, PROJECTS, 3, now);
    await store.transaction(async (tx) => {
      // The projects' own titles ("Project 12") are indexed too, so a search by a reference or a word finds them.
      for (const { request } of await tx.projects.listWithRequests()) await tx.requests.update(request, request.version, termsOf(request.title, request.problem));
    });
    await seedOpenRequests(store, REQUESTS, 2027, now);
    const deps = { store, clock: { now: () => now }, newId: randomUUID, roles: { adminAadIds: [] }, roster: { teamMembers: async () => [] } } as unknown as Deps;
    const actor: Actor = { id: '29:user-7', aadObjectId: 'aad-7', name: 'Officer 7', tenantId: 'tenant' };

    const searches = (run: number): string => {
      const kind = run % 4;
      if (kind === 0) return pickWords(run, 2).join(' ');
      if (kind === 1) return `${pickWords(run, 1)[0]} ${pickWords(run + 3, 1)[0].slice(0, 3)}`;
      if (kind === 2) return `DP-2026-${String((run * 37) % PROJECTS + 1).padStart(5, '0')}`;
      return `project ${run % 97}`;
    };
    let shown = 0;
    const search = await timeRuns(RUNS, async (run) => {
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
    const fetch = await timeRuns(RUNS, async () => {
      const idea = ideaFromMessage({ contentType: 'html', content: html, attachments: 0, link: 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1733300000001' });
      const start = await startRequest(deps, actor, true);
      requestFormCard({ formId: start.kind === 'form' ? start.formId : 'x', values: idea.values, notice: idea.notes.join(' ') || undefined });
    });
    console.log(`message action: the request form from a ${html.length.toLocaleString('en-GB')}-character message, ${RUNS} times: ${percentiles(fetch)} (target <= 30 ms)`);
  }),
);
