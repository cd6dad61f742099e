import { requesterNotices } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import { decline, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { type AlsoRecord, runTriageDecision } from './triage-decision';

export function declineRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, reason: string, also?: AlsoRecord): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.decline', ({ request, triage, now }) => {
    const decision = { action: 'decline' as const, by: actor.name, at: now, note: reason };
    return {
      request: decline(request, now),
      triage: { ...triage, lastDecision: decision },
      decision,
      requesterNews: { kind: 'notice', notice: requesterNotices.declined(request, reason) },
    };
  }, also);
}
