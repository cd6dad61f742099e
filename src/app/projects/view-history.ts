import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { dsgContext } from '../triage/dsg-context';
import { refuse } from '../refuse';
import { getRequest } from '../requests/view-request';

/** `History` on a request or project: its audit trail, for those who may see it. */
export async function viewHistory(deps: Deps, actor: Actor, reference: string) {
  const request = await getRequest(deps, reference);
  const project = await deps.store.projects.get(reference);
  const { settings, members } = await dsgContext(deps);
  const roles = rolesFor(actor, { settings, members, request, project }, deps.roles);
  if (!isAllowed(project ? 'project.history' : 'request.history', roles)) {
    await refuse(deps, actor, 'history.show', { subjectType: 'request', subjectId: reference }, `Only the requester, the project's owners and the Digital Strategy Group can see the history of ${reference}.`);
  }
  const events = (await deps.store.audit.listFor('request', reference)).filter((e) => e.outcome === 'done');
  return { request, events };
}
