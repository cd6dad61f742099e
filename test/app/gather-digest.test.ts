import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import { gatherDigest } from '../../src/app/digests/gather-digest';
import { reportLinks } from '../../src/app/reports/report-links';
import type { Store } from '../../src/app/ports';
import { WorkingCalendar } from '../../src/domain/calendar';
import { DEFAULT_THRESHOLDS } from '../../src/domain/reminders';
import { openStore } from '../../src/storage/open-store';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

describe('gatherDigest', () => {
  let dir: string;
  let store: Store;
  let deps: Deps;
  const lead = { aadObjectId: 'aad-lead', name: 'Project Lead (Learning) 2' };
  const request = sampleRequest({ status: 'approved', title: 'Schools app' });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-digest-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    deps = {
      store,
      calendar: new WorkingCalendar([]),
      reminders: DEFAULT_THRESHOLDS,
      clock: { now: () => new Date('2026-12-01T09:00:00Z') },
      newId: () => 'id',
      roles: { adminAadIds: [] },
      roster: { teamMembers: async () => [] },
      reportLinks: reportLinks('s'.repeat(32), 'http://127.0.0.1:3978'),
      kickOutbox: () => undefined,
    };
    await store.requests.insert(request, []);
    // Approved in September with no business case: the lead is chased about it.
    await store.projects.insert(sampleProject(request.reference, { projectLead: lead, businessCase: { status: 'not-started', link: null, date: null }, approvedAt: '2026-09-01T10:00:00.000Z' }));
    await store.reminders.save([
      { key: `${request.reference}:business-case`, recipientId: 'aad-lead', count: 3, lastSentAt: '2026-11-27T09:30:00.000Z', fingerprint: 'not-started|null', snoozedUntil: null, snoozes: 0, escalatedAt: '2026-11-27T09:30:00.000Z' },
    ]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const owners = async () => (await gatherDigest(deps, store, { kind: 'weekly', audience: 'dsg', strands: null, since: null })).sections.find((s) => s.id === 'owners')?.items.map((i) => i.detail) ?? [];

  it('lists an escalation while its item is still called for, unchanged', async () => {
    expect(await owners()).toEqual(['Escalated 27 Nov 2026: Project Lead (Learning) 2 reminded 3 times about the business case with no change']);
  });

  it('no longer lists it once the item has changed or been answered', async () => {
    const project = (await store.projects.get(request.reference))!;
    await store.projects.update({ ...project, businessCase: { status: 'drafting', link: 'https://council.sharepoint.example/bc.docx', date: null }, version: project.version + 1 }, project.version);
    expect(await owners()).toEqual([]);
    const drafted = (await store.projects.get(request.reference))!;
    await store.projects.update({ ...drafted, businessCase: { ...drafted.businessCase, status: 'approved' }, version: drafted.version + 1 }, drafted.version);
    expect(await owners()).toEqual([]);
  });
});
