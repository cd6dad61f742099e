import { reportLinks } from '../../src/app/reports/report-links';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../../src/app/deps';
import type { AuditEvent } from '../../src/domain/audit';
import type { Roster } from '../../src/app/triage/ports';
import type { Store } from '../../src/app/ports';
import { projectHistory } from '../../src/app/programme-view/project-history';
import { sessionInfo } from '../../src/app/programme-view/session-info';
import { viewProgramme } from '../../src/app/programme-view/view-programme';
import { viewProgrammeProject } from '../../src/app/programme-view/view-programme-project';
import type { SignedIn } from '../../src/app/programme-view/viewer';
import { WorkingCalendar } from '../../src/domain/calendar';
import { DEFAULT_THRESHOLDS } from '../../src/domain/reminders';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { openStore } from '../../src/storage/open-store';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const chair = { aadObjectId: 'aad-chair', name: 'DSG Chair' };
const leader = { aadObjectId: 'aad-leader', name: 'Dana Leader' };
const signedIn = (aadObjectId: string, name = 'Someone', via: SignedIn['via'] = 'teams-sso'): SignedIn => ({ aadObjectId, name, tenantId: 't', via });

describe('the Programme tab use cases', () => {
  let dir: string;
  let store: Store;
  let deps: Deps;
  let rosterCalls: number;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-programme-view-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    rosterCalls = 0;
    const roster: Roster = {
      async teamMembers() {
        rosterCalls++;
        return [{ id: '29:member', aadObjectId: 'aad-member', name: 'DSG Member' }];
      },
    };
    // 1 April 2027 in London: the first day of financial year 2027/28.
    const now = new Date('2027-03-31T23:30:00Z');
    deps = { store, calendar: new WorkingCalendar([]), reminders: DEFAULT_THRESHOLDS, clock: { now: () => now }, newId: () => 'id', roles: { adminAadIds: ['aad-admin'] }, roster, reportLinks: reportLinks('s'.repeat(32), 'http://127.0.0.1:3978'), kickOutbox: () => undefined };
    await store.settings.save({ ...EMPTY_SETTINGS, chair, leaders: { customers: leader }, channel: { conversationId: '19:c', teamId: 'team', name: 'DSG', reference: {} } }, 0);
    for (const [reference, status] of [['DP-2026-0001', 'approved'], ['DP-2026-0002', 'completed'], ['DP-2026-0003', 'withdrawn']] as const) {
      await store.requests.insert(sampleRequest({ reference, status, requesterId: '29:requester', requesterName: 'Alex Requester' }), []);
      await store.projects.insert(sampleProject(reference, { milestones: [sampleMilestone({ id: `m-${reference}`, due: '2027-03-31' })] }));
    }
    await store.requests.insert(sampleRequest({ reference: 'DP-2026-0004', status: 'declined' }), []);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the published projects for anyone, dated by the London day, without reading the DSG roster', async () => {
    const res = await viewProgramme(deps, null);
    expect(res).toMatchObject({ generatedAt: '2027-03-31T23:30:00.000Z', financialYear: '2027/28', viewer: null });
    expect(res.projects.map((p) => p.reference)).toEqual(['DP-2026-0001', 'DP-2026-0002']);
    expect(res.projects[0]).toMatchObject({ overdueMilestones: 1, nextDue: null });
    expect(res.projects[0].owners).toBeUndefined();
    expect(rosterCalls).toBe(0);
  });

  it.each([
    ['the chair', 'aad-chair', ['DSG chair', 'Colleague']],
    ['an admin', 'aad-admin', ['Administrator', 'Colleague']],
    ['a DSG member (from the roster)', 'aad-member', ['DSG member', 'Colleague']],
    ['the Digital Leader of the projects', 'aad-leader', ['Digital Leader', 'Colleague']],
    ['anyone else in the tenant', 'aad-other', ['Colleague']],
  ])('names the roles of %s, as the bot’s permissions see them', async (_who, aad, roles) => {
    const res = await viewProgramme(deps, signedIn(aad));
    expect(res.viewer).toEqual({ name: 'Someone', roles, via: 'teams-sso' });
    expect(res.projects[0].owners).toEqual({ digitalLeader: 'Dana Leader', projectLead: null, projectManager: null });
  });

  it('knows a requester by their Teams id, and takes a name from the bot’s records when the token has none', async () => {
    await store.people.upsert({ id: '29:requester', aadObjectId: 'aad-requester', name: 'Alex Requester', tenantId: 't', conversationRef: null, reachable: true, updatedAt: '2027-01-01T00:00:00Z' });
    const res = await viewProgrammeProject(deps, signedIn('aad-requester', ' '), 'DP-2026-0001');
    expect(res.viewer).toEqual({ name: 'Alex Requester', roles: ['Requester', 'Colleague'], via: 'teams-sso' });
  });

  it('shows a project’s history with who only to those who may see it', async () => {
    await store.audit.record({ at: '2026-12-03T10:00:00.000Z', actorId: '29:chair', actorName: 'DSG Chair', action: 'request.approve', subjectType: 'request', subjectId: 'DP-2026-0001', outcome: 'done', before: null, after: { status: 'approved' }, detail: 'a note' });
    expect((await viewProgrammeProject(deps, signedIn('aad-chair'), 'DP-2026-0001')).project.history).toEqual([{ at: '2026-12-03T10:00:00.000Z', what: 'Approved', by: 'DSG Chair' }]);
    expect((await viewProgrammeProject(deps, signedIn('aad-other'), 'DP-2026-0001')).project.history).toEqual([{ at: '2026-12-03T10:00:00.000Z', what: 'Approved' }]);
    expect((await viewProgrammeProject(deps, null, 'DP-2026-0001')).project.history).toEqual([{ at: '2026-12-03T10:00:00.000Z', what: 'Approved' }]);
  });

  it.each([
    ['unknown', 'DP-2026-0099'],
    ['declined (no project)', 'DP-2026-0004'],
    ['withdrawn, even with a project record', 'DP-2026-0003'],
  ])('answers NOT_FOUND, in the same words, for a reference that is %s', async (_what, reference) => {
    await expect(viewProgrammeProject(deps, signedIn('aad-admin'), reference)).rejects.toMatchObject({ code: 'NOT_FOUND', message: `${reference} is not in the Digital Programme.` });
  });

  it('answers INVALID_FIELD for text that is not a reference, and reads one in lower case with spaces around', async () => {
    await expect(viewProgrammeProject(deps, null, 'DP-26-1')).rejects.toMatchObject({ code: 'INVALID_FIELD' });
    expect((await viewProgrammeProject(deps, null, ' dp-2026-0002 ')).project.reference).toBe('DP-2026-0002');
  });
});

