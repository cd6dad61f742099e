import { requesterNotices } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import { decline, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { type AlsoRecord, checkTriageDecision, type DecisionInput, type DecisionResult, runTriageDecision } from './triage-decision';

const declining =
  (actor: Actor, reason: string) =>
  ({ request, triage, now }: DecisionInput): DecisionResult => {
    const decision = { action: 'decline' as const, by: actor.name, at: now, note: reason };
    return {
      request: decline(request, now),
      triage: { ...triage, lastDecision: decision },
      decision,
      requesterNews: { kind: 'notice', notice: requesterNotices.declined(request, reason) },
    };
  };

export function declineRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, reason: string, also?: AlsoRecord): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.decline', declining(actor, reason), also);
}

/** Whether the decline would be accepted (permission, card, rule), saving nothing: for its confirmation. */
export function checkDecline(deps: Deps, actor: Actor, reference: string, cardVersion: number, reason: string): Promise<TriageView> {
  return checkTriageDecision(deps, actor, reference, cardVersion, 'request.decline', declining(actor, reason));
}
