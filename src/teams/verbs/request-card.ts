import type { OpenedRequest } from '../../app/requests/open-request';
import type { RequestView } from '../../app/requests/view-request';
import type { TriageRefresh } from '../../app/triage/refresh-triage';
import { refreshAudience } from '../../domain/card-audience';
import type { TriageView } from '../../domain/triage';
import type { AdaptiveCardJson } from '../../presenters/render';
import { requestDetailCard } from '../../presenters/request-detail';
import { requestSummaryCard } from '../../presenters/request-summary';
import { triageCard } from '../../presenters/triage';

/** The DSG's triage card, with the strand's Digital Leader @mentioned. */
export const triageCardOf = (view: TriageView): AdaptiveCardJson => triageCard({ ...view, mentionLeader: true });

/** The requester's card: their request in full, Withdraw or Undo withdrawal, the DSG's open question; a line at the top when given. */
export const requesterCard = (view: RequestView, notice?: string): AdaptiveCardJson =>
  requestDetailCard(view.request, view.history, view.canWithdraw, { canUndoWithdraw: view.canUndoWithdraw, question: view.question, checked: view.checked, notice });

/** A request in the view for the person's role: the requester's, the DSG's triage card (its actions for those who may decide), or read-only. */
export const openedCard = (o: OpenedRequest): AdaptiveCardJson =>
  o.view === 'requester'
    ? requesterCard(o.requester)
    : o.view === 'triage'
      ? triageCard({ ...o.triage, mentionLeader: true, readOnly: !o.mayDecide })
      : requestSummaryCard(o.summary.request, o.summary.inProgramme);

/**
 * The triage card in the DSG channel as Teams shows it to one person (`triage.refresh`): their view, which keeps
 * the refresh so Teams asks again for it each time the card changes.
 */
export const refreshedTriageCard = (o: TriageRefresh): AdaptiveCardJson => {
  if (o.view === 'read-only') return requestSummaryCard(o.summary.request, o.summary.inProgramme);
  return triageCard({ ...o.triage, mentionLeader: true, readOnly: !o.mayDecide, refreshFor: refreshAudience(o.triage.deciders ?? []) });
};
