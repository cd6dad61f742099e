import { DomainError } from '../../domain/errors';
import { newMilestones } from '../../domain/milestones';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { changeProject } from './edit-project';

/** Several milestones at once; a bad row is refused with field errors (and nothing saved). */
export function addMilestones(deps: Deps, actor: Actor, reference: string, cardVersion: number, rows: Partial<Record<string, string>>) {
  const today = deps.calendar.londonDate(deps.clock.now());
  const result = newMilestones(rows, today);
  if (!result.ok) throw new DomainError('INVALID_FIELD', 'Some milestones need fixing.', { errors: result.errors, values: rows });
  return changeProject(deps, actor, reference, cardVersion, 'milestone.add', (project) => ({
    project,
    milestones: result.milestones.map((m) => ({ ...m, id: deps.newId() })),
    notice: `${result.milestones.length === 1 ? 'Milestone' : `${result.milestones.length} milestones`} added.`,
  }));
}
