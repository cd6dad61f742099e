import { DomainError } from '../../domain/errors';
import { isPublished } from '../../domain/open-data';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Project } from '../../domain/project';
import { projectDetail, riskView } from '../../domain/programme-view';
import { orderedLog, type RiskEntry, SCORE_DEFINITION } from '../../domain/risks';
import { parseReference, type ProjectRequest } from '../../domain/request';
import type { Deps } from '../deps';
import { withStages } from '../gates/project-gates';
import { healthRules } from '../projects/view-project';
import type { ProjectDetailResponse } from '../../domain/programme-view-types';
import { projectHistory } from './project-history';
import { type SignedIn, viewerFor } from './viewer';

/**
 * GET /api/projects/:ref: one project of the published programme in full. A reference that is not in it
 * (unknown, or a request that is pending, declined, withdrawn or merged) is NOT_FOUND with the same words,
 * so the API never tells whether such a request exists. The history names who did what only for viewers
 * the bot's rules let see it (`project.history`).
 */
export async function viewProgrammeProject(deps: Deps, signedIn: SignedIn | null, reference: string): Promise<ProjectDetailResponse> {
  const { ref, request, project } = await programmeProject(deps, reference);
  const [record] = await withStages(deps, deps.store, [{ request, project }]);
  const today = deps.calendar.londonDate(deps.clock.now());
  const signed = signedIn ? await viewerFor(deps, signedIn, [record]) : null;
  const history = projectHistory(await deps.store.audit.listFor('request', ref), !!signed && isAllowed('project.history', signed.roles));
  const detail = projectDetail(record, today, signed ? 'signed-in' : 'public', history, healthRules(deps));
  // The risks and issues log is the project team's own words with owners' names: for signed-in viewers only.
  if (signed) {
    // Who may change an entry: those who answer for the project, and its owner (the rules the card follows).
    const canEdit = (e: RiskEntry) => isAllowed('risk.edit', [...signed.roles, ...rolesFor(signed.actor, { riskOwner: e.owner }, deps.roles)]);
    const entries = orderedLog(await deps.store.risks.forProject(ref)).map((e) => riskView(e, today, canEdit(e)));
    detail.risks = { definition: SCORE_DEFINITION, canAdd: isAllowed('risk.add', signed.roles), entries };
  }
  return { viewer: signed?.viewer ?? null, project: detail };
}

/**
 * A project of the published programme, by its reference in the forms the bot accepts when typed (dp-2026-7,
 * DP 2026 0007), on its own. Anything else is refused with the same words whether or not such a request exists.
 */
export async function programmeProject(deps: Deps, reference: string): Promise<{ ref: string; request: ProjectRequest; project: Project }> {
  const ref = parseReference(reference);
  if (!ref) {
    throw new DomainError('INVALID_FIELD', `"${reference.slice(0, 40)}" is not a project reference; references look like DP-2026-0007.`, { field: 'reference' });
  }
  const [request, project] = await Promise.all([deps.store.requests.getByReference(ref), deps.store.projects.get(ref)]);
  if (!request || !project || !isPublished({ request, project })) {
    throw new DomainError('NOT_FOUND', `${ref} is not in the Digital Programme.`, { reference: ref });
  }
  return { ref, request, project };
}
