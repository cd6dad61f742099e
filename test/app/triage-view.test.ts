import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import type { Store } from '../../src/app/ports';
import { reportLinks } from '../../src/app/reports/report-links';
import { loadTriageView, MERGE_TARGETS } from '../../src/app/triage/triage-view';
import { WorkingCalendar } from '../../src/domain/calendar';
import { DEFAULT_THRESHOLDS } from '../../src/domain/reminders';
import type { ProjectRequest, RequestStatus } from '../../src/domain/request';
import { triageCard } from '../../src/presenters/triage';
import { openStore } from '../../src/storage/open-store';
import { sampleRequest } from '../support/sample-request';

const OPEN: RequestStatus[] = ['submitted', 'under-review', 'more-info-requested', 'approved', 'in-delivery'];
const CLOSED: RequestStatus[] = ['declined', 'withdrawn', 'merged', 'completed'];

/** The choices of the triage card's "duplicate of" list. */
function duplicateChoices(card: object): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.id === 'duplicateOf' && Array.isArray(n.choices)) found.push(...n.choices.map((c: { value: string }) => c.value));
      else Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('the triage card\'s "duplicate of" choices', () => {
  let dir: string;
  let store: Store;
  let deps: Deps;
  const now = new Date('2026-11-27T09:00:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-triage-view-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    const roster = { teamMembers: async () => [] };
    deps = { store, calendar: new WorkingCalendar([]), reminders: DEFAULT_THRESHOLDS, clock: { now: () => now }, newId: () => 'id', roles: { adminAadIds: [] }, roster, reportLinks: reportLinks('s'.repeat(32), 'http://127.0.0.1:3978'), kickOutbox: () => undefined };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `count` requests, one a minute from 1 September 2026, in the statuses given in turn. */
  async function insertRequests(count: number, statuses: RequestStatus[], from = Date.parse('2026-09-01T08:00:00Z')): Promise<ProjectRequest[]> {
    const requests: ProjectRequest[] = [];
    for (let i = 0; i < count; i++) {
      const createdAt = new Date(from + i * 60_000).toISOString();
      const request = sampleRequest({ title: `Open request ${i}`, status: statuses[i % statuses.length], createdAt, updatedAt: createdAt });
      await store.requests.insert(request, []);
      requests.push(request);
    }
    return requests;
  }

  it('offers the most recent open requests, newest first, when more than 200 are open', async () => {
    const open = await insertRequests(230, OPEN);
    // Closed requests newer than any open one are never offered.
    await insertRequests(10, CLOSED, Date.parse('2026-10-01T08:00:00Z'));
    const triaged = open[open.length - 3];

    const view = await loadTriageView(deps, triaged);

    const newestFirst = open
      .filter((r) => r.reference !== triaged.reference)
      .reverse()
      .slice(0, MERGE_TARGETS);
    expect(view.mergeTargets).toEqual(newestFirst.map((r) => ({ reference: r.reference, title: r.title })));
    expect(view.mergeTargets.map((t) => t.reference)).toContain(open[open.length - 1].reference);
    expect(duplicateChoices(triageCard({ ...view, people: view.people }))).toEqual(newestFirst.map((r) => r.reference));
  });

  it('offers every other open request when there are fewer than the card shows', async () => {
    const open = await insertRequests(4, OPEN);
    const view = await loadTriageView(deps, open[0]);
    expect(view.mergeTargets.map((t) => t.reference)).toEqual([open[3], open[2], open[1]].map((r) => r.reference));
  });
});
