import { DomainError } from '../../domain/errors';
import { isIsoDate } from '../../domain/request-form';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { changeProject } from './edit-project';

/** Moves a milestone's due date (not into the past), keeping the revision with its reason. */
export function moveMilestone(deps: Deps, actor: Actor, reference: string, cardVersion: number, milestoneId: string, newDue: string, reason: string) {
  const today = deps.calendar.londonDate(deps.clock.now());
  if (!isIsoDate(newDue) || newDue < today) throw new DomainError('INVALID_FIELD', 'Choose a new due date from today on.', { errors: { newDue: 'Choose a new due date from today on.' } });
  if (!reason.trim()) throw new DomainError('INVALID_FIELD', 'Say why the date moves.', { errors: { reason: 'Say why the date moves.' } });
  return changeProject(deps, actor, reference, cardVersion, 'milestone.move', (project, now) => {
    const milestone = project.milestones.find((m) => m.id === milestoneId);
    if (!milestone) throw new DomainError('NOT_FOUND', `That milestone is no longer part of ${reference}.`, { reference });
    const revision = { from: milestone.due, to: newDue, reason: reason.trim(), at: now, by: actor.name };
    return {
      project,
      milestones: [{ ...milestone, due: newDue, status: 'planned', revisions: [...milestone.revisions, revision] }],
      notice: `"${milestone.title}" moved to ${newDue}.`,
      milestone: milestone.title,
      detail: `From ${milestone.due} to ${newDue}: ${reason.trim()}`,
    };
  });
}