describe('projectHistory', () => {
  const event = (over: Partial<AuditEvent>): AuditEvent => ({ at: '2027-01-01T09:00:00.000Z', actorId: '29:a', actorName: 'Ann', action: 'request.submit', subjectType: 'request', subjectId: 'DP-2026-0001', outcome: 'done', before: null, after: null, detail: null, ...over });

  it('keeps what changed, newest first, leaving out refusals and views', () => {
    const events = [
      event({ at: '2027-01-01T09:00:00.000Z' }),
      event({ at: '2027-01-03T09:00:00.000Z', action: 'milestone.done', actorName: '  ' }),
      event({ at: '2027-01-02T09:00:00.000Z', action: 'project.edit', outcome: 'refused' }),
      event({ at: '2027-01-04T09:00:00.000Z', action: 'project.view' }),
    ];
    expect(projectHistory(events, true)).toEqual([
      { at: '2027-01-03T09:00:00.000Z', what: 'Milestone done', by: 'dsg-bot' },
      { at: '2027-01-01T09:00:00.000Z', what: 'Submitted', by: 'Ann' },
    ]);
    expect(projectHistory(events, false)).toEqual([
      { at: '2027-01-03T09:00:00.000Z', what: 'Milestone done' },
      { at: '2027-01-01T09:00:00.000Z', what: 'Submitted' },
    ]);
  });
});

describe('sessionInfo', () => {
  const demoUsers = [{ aadObjectId: 'aad-1', name: 'Council Officer' }];
  it('says teams-sso when SSO is configured, local-demo with the demo users in local mode, anonymous otherwise', () => {
    expect(sessionInfo({ sso: true, demoUsers: null })).toEqual({ mode: 'teams-sso' });
    expect(sessionInfo({ sso: false, demoUsers })).toEqual({ mode: 'local-demo', demoUsers: [{ id: 'aad-1', name: 'Council Officer' }] });
    expect(sessionInfo({ sso: true, demoUsers })).toEqual({ mode: 'teams-sso', demoUsers: [{ id: 'aad-1', name: 'Council Officer' }] });
    expect(sessionInfo({ sso: false, demoUsers: null })).toEqual({ mode: 'anonymous' });
  });
});
