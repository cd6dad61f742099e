import { DomainError } from '../../domain/errors';
import { priorityPhrase, requesterNotices } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import { ASSIGNABLE_STATUSES } from '../../domain/request';
import { type PriorityInput, reprioritise, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { type AlsoRecord, runTriageDecision } from './triage-decision';

/** The DSG changes an approved request's project priority (and whether it is a priority project); the requester is told. */
export function changePriority(deps: Deps, actor: Actor, reference: string, cardVersion: number, input: PriorityInput, also?: AlsoRecord): Promise<TriageView> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.priority', ({ request, triage, project, now }) => {
    if (!project) throw new DomainError('ILLEGAL_TRANSITION', `${reference} is not in the Digital Programme yet: approve it with a priority first.`, { reference });
    if (!ASSIGNABLE_STATUSES.includes(request.status)) throw new DomainError('ILLEGAL_TRANSITION', `${reference} is ${request.status}: only a project in the programme has a priority to change.`, { reference });
    const decision = { action: 'priority' as const, by: actor.name, at: now, note: priorityPhrase(input) };
    return {
      request,
      project: { value: reprioritise(project, input, now), isNew: false },
      triage: { ...triage, lastDecision: decision },
      decision,
      requesterNews: { kind: 'notice', notice: requesterNotices.priorityChanged(request, input) },
    };
  }, also);
}
