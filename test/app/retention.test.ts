/** The daily retention run over a real SQLite store: it pseudonymises, is audited every time, and the next run finds nothing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RETENTION_ACTOR, previewRetention, runRetention } from '../../src/app/data-protection/retention';
import type { Deps } from '../../src/app/deps';
import type { Store } from '../../src/app/ports';
import { DEFAULT_RETENTION, FORMER } from '../../src/domain/data-protection';
import { openStore } from '../../src/storage/open-store';
import { sampleRequest } from '../support/sample-request';

let dir: string;
let store: Store;
const clock = { now: () => new Date('2026-12-04T02:15:00Z') };
const admin = { id: '29:admin', aadObjectId: 'aad-admin', name: 'DSG Admin', tenantId: 't' };

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsg-retention-'));
  store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('pseudonymises what is past retention, audits every run, and finds nothing the second time', async () => {
  const old = sampleRequest({ status: 'withdrawn', requesterName: 'Morag Officer', updatedAt: '2024-01-10T10:00:00Z' });
  await store.requests.insert(old, ['hall']);
  const deps = { store, clock, retention: { closedRequestDays: 730, completedProjectDays: 2190, draftDays: 90, deliveryLogDays: 365, meetingPeopleDays: 2190 } };
  const first = await runRetention(deps);
  expect(first.plan.closedRequests).toEqual([old.reference]);
  expect((await store.requests.getByReference(old.reference))?.requesterName).toBe(FORMER.requester);
  const second = await runRetention(deps);
  expect(second.plan).toEqual({ closedRequests: [], completedProjects: [], drafts: 0, deliveryLogs: 0, meetings: [] });
  const runs = await store.audit.listFor('settings', 'retention');
  expect(runs.map((e) => [e.action, e.actorName, e.actorId])).toEqual([
    ['retention.run', RETENTION_ACTOR, null],
    ['retention.run', RETENTION_ACTOR, null],
  ]);
  expect(runs[0].detail).toContain(`1 declined, withdrawn or merged request decided more than 2 years ago: ${old.reference}.`);
  expect(runs[1].detail).toContain('0 declined, withdrawn or merged requests');
});

it('keeps a request until its retention period has passed, by the configured number of days', async () => {
  const recent = sampleRequest({ status: 'declined', updatedAt: '2026-01-10T10:00:00Z' });
  await store.requests.insert(recent, ['hall']);
  const deps = { store, clock, retention: { closedRequestDays: 365, completedProjectDays: 2190, draftDays: 90, deliveryLogDays: 365, meetingPeopleDays: 2190 } };
  expect((await runRetention(deps)).plan.closedRequests).toEqual([]);
  expect((await runRetention({ ...deps, retention: { ...deps.retention, closedRequestDays: 300 } })).plan.closedRequests).toEqual([recent.reference]);
});

it('previews for admins only, and audits a refusal', async () => {
  const deps = { store, clock, roles: { adminAadIds: [admin.aadObjectId] } } as unknown as Deps;
  expect(await previewRetention(deps, admin)).toEqual({ plan: { closedRequests: [], completedProjects: [], drafts: 0, deliveryLogs: 0, meetings: [] }, schedule: DEFAULT_RETENTION });
  await expect(previewRetention(deps, { ...admin, aadObjectId: 'someone-else' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  expect((await store.audit.listFor('settings', 'retention')).map((e) => e.outcome)).toEqual(['refused']);
});
