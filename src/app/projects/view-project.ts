import { projectEditors } from '../../domain/card-audience';
import { DomainError } from '../../domain/errors';
import { hasHealth, healthOf, type HealthRules, type HealthStatus } from '../../domain/health';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor, type Role } from '../../domain/permissions';
import type { Project } from '../../domain/project';
import type { ProjectRequest } from '../../domain/request';
import { orderedLog, type RiskEntry } from '../../domain/risks';
import type { Deps } from '../deps';
import { dsgContext } from '../triage/dsg-context';
import { refuse } from '../refuse';
import { getRequest } from '../requests/view-request';
import type { ProjectGates } from '../../domain/stages';
import { projectGates } from '../gates/project-gates';

export interface ProjectView {
  request: ProjectRequest;
  project: Project;
  roles: Role[];
  canEdit: boolean;
  canRecordBenefit: boolean;
  /** Add and edit measures (the lead, manager, Digital Leader and chair). */
  canEditMeasures: boolean;
  /** Record measures' figures (the lead and manager). */
  canRecordFigures: boolean;
  /** The chair and admins may reopen it once it is completed. */
  canReopen: boolean;
  /** Its stage, gate history and whether this person may ask for the next gate. */
  gates: ProjectGates;
  /** Its health (RAG) status as health.ts defines it; null when it is not in delivery. */
  health: HealthStatus | null;
  /** Set the health status (the lead and manager, while it is in delivery). */
  canSetHealth: boolean;
  /** Its risks and issues log, open entries first (orderedLog). */
  risks: RiskEntry[];
  /** Add a risk or issue (the lead, manager, Digital Leader, chair and admins). */
  canAddRisk: boolean;
  /** The entries this person may change: all of them for those who may add, their own for an entry's owner. */
  editableRisks: string[];
}

/** The health rules as configured: the rhythm, and the working days. */
export const healthRules = (deps: Pick<Deps, 'reminders' | 'calendar'>): HealthRules => ({
  rhythm: deps.reminders.healthRhythm,
  addWorkingDays: (isoDate, n) => deps.calendar.addWorkingDays(isoDate, n),
});

/** A project in the Digital Programme; everyone in the tenant may read it, its owners and the DSG chair may edit. */
export async function viewProject(deps: Deps, actor: Actor, reference: string): Promise<ProjectView> {
  const request = await getRequest(deps, reference);
  const project = await deps.store.projects.get(reference);
  if (!project) throw new DomainError('NOT_FOUND', `${reference} is not in the Digital Programme (it is ${request.status.replace(/-/g, ' ')}).`, { reference });
  const [{ settings, members }, log] = await Promise.all([dsgContext(deps), deps.store.risks.forProject(reference)]);
  const roles = rolesFor(actor, { settings, members, request, project }, deps.roles);
  const risks = orderedLog(log);
  if (!isAllowed('project.view', roles)) {
    await refuse(deps, actor, 'project.view', { subjectType: 'request', subjectId: reference }, `You cannot see ${reference}.`);
  }
  return { request, project, roles, canEdit: isAllowed('project.edit', roles), canRecordBenefit: isAllowed('benefit.record', roles),
    canEditMeasures: isAllowed('measure.edit', roles),
    canRecordFigures: isAllowed('measure.record', roles),
    canReopen: isAllowed('project.reopen', roles),
    gates: await projectGates(deps, deps.store, request, roles),
    health: healthOf(request.status, project.health, deps.calendar.londonDate(deps.clock.now()), healthRules(deps)),
    canSetHealth: isAllowed('health.set', roles) && hasHealth(request.status),
    risks,
    canAddRisk: isAllowed('risk.add', roles),
    editableRisks: risks.filter((e) => isAllowed('risk.edit', rolesFor(actor, { settings, members, request, project, riskOwner: e.owner }, deps.roles))).map((e) => e.id) };
}

/** The project as anyone in the tenant sees it: without edit actions. */
export const colleagueView = (found: ProjectView): ProjectView => ({
  ...found,
  canEdit: false,
  canRecordBenefit: false,
  canEditMeasures: false,
  canRecordFigures: false,
  canReopen: false,
  gates: { ...found.gates, canRequest: false },
  canSetHealth: false,
  canAddRisk: false,
  editableRisks: [],
});

/**
 * The Teams ids of those who may edit the project (its lead, manager and Digital Leader, the chair, administrators)
 * and have talked to the bot (Teams names people in a card's refresh by the id it gave the bot for them).
 */
export async function projectEditorIds(deps: Deps, project: Project): Promise<string[]> {
  const { settings } = await dsgContext(deps);
  const people = await Promise.all(projectEditors(project, settings, deps.roles).map((aad) => deps.store.people.findByAadObjectId(aad)));
  return people.flatMap((p) => (p ? [p.id] : []));
}
