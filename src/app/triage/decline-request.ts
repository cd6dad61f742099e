import { noticeCard } from '../../presenters/notice';
import type { Actor } from '../../domain/people';
import { decline } from '../../domain/triage';
import type { Deps } from '../deps';
import { runTriageDecision } from './triage-decision';

export function declineRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, reason: string): Promise<object> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.decline', ({ request, triage, now }) => {
    const decision = { action: 'decline' as const, by: actor.name, at: now, note: reason };
    return {
      request: decline(request, now),
      triage: { ...triage, lastDecision: decision },
      decision,
      requesterCard: noticeCard(`Declined: ${request.reference}`, [`The Digital Strategy Group declined "${request.title}". Reason: ${reason}`], {
        verb: 'request.view',
        title: 'View request',
        data: { reference },
      }),
    };
  });
}
