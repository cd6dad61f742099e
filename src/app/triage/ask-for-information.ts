import type { Actor } from '../../domain/people';
import { askForInformation as ask, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { type AlsoRecord, runTriageDecision } from './triage-decision';

/** The DSG asks the requester a question; they get it in personal chat with an answer box. */
export function askForInformation(deps: Deps, actor: Actor, reference: string, cardVersion: number, question: string, also?: AlsoRecord): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.ask', ({ request, triage, now }) => {
    const asked = { question, askedBy: actor.name, askedAt: now, answer: null, answeredAt: null };
    const decision = { action: 'ask' as const, by: actor.name, at: now, note: question };
    return {
      request: ask(request, now),
      triage: { ...triage, lastDecision: decision, questions: [...triage.questions, asked] },
      decision,
      requesterNews: { kind: 'question', reference },
    };
  }, also);
}
