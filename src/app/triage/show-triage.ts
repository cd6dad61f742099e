import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { dsgContext } from './dsg-context';
import { refuse } from '../refuse';
import { renderTriageCard } from './triage-messages';
import { getRequest } from '../requests/view-request';

/** Opens a request's triage card (from `pending`), for the DSG and admins. */
export async function showTriage(deps: Deps, actor: Actor, reference: string): Promise<object> {
  const request = await getRequest(deps, reference);
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('pending.view', rolesFor(actor, { settings, members, request }, deps.roles))) {
    await refuse(deps, actor, 'request.triage', { subjectType: 'request', subjectId: reference }, 'Only the Digital Strategy Group can open triage cards.');
  }
  return renderTriageCard(deps, deps.store, request, settings, members);
}
