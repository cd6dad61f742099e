import { requesterNotices } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import { type ApproveInput, approve, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { type AlsoRecord, runTriageDecision } from './triage-decision';

/** Approve into the Digital Programme: the request becomes a project led by its strand's Digital Leader. */
export function approveRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, input: ApproveInput, also?: AlsoRecord): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.approve', ({ request, triage, settings, now }) => {
    const result = approve(request, input, settings, now);
    const decision = { action: 'approve' as const, by: actor.name, at: now, note: input.note };
    return {
      request: result.request,
      project: { value: result.project, isNew: true },
      triage: { ...triage, lastDecision: decision },
      decision,
      requesterNews: { kind: 'notice', notice: requesterNotices.approved(request, input) },
    };
  }, also);
}
