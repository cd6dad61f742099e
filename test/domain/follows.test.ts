import { followedChange, followNotice, type FollowedChange } from '../../src/domain/follows';
import { isAllowed, rolesFor } from '../../src/domain/permissions';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const person = (n: string) => ({ aadObjectId: `aad-${n}`, name: n });
const actor = (n: string) => ({ id: `29:${n}`, aadObjectId: `aad-${n}`, name: n, tenantId: 't' });

describe('who may make a chat follow a project', () => {
  const request = sampleRequest({ reference: 'DP-2026-0007', requesterId: '29:requester', strand: 'learning', status: 'in-delivery' });
  const project = sampleProject('DP-2026-0007', { digitalLeader: person('leader'), projectLead: person('lead'), projectManager: person('manager') });
  const settings = { ...EMPTY_SETTINGS, chair: person('chair'), leaders: { learning: person('strand-leader') } };
  const subject = { settings, members: [{ id: '29:member', aadObjectId: 'aad-member', name: 'member' }], request, project };
  const may = (who: string, admins: string[] = []) => isAllowed('project.follow', rolesFor(actor(who), subject, { adminAadIds: admins }));

  it("allows the project's lead, manager and Digital Leader, the chair and admins", () => {
    expect(['lead', 'manager', 'leader', 'chair'].map((w) => may(w))).toEqual([true, true, true, true]);
    expect(may('someone', ['aad-someone'])).toBe(true);
  });

  it("refuses the requester, a DSG member, a colleague, and the strand's Digital Leader once the project has its own", () => {
    expect(['requester', 'member', 'someone', 'strand-leader'].map((w) => may(w))).toEqual([false, false, false, false]);
  });

  it("before approval (no project yet): the strand's Digital Leader may", () => {
    const pending = { settings, request: sampleRequest({ strand: 'learning', status: 'submitted' }), project: null };
    expect(isAllowed('project.follow', rolesFor(actor('strand-leader'), pending, { adminAadIds: [] }))).toBe(true);
    expect(isAllowed('project.follow', rolesFor(actor('lead'), pending, { adminAadIds: [] }))).toBe(false);
  });
});

describe('the changes a following chat is told of', () => {
  const change = (action: string, after: unknown = null, detail: string | null = null): FollowedChange => ({ action, by: 'DSG Chair', at: '2026-12-04T10:00:00.000Z', after, detail });

  it.each(['request.approve', 'request.decline', 'request.assign', 'project.business-case', 'milestone.done', 'milestone.move', 'benefit.record', 'project.status'])('%s is followed', (action) => {
    expect(followedChange(change(action))).toEqual(change(action));
  });

  it.each(['project.plan', 'project.dpia', 'project.resourcing', 'request.submit', 'request.ask', 'measure.record', 'project.follow'])('%s is not', (action) => {
    expect(followedChange(change(action))).toBeNull();
  });

  const project = { reference: 'DP-2026-0007', title: 'Library <b>booking</b>', status: 'in-delivery' as const };

  it('says what changed, by whom, with the words recorded, and opens the project', () => {
    expect(followNotice(change('request.assign', { status: 'approved', note: 'Project Lead: Lee' }), project)).toEqual({
      title: 'DP-2026-0007: Owners assigned',
      lines: ['"Library <b>booking</b>": owners assigned by DSG Chair.', 'Project Lead: Lee'],
      open: { opens: 'project', reference: 'DP-2026-0007', title: 'Open project' },
    });
    expect(followNotice(change('milestone.move', { milestone: 'Go live' }, 'From 2027-01-10 to 2027-02-01: supplier late'), project).lines).toEqual([
      `"Library <b>booking</b>": milestone 'Go live' moved by DSG Chair.`,
      'From 2027-01-10 to 2027-02-01: supplier late',
    ]);
    expect(followNotice(change('project.business-case', { businessCase: 'approved' }), project).lines[1]).toBe('Business case: approved.');
  });

  it('opens a request not yet in the programme as a request', () => {
    expect(followNotice(change('request.decline', { status: 'declined', note: null }), { ...project, status: 'declined' })).toMatchObject({
      title: 'DP-2026-0007: Declined',
      open: { opens: 'request', title: 'Open request' },
    });
  });
});
