import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Project } from '../../domain/project';
import type { RiskEntry } from '../../domain/risks';
import type { Member, PersonRef } from '../../domain/settings';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { getRequest } from '../requests/view-request';
import { dsgContext } from '../triage/dsg-context';

/** A project's log as one person may act on it: who is listed to own an entry, and what they may do. */
export interface RiskAccess {
  reference: string;
  title: string;
  project: Project;
  /** The DSG's members: listed (with the project's people) to choose an owner from. */
  members: Member[];
}

const ADD_REFUSAL = (reference: string) => `Only the Project Lead, the Project Manager, the Digital Leader, the DSG chair and admins can add to the risks and issues of ${reference}.`;
const EDIT_REFUSAL = (e: RiskEntry) => `Only ${e.owner.name || 'its owner'}, who owns this ${e.kind}, the Project Lead, the Project Manager, the Digital Leader, the DSG chair and admins can change it.`;

async function projectOf(deps: Deps, reference: string): Promise<{ title: string; project: Project }> {
  const request = await getRequest(deps, reference);
  const project = await deps.store.projects.get(reference);
  if (!project) throw new DomainError('NOT_FOUND', `${reference} is not in the Digital Programme (it is ${request.status.replace(/-/g, ' ')}).`, { reference });
  return { title: request.title, project };
}

/** The project, once the actor may add to its log (refused and audited otherwise). */
export async function requireRiskAdder(deps: Deps, actor: Actor, reference: string): Promise<RiskAccess> {
  const [{ title, project }, { settings, members }] = await Promise.all([projectOf(deps, reference), dsgContext(deps)]);
  if (!isAllowed('risk.add', rolesFor(actor, { settings, members, project }, deps.roles))) {
    await refuse(deps, actor, 'risk.add', { subjectType: 'request', subjectId: reference }, ADD_REFUSAL(reference));
  }
  return { reference, title, project, members };
}

/**
 * The entry as it stands, once the actor may change it: its owner or those who answer for the project (refused and
 * audited otherwise). With `inProject`, an entry of another project is not found either.
 */
export async function requireRiskEditor(deps: Deps, actor: Actor, riskId: string, inProject?: string): Promise<RiskAccess & { entry: RiskEntry }> {
  const entry = await deps.store.risks.get(riskId);
  if (!entry || (inProject !== undefined && entry.reference !== inProject)) throw new DomainError('NOT_FOUND', `That risk or issue is not in the log${inProject ? ` of ${inProject}` : ''}.`, { riskId });
  const [{ title, project }, { settings, members }] = await Promise.all([projectOf(deps, entry.reference), dsgContext(deps)]);
  if (!isAllowed('risk.edit', rolesFor(actor, { settings, members, project, riskOwner: entry.owner }, deps.roles))) {
    await refuse(deps, actor, 'risk.edit', { subjectType: 'request', subjectId: entry.reference }, EDIT_REFUSAL(entry));
  }
  return { reference: entry.reference, title, project, members, entry };
}

/** Whom an entry may be given to from the card's list: the DSG's members and the project's people. */
export const ownerChoices = (access: Pick<RiskAccess, 'members' | 'project'>): (PersonRef & { id?: string })[] =>
  [...access.members, access.project.projectLead, access.project.projectManager, access.project.digitalLeader].filter((p): p is PersonRef => !!p && !!p.aadObjectId);
