import { DomainError } from '../../domain/errors';
import { requesterNotices } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import { reuseNote, reuseSolution, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { type AlsoRecord, checkTriageDecision, type DecisionInput, type DecisionResult, runTriageDecision } from './triage-decision';

const reusing =
  (actor: Actor, solutionId: string, note: string | null) =>
  async ({ request, triage, now, repos }: DecisionInput): Promise<DecisionResult> => {
    const solution = await repos.solutions.get(solutionId);
    if (!solution) throw new DomainError('INVALID_FIELD', 'That solution is no longer in the re-use catalogue; choose another.', { field: 'solutionId' });
    const decision = { action: 'reuse' as const, by: actor.name, at: now, note: reuseNote(solution, note) };
    return {
      request: reuseSolution(request, solution, now),
      triage: { ...triage, lastDecision: decision },
      decision,
      requesterNews: { kind: 'notice', notice: requesterNotices.reused(request, solution, note) },
    };
  };

/**
 * "Re-use an existing solution": the DSG points the request at a catalogue entry; the request closes with that
 * outcome, and the requester is told what to use and which service owns it.
 */
export function reuseRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, solutionId: string, note: string | null, also?: AlsoRecord): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.reuse', reusing(actor, solutionId, note), also);
}

/** Whether the re-use decision would be accepted (permission, card, rule), saving nothing: for its confirmation. */
export function checkReuse(deps: Deps, actor: Actor, reference: string, cardVersion: number, solutionId: string, note: string | null): Promise<TriageView> {
  return checkTriageDecision(deps, actor, reference, cardVersion, 'request.reuse', reusing(actor, solutionId, note));
}
