import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { changeProject } from './edit-project';

export function completeMilestone(deps: Deps, actor: Actor, reference: string, cardVersion: number, milestoneId: string) {
  return changeProject(deps, actor, reference, cardVersion, 'milestone.done', (project, now) => {
    const milestone = project.milestones.find((m) => m.id === milestoneId);
    if (!milestone) throw new DomainError('NOT_FOUND', `That milestone is no longer part of ${reference}.`, { reference });
    if (milestone.status === 'done') throw new DomainError('STALE_CARD', `"${milestone.title}" is already done.`, { reference });
    return { project, milestones: [{ ...milestone, status: 'done', completedOn: now.slice(0, 10) }], notice: `"${milestone.title}" marked done.`, milestone: milestone.title };
  });
}
