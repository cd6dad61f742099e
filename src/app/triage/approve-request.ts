import { noticeCard } from '../../presenters/notice';
import type { Actor } from '../../domain/people';
import { PRIORITY_LABELS } from '../../domain/project';
import { type ApproveInput, approve } from '../../domain/triage';
import type { Deps } from '../deps';
import { runTriageDecision } from './triage-decision';

/** Approve into the Digital Programme: the request becomes a project led by its strand's Digital Leader. */
export function approveRequest(deps: Deps, actor: Actor, reference: string, cardVersion: number, input: ApproveInput): Promise<object> {
  return runTriageDecision(deps, actor, reference, cardVersion, 'request.approve', ({ request, triage, settings, now }) => {
    const result = approve(request, input, settings, now);
    const decision = { action: 'approve' as const, by: actor.name, at: now, note: input.note };
    const priority = `${PRIORITY_LABELS[input.priority]} priority${input.isPriority ? ', a priority project' : ''}`;
    return {
      request: result.request,
      project: { value: result.project, isNew: true },
      triage: { ...triage, lastDecision: decision },
      decision,
      requesterCard: noticeCard(
        `Approved: ${request.reference}`,
        [`The Digital Strategy Group approved "${request.title}" into the Digital Programme (${priority}).${input.note ? ` Note: ${input.note}` : ''} The DSG will assign a Project Lead and a Project Manager.`],
        { verb: 'project.view', title: 'Open project', data: { reference } },
      ),
    };
  });
}
