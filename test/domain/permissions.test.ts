import { type Action, isAllowed, PERMISSIONS, type Role, rolesFor } from '../../src/domain/permissions';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { sampleRequest } from '../support/sample-request';

const ROLES: Role[] = ['colleague', 'requester', 'dsg-member', 'chair', 'digital-leader', 'project-lead', 'project-manager', 'admin', 'minute-taker', 'action-owner', 'risk-owner'];

/** The whole table, spelled out: one row per action, the roles allowed. A change here is a decision. */
const EXPECTED: Record<Action, Role[]> = {
  'dsg.setup': ['admin'],
  'settings.view': ['dsg-member', 'chair', 'admin'],
  'settings.edit': ['chair', 'admin'],
  'request.view': ['requester', 'dsg-member', 'chair', 'admin'],
  'request.withdraw': ['requester'],
  'request.answer': ['requester'],
  'request.decide': ['dsg-member', 'chair'],
  'request.history': ['requester', 'dsg-member', 'chair', 'admin'],
  'triage.view': ['dsg-member', 'chair', 'admin'],
  'project.view': ROLES.filter((r) => r !== 'minute-taker' && r !== 'action-owner' && r !== 'risk-owner'),
  'project.edit': ['digital-leader', 'project-lead', 'project-manager', 'chair', 'admin'],
  'project.history': ['requester', 'dsg-member', 'chair', 'digital-leader', 'project-lead', 'project-manager', 'admin'],
  'project.reopen': ['chair', 'admin'],
  'project.follow': ['project-lead', 'project-manager', 'digital-leader', 'chair', 'admin'],
  'reminders.run': ['chair', 'admin'],
  'benefit.record': ['project-lead', 'project-manager', 'digital-leader', 'chair'],
  'measure.edit': ['project-lead', 'project-manager', 'digital-leader', 'chair'],
  'measure.record': ['project-lead', 'project-manager'],
  'health.set': ['project-lead', 'project-manager'],
  'digest.subscribe': ['dsg-member', 'chair', 'admin'],
  'digest.preview': ['dsg-member', 'chair', 'admin'],
  'report.annual': ['dsg-member', 'chair', 'admin'],
  'report.assurance': ['dsg-member', 'chair', 'admin'],
  'programme.export': ['dsg-member', 'chair', 'admin'],
  'retention.preview': ['admin'],
  'person.export': ['admin'],
  'agenda.view': ['dsg-member', 'chair', 'admin'],
  'agenda.add': ['dsg-member', 'chair', 'admin'],
  'agenda.arrange': ['chair', 'minute-taker', 'admin'],
  'meetings.plan': ['chair', 'admin'],
  'meeting.run': ['chair', 'minute-taker', 'admin'],
  'meeting.attend': ['dsg-member', 'chair'],
  'action.done': ['action-owner', 'chair', 'minute-taker'],
  'solution.manage': ['dsg-member', 'chair', 'admin'],
  'solution.contract': ['digital-leader', 'chair', 'admin'],
  'gate.request': ['project-lead'],
  'gate.decide': ['dsg-member', 'chair'],
  'condition.done': ['action-owner', 'chair', 'admin'],
  'risk.add': ['digital-leader', 'project-lead', 'project-manager', 'chair', 'admin'],
  'risk.edit': ['digital-leader', 'project-lead', 'project-manager', 'chair', 'admin', 'risk-owner'],
};

describe('permission table', () => {
  const rows = (Object.keys(PERMISSIONS) as Action[]).flatMap((action) => ROLES.map((role) => [action, role, EXPECTED[action].includes(role)] as const));
  it.each(rows)('%s by %s → %s', (action, role, allowed) => {
    expect(isAllowed(action, [role])).toBe(allowed);
  });
});

describe('roles', () => {
  const actor = { id: '29:a', aadObjectId: 'aad-a', name: 'A', tenantId: 't' };
  const person = { aadObjectId: 'aad-a', name: 'A' };

  it('gives everyone the colleague role and nothing more by default', () => {
    expect(rolesFor(actor, {}, { adminAadIds: [] })).toEqual(['colleague']);
  });

  it('derives requester, admin, DSG member, chair and Digital Leader', () => {
    const request = sampleRequest({ requesterId: '29:a', strand: 'learning' });
    const settings = { ...EMPTY_SETTINGS, chair: person, leaders: { learning: person } };
    const roles = rolesFor(actor, { request, settings, members: [{ id: '29:a', aadObjectId: 'aad-a', name: 'A' }] }, { adminAadIds: ['aad-a'] });
    expect(roles.sort()).toEqual(['admin', 'chair', 'colleague', 'digital-leader', 'dsg-member', 'requester']);
  });

  it("makes the Digital Leader of any of a catalogue entry's strands its Digital Leader, and no one else", () => {
    const settings = { ...EMPTY_SETTINGS, leaders: { estates: person, customers: { aadObjectId: 'aad-b', name: 'B' } } };
    expect(rolesFor(actor, { settings, solution: { strands: ['customers', 'estates'] } }, { adminAadIds: [] })).toEqual(['colleague', 'digital-leader']);
    expect(rolesFor(actor, { settings, solution: { strands: ['customers', 'learning'] } }, { adminAadIds: [] })).toEqual(['colleague']);
    expect(isAllowed('solution.contract', rolesFor(actor, { settings, solution: { strands: ['learning'] } }, { adminAadIds: [] }))).toBe(false);
  });

  it("makes a risk's owner its risk owner, who may edit it but not add to the log", () => {
    const roles = rolesFor(actor, { riskOwner: person }, { adminAadIds: [] });
    expect(roles).toEqual(['colleague', 'risk-owner']);
    expect(isAllowed('risk.edit', roles)).toBe(true);
    expect(isAllowed('risk.add', roles)).toBe(false);
    expect(rolesFor(actor, { riskOwner: { aadObjectId: 'aad-b', name: 'B' } }, { adminAadIds: [] })).toEqual(['colleague']);
  });

  it('never matches a person without an AAD object id', () => {
    const noAad = { ...actor, aadObjectId: null };
    const settings = { ...EMPTY_SETTINGS, chair: { aadObjectId: '', name: 'x' } };
    expect(rolesFor(noAad, { settings }, { adminAadIds: [''] })).toEqual(['colleague']);
  });
});
