import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { getRequest } from '../requests/view-request';
import { dsgContext } from './dsg-context';
import { loadTriageView } from './triage-view';

/** Opens a request's triage card (from `pending`), for the DSG and admins. */
export async function showTriage(deps: Deps, actor: Actor, reference: string): Promise<TriageView> {
  const request = await getRequest(deps, reference);
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('triage.view', rolesFor(actor, { settings, members, request }, deps.roles))) {
    await refuse(deps, actor, 'request.triage', { subjectType: 'request', subjectId: reference }, 'Only the Digital Strategy Group can open triage cards.');
  }
  return loadTriageView(deps, request);
}
