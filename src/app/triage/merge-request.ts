import { noticeCard } from '../../presenters/notice';
import type { Actor } from '../../domain/people';
import { merge } from '../../domain/triage';
import type { Deps } from '../deps';
import { runTriageDecision } from './triage-decision';
import { getRequest } from '../requests/view-request';

/** Marks a request as a duplicate of another; the requester is told which one to follow. */
export function mergeRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, duplicateOf: string): Promise<object> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.merge', async ({ request, triage, now }) => {
    const into = await getRequest(deps, duplicateOf);
    const decision = { action: 'merge' as const, by: actor.name, at: now, note: `Duplicate of ${into.reference}` };
    return {
      request: merge(request, into, now),
      triage: { ...triage, lastDecision: decision, duplicateOf: into.reference },
      decision,
      requesterCard: noticeCard(
        `Merged: ${request.reference}`,
        [`The Digital Strategy Group merged "${request.title}" into ${into.reference} "${into.title}", which covers the same need.`],
        { verb: into.status === 'approved' || into.status === 'in-delivery' ? 'project.view' : 'request.view', title: `Open ${into.reference}`, data: { reference: into.reference } },
      ),
    };
  });
}
