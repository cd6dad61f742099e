import { requesterNotices } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import type { ProjectRequest } from '../../domain/request';
import { merge, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { getRequest } from '../requests/view-request';
import { type AlsoRecord, checkTriageDecision, type DecisionInput, type DecisionResult, runTriageDecision } from './triage-decision';

const merging =
  (deps: Deps, actor: Actor, duplicateOf: string) =>
  async ({ request, triage, now }: DecisionInput): Promise<DecisionResult> => {
    const into = await getRequest(deps, duplicateOf);
    const decision = { action: 'merge' as const, by: actor.name, at: now, note: `Duplicate of ${into.reference}` };
    return {
      request: merge(request, into, now),
      triage: { ...triage, lastDecision: decision, duplicateOf: into.reference },
      decision,
      requesterNews: { kind: 'notice', notice: requesterNotices.merged(request, into) },
    };
  };

/** Marks a request as a duplicate of another; the requester is told which one to follow. */
export function mergeRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, duplicateOf: string, also?: AlsoRecord): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.merge', merging(deps, actor, duplicateOf), also);
}

/** Whether marking it as a duplicate would be accepted, saving nothing: for its confirmation (with the other request). */
export async function checkMerge(deps: Deps, actor: Actor, reference: string, cardVersion: number, duplicateOf: string): Promise<TriageView & { into: ProjectRequest }> {
  const view = await checkTriageDecision(deps, actor, reference, cardVersion, 'request.merge', merging(deps, actor, duplicateOf));
  return { ...view, into: await getRequest(deps, duplicateOf) };
}
