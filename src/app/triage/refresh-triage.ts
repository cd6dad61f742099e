import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { type OpenedRequest, summaryOf } from '../requests/open-request';
import { getRequest } from '../requests/view-request';
import { dsgContext } from './dsg-context';
import { loadTriageView } from './triage-view';

/** A triage card as one person sees it: the DSG and admins the card itself, with its actions if they may decide; anyone else the summary. */
export type TriageRefresh = Exclude<OpenedRequest, { view: 'requester' }>;

/**
 * The triage card in the DSG channel, drawn for the person looking at it (Teams asks when the card shows them
 * their own view). Only those who may decide get its decision actions; someone who may not see triage cards at
 * all (a stale or forged refresh) gets what anyone may see of the request.
 */
export async function refreshTriage(deps: Deps, actor: Actor, reference: string): Promise<TriageRefresh> {
  const request = await getRequest(deps, reference);
  const { settings, members } = await dsgContext(deps);
  const roles = rolesFor(actor, { settings, members, request }, deps.roles);
  if (!isAllowed('triage.view', roles)) return { view: 'read-only', summary: await summaryOf(deps, request) };
  return { view: 'triage', triage: await loadTriageView(deps, request), mayDecide: isAllowed('request.decide', roles) };
}
