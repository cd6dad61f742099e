import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { openRequest } from '../../app/requests/open-request';
import { viewRequest } from '../../app/requests/view-request';
import type { Actor } from '../../domain/people';
import { card, type Reply } from '../reply';
import { similarToDraft } from '../../app/requests/similar-requests';
import { similarRequestsCard } from '../../presenters/similar-requests';
import { formId, reference } from './schemas';
import { openedCard, refreshedTriageCard, requesterCard } from './request-card';
import { refreshTriage } from '../../app/triage/refresh-triage';
import { verb, view, type VerbContext } from './verb';

/** A request's card as it stands now, for its requester, with a line at the top when given. */
export async function requestDetail(deps: Deps, actor: Actor, ref: string, notice?: string): Promise<Reply> {
  return card(requesterCard(await viewRequest(deps, actor, ref), notice));
}

/** A request, in the view for this person's role (the requester's, the DSG's triage card, or read-only). */
const open = async ({ deps, actor }: VerbContext, data: { reference: string }) => openedCard(await openRequest(deps, actor, data.reference));

/**
 * Every place a request is opened from: My requests, a digest, a notice, a similar request (whose Open comes Back
 * to the idea), a typed reference.
 */
export const requestView = view('request.view', { reference }, open);
/** Back from a similar request to the similar requests shown for the person's idea, with its three choices. */
export const requestSimilar = verb('request.similar', z.object({ formId }).loose(), async ({ deps, actor }, data) => {
  const { title, matches, solutions } = await similarToDraft(deps, actor, data.formId);
  return card(similarRequestsCard(data.formId, title, matches, solutions));
});

/** Pending's Open button (and triage cards already sent): the same view per role as `request.view`. */
export const requestTriage = view('request.triage', { reference }, open);

/** Teams asking for one person's own view of a triage card in the DSG channel (Universal Actions refresh): it replaces the card for them only. */
export const triageRefresh = verb('triage.refresh', z.object({ reference }).loose(), async ({ deps, actor }, data) =>
  card(refreshedTriageCard(await refreshTriage(deps, actor, data.reference))),
);
