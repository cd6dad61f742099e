import type { Actor } from './people';
import type { Project } from './project';
import type { ProjectRequest } from './request';
import type { DsgSettings, Member, PersonRef } from './settings';
import type { Solution } from './solutions';

/** Everything a person can try to do that not everyone may. */
export type Action =
  | 'dsg.setup'
  | 'settings.view'
  | 'settings.edit'
  | 'request.view'
  | 'request.withdraw'
  | 'request.answer'
  | 'request.decide'
  | 'request.history'
  | 'triage.view'
  | 'project.view'
  | 'project.edit'
  | 'project.history'
  | 'project.reopen'
  | 'project.follow'
  | 'reminders.run'
  | 'benefit.record'
  | 'measure.edit'
  | 'measure.record'
  | 'health.set'
  | 'digest.subscribe'
  | 'digest.preview'
  | 'report.annual'
  | 'report.assurance'
  | 'programme.export'
  | 'retention.preview'
  | 'person.export'
  | 'agenda.view'
  | 'agenda.add'
  | 'agenda.arrange'
  | 'meetings.plan'
  | 'meeting.run'
  | 'meeting.attend'
  | 'action.done'
  | 'solution.manage'
  | 'solution.contract'
  | 'gate.request'
  | 'gate.decide'
  | 'condition.done'
  | 'risk.add'
  | 'risk.edit';

/** The roles a person holds for one subject; derived from settings, the roster and the record, never stored. */
export type Role =
  | 'requester'
  | 'dsg-member'
  | 'chair'
  | 'digital-leader'
  | 'project-lead'
  | 'project-manager'
  | 'admin'
  | 'minute-taker'
  /** The owner of the meeting action in hand. */
  | 'action-owner'
  /** The owner of the risk or issue in hand. */
  | 'risk-owner'
  /** Anyone in the tenant: may read projects in the Digital Programme. */
  | 'colleague';

const DSG: readonly Role[] = ['dsg-member', 'chair'];
const PROJECT_EDITORS: readonly Role[] = ['project-lead', 'project-manager', 'digital-leader', 'chair', 'admin'];

/** Who may do what: the one place permissions are decided (unit-tested as a table). */
export const PERMISSIONS: Record<Action, readonly Role[]> = {
  'dsg.setup': ['admin'],
  'settings.view': [...DSG, 'admin'],
  'settings.edit': ['chair', 'admin'],
  'request.view': ['requester', ...DSG, 'admin'],
  'request.withdraw': ['requester'],
  'request.answer': ['requester'],
  /** Decide on a request: approve, decline, ask, mark as duplicate, assign owners. */
  'request.decide': DSG,
  'request.history': ['requester', ...DSG, 'admin'],
  /** See what awaits a decision: `pending` and the triage cards. */
  'triage.view': [...DSG, 'admin'],
  'project.view': ['colleague', 'requester', ...DSG, ...PROJECT_EDITORS],
  'project.edit': PROJECT_EDITORS,
  'project.history': ['requester', ...DSG, ...PROJECT_EDITORS],
  /** Completed is final for the project's people; the chair and admins can put it back into delivery. */
  'project.reopen': ['chair', 'admin'],
  /** Make a group chat follow a project's changes (and stop it): those who answer for the project, the chair and admins. */
  'project.follow': ['project-lead', 'project-manager', 'digital-leader', 'chair', 'admin'],
  'reminders.run': ['chair', 'admin'],
  // The strategy reports benefits annually; the people who answer for a project record what it saved.
  'benefit.record': ['project-lead', 'project-manager', 'digital-leader', 'chair'],
  // Outcome measures: the people who answer for a project set them; its lead and manager record the figures.
  'measure.edit': ['project-lead', 'project-manager', 'digital-leader', 'chair'],
  'measure.record': ['project-lead', 'project-manager'],
  // A project's health (RAG) status: set by its lead or manager, who answer for its delivery.
  'health.set': ['project-lead', 'project-manager'],
  'digest.subscribe': [...DSG, 'admin'],
  'digest.preview': [...DSG, 'admin'],
  'report.annual': [...DSG, 'admin'],
  // The quarter's assurance report for the Corporate Management Team: names red projects' reasons and risk owners.
  'report.assurance': [...DSG, 'admin'],
  // The workbook holds names and the audit log: the DSG's and admins' only.
  'programme.export': [...DSG, 'admin'],
  // Data protection: what the retention run would do, and a person's subject access export.
  'retention.preview': ['admin'],
  'person.export': ['admin'],
  // DSG meetings: the DSG sees and adds to the agenda; the chair, the Minute Taker and admins run the meeting.
  'agenda.view': [...DSG, 'admin'],
  'agenda.add': [...DSG, 'admin'],
  // The chair and the Minute Taker arrange the next agenda (order, items taken off); the chair sets the meetings.
  'agenda.arrange': ['chair', 'minute-taker', 'admin'],
  'meetings.plan': ['chair', 'admin'],
  'meeting.run': ['chair', 'minute-taker', 'admin'],
  'meeting.attend': DSG,
  'action.done': ['action-owner', 'chair', 'minute-taker'],
  // The re-use catalogue: anyone may read and search it (it is published as open data); the DSG and admins keep it.
  'solution.manage': [...DSG, 'admin'],
  // Joined-up procurement: an entry's licence or contract is renewed, or the entry retired, from the reminder by the
  // Digital Leader of one of its strands (or the chair, who is reminded when no strand has one) and admins.
  'solution.contract': ['digital-leader', 'chair', 'admin'],
  // Stage gates (the Digital Scotland Service Standard): the project's lead asks, the DSG decides; a condition of a
  // pass is marked done by its owner (the 'action-owner' of it), the chair or an admin.
  'gate.request': ['project-lead'],
  'gate.decide': DSG,
  'condition.done': ['action-owner', 'chair', 'admin'],
  // A project's risks and issues log: those who answer for the project add entries; an entry's owner (anyone in the
  // tenant) may also review, update and close it, as the review reminder asks them to.
  'risk.add': PROJECT_EDITORS,
  'risk.edit': [...PROJECT_EDITORS, 'risk-owner'],
};

