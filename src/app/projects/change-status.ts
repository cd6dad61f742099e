import { requesterNotices } from '../../domain/notices';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { assertTransition, type ProjectRequest, STATUS_LABELS } from '../../domain/request';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { queueRequesterNews, queueTriageUpdate } from '../triage/triage-messages';
import { refuse } from '../refuse';
import { type ProjectView, viewProject } from './view-project';

/** Moves a project on in its lifecycle: approved → in delivery → completed, by those who may edit it. */
export async function changeStatus(deps: Deps, actor: Actor, reference: string, cardVersion: number, to: 'in-delivery' | 'completed'): Promise<ProjectView & { notice: string }> {
  const view = await viewProject(deps, actor, reference);
  if (!view.canEdit) {
    await refuse(deps, actor, 'project.status', { subjectType: 'request', subjectId: reference }, `Only the Project Lead, the Project Manager, the Digital Leader, the DSG chair and admins can change the status of ${reference}.`);
  }
  if (view.project.version !== cardVersion) {
    throw new DomainError('STALE_CARD', `${reference} was changed by someone else since this card was sent. Here it is as it is now; please make your change again.`, { reference });
  }
  assertTransition(reference, view.request.status, to);
  const now = deps.clock.now().toISOString();
  const request: ProjectRequest = { ...view.request, status: to, version: view.request.version + 1, updatedAt: now };
  const project = { ...view.project, version: view.project.version + 1, updatedAt: now };
  const settings = await deps.store.settings.get();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.requests.update(request, view.request.version)) || !(await tx.projects.update(project, view.project.version))) {
      throw new DomainError('STALE_CARD', `${reference} changed at the same moment; please try again.`, { reference });
    }
    await audited(tx, actor, now, 'project.status', { subjectType: 'request', subjectId: reference }, { status: view.request.status }, { status: to });
    await queueRequesterNews(deps, tx, request, `status:${reference}:${to}`, { kind: 'notice', notice: requesterNotices.statusChanged(request, to) });
    await queueTriageUpdate(deps, tx, request, settings);
  });
  deps.kickOutbox();
  return { ...view, request, project, notice: `${reference} is now ${STATUS_LABELS[to].toLowerCase()}.` };
}
