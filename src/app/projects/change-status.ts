import { requesterNotices } from '../../domain/notices';
import { DomainError } from '../../domain/errors';
import { type CompletionInput, completeProject } from '../../domain/guards';
import type { Actor } from '../../domain/people';
import type { Milestone } from '../../domain/project';
import { assertTransition, type ProjectRequest, STATUS_LABELS } from '../../domain/request';
import { recordProjectChange } from '../follows/tell-followers';
import type { Deps } from '../deps';
import { queueRequesterNews, queueTriageUpdate } from '../triage/triage-messages';
import { refuse } from '../refuse';
import { staleCard } from '../stale';
import { type ProjectView, viewProject } from './view-project';

type Step = 'in-delivery' | 'completed';

/** Whether the project may move on now (permission, card, lifecycle), saving nothing: for the confirmation shown first. */
export async function checkStatusChange(deps: Deps, actor: Actor, reference: string, cardVersion: number, to: Step): Promise<ProjectView> {
  const view = await viewProject(deps, actor, reference);
  if (!view.canEdit) {
    await refuse(deps, actor, 'project.status', { subjectType: 'request', subjectId: reference }, `Only the Project Lead, the Project Manager, the Digital Leader, the DSG chair and admins can change the status of ${reference}.`);
  }
  if (view.project.version !== cardVersion) throw await staleCard(deps, reference);
  assertTransition(reference, view.request.status, to);
  return view;
}

/**
 * Moves a project on in its lifecycle: approved → in delivery → completed, by those who may edit it. Completing
 * resolves its open milestones as `outcome` says (done, missed, or dropped with a reason).
 */
export async function changeStatus(
  deps: Deps,
  actor: Actor,
  reference: string,
  cardVersion: number,
  to: Step,
  outcome: CompletionInput = { fate: null, dropReason: null },
): Promise<ProjectView & { notice: string }> {
  const view = await checkStatusChange(deps, actor, reference, cardVersion, to);
  const now = deps.clock.now().toISOString();
  let resolved: Milestone[] = [];
  let detail: string | null = null;
  if (to === 'completed') ({ resolved, detail } = completeProject(view.request, view.project, outcome, deps.calendar.londonDate(deps.clock.now())));
  const request: ProjectRequest = { ...view.request, status: to, version: view.request.version + 1, updatedAt: now };
  const byId = new Map(resolved.map((m) => [m.id, m]));
  const project = { ...view.project, milestones: view.project.milestones.map((m) => byId.get(m.id) ?? m), version: view.project.version + 1, updatedAt: now };
  const settings = await deps.store.settings.get();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.requests.update(request, view.request.version)) || !(await tx.projects.update(project, view.project.version))) {
      throw new DomainError('STALE_CARD', `${reference} changed at the same moment; please try again.`, { reference });
    }
    for (const m of resolved) await tx.projects.saveMilestone(reference, m);
    await recordProjectChange(deps, tx, actor, now, 'project.status', reference, { status: view.request.status }, { status: to }, detail);
    await queueRequesterNews(deps, tx, request, `status:${reference}:${to}:v${request.version}`, { kind: 'notice', notice: requesterNotices.statusChanged(request, to) });
    await queueTriageUpdate(deps, tx, request, settings);
  });
  deps.kickOutbox();
  return { ...view, request, project, notice: `${reference} is now ${STATUS_LABELS[to].toLowerCase()}.${detail ? ` ${detail}.` : ''}` };
}