export function isAllowed(action: Action, roles: readonly Role[]): boolean {
  return PERMISSIONS[action].some((r) => roles.includes(r));
}

export interface RoleContext {
  adminAadIds: readonly string[];
}

export interface Subject {
  settings?: DsgSettings;
  /** The DSG team's members (from the Teams roster). */
  members?: readonly Member[];
  request?: ProjectRequest | null;
  project?: Project | null;
  /** A meeting action's owner. */
  actionOwner?: PersonRef | null;
  /** A catalogue entry: the Digital Leaders of its strands hold the 'digital-leader' role for it. */
  solution?: Pick<Solution, 'strands'> | null;
  /** A risk or issue's owner. */
  riskOwner?: PersonRef | null;
}

const is = (actor: Actor, person: PersonRef | null | undefined): boolean =>
  !!person && !!actor.aadObjectId && person.aadObjectId === actor.aadObjectId;

/** The roles `actor` holds for a subject (a request, a project, or the DSG as a whole). */
export function rolesFor(actor: Actor, subject: Subject, ctx: RoleContext): Role[] {
  const roles: Role[] = ['colleague'];
  const { settings, members, request, project, actionOwner, solution } = subject;
  if (request && request.requesterId === actor.id) roles.push('requester');
  if (actor.aadObjectId && ctx.adminAadIds.includes(actor.aadObjectId)) roles.push('admin');
  if (members?.some((m) => m.aadObjectId === actor.aadObjectId || m.id === actor.id)) roles.push('dsg-member');
  if (is(actor, settings?.chair)) roles.push('chair');
  if (is(actor, settings?.minuteTaker)) roles.push('minute-taker');
  if (is(actor, actionOwner)) roles.push('action-owner');
  if (is(actor, subject.riskOwner)) roles.push('risk-owner');
  const strand = request?.strand;
  if (project ? is(actor, project.digitalLeader) : strand && is(actor, settings?.leaders[strand])) roles.push('digital-leader');
  else if (solution?.strands.some((s) => is(actor, settings?.leaders[s]))) roles.push('digital-leader');
  if (is(actor, project?.projectLead)) roles.push('project-lead');
  if (is(actor, project?.projectManager)) roles.push('project-manager');
  return roles;
}

/** Words for each role, as people see them (in this order). */
const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  chair: 'DSG chair',
  'minute-taker': 'Minute Taker',
  'dsg-member': 'DSG member',
  'digital-leader': 'Digital Leader',
  'project-lead': 'Project Lead',
  'project-manager': 'Project Manager',
  requester: 'Requester',
  'action-owner': 'Action owner',
  'risk-owner': 'Risk owner',
  colleague: 'Colleague',
};

/** The labels of `roles`, each once, in ROLE_LABELS' order. */
export const roleLabels = (roles: readonly Role[]): string[] =>
  (Object.keys(ROLE_LABELS) as Role[]).filter((r) => roles.includes(r)).map((r) => ROLE_LABELS[r]);
