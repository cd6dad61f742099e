import { DomainError } from '../../domain/errors';
import { reopenProject } from '../../domain/guards';
import { projectReopened } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import type { ProjectRequest } from '../../domain/request';
import { recordProjectChange } from '../follows/tell-followers';
import type { Deps } from '../deps';
import { personTarget, queue } from '../outbox/queue';
import { refuse } from '../refuse';
import { staleCard } from '../stale';
import { queueTriageUpdate } from '../triage/triage-messages';
import { type ProjectView, viewProject } from './view-project';

/**
 * The chair or an admin puts a completed project back into delivery. Audited; the project's people (the
 * requester and its owners, but not the person reopening it) are told through the outbox.
 */
export async function reopen(deps: Deps, actor: Actor, reference: string, cardVersion: number): Promise<ProjectView & { notice: string }> {
  const view = await viewProject(deps, actor, reference);
  if (!view.canReopen) {
    await refuse(deps, actor, 'project.reopen', { subjectType: 'request', subjectId: reference }, `Only the DSG chair and admins can reopen a completed project. Ask the chair if ${reference} needs more work.`);
  }
  if (view.project.version !== cardVersion) throw await staleCard(deps, reference);
  const now = deps.clock.now().toISOString();
  const request: ProjectRequest = { ...reopenProject(view.request), version: view.request.version + 1, updatedAt: now };
  const project = { ...view.project, version: view.project.version + 1, updatedAt: now };
  const { digitalLeader, projectLead, projectManager } = project;
  const people = new Set([request.requesterId, ...[digitalLeader, projectLead, projectManager].flatMap((p) => (p ? [p.aadObjectId] : []))]);
  for (const own of [actor.id, actor.aadObjectId]) if (own) people.delete(own);
  const settings = await deps.store.settings.get();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.requests.update(request, view.request.version)) || !(await tx.projects.update(project, view.project.version))) {
      throw new DomainError('STALE_CARD', `${reference} changed at the same moment; please try again.`, { reference });
    }
    await recordProjectChange(deps, tx, actor, now, 'project.reopen', reference, { status: view.request.status }, { status: request.status });
    for (const person of people) {
      await queue(deps, tx, `reopen:${reference}:v${request.version}:${person}`, await personTarget(tx, person), { kind: 'notice', notice: projectReopened(request, actor.name) });
    }
    await queueTriageUpdate(deps, tx, request, settings);
  });
  deps.kickOutbox();
  return { ...view, request, project, notice: `${reference} is in delivery again. Its people have been told.` };
}
