import { requesterNotices } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import { merge, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { getRequest } from '../requests/view-request';
import { runTriageDecision } from './triage-decision';

/** Marks a request as a duplicate of another; the requester is told which one to follow. */
export function mergeRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, duplicateOf: string): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.merge', async ({ request, triage, now }) => {
    const into = await getRequest(deps, duplicateOf);
    const decision = { action: 'merge' as const, by: actor.name, at: now, note: `Duplicate of ${into.reference}` };
    return {
      request: merge(request, into, now),
      triage: { ...triage, lastDecision: decision, duplicateOf: into.reference },
      decision,
      requesterNews: { kind: 'notice', notice: requesterNotices.merged(request, into) },
    };
  });
}
