import { randomUUID } from 'node:crypto';
import type { Milestone } from '../../src/domain/project';

/** A planned milestone with a fresh id; override what the test cares about. */
export function sampleMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: randomUUID(),
    title: 'Go live',
    due: '2027-03-31',
    status: 'planned',
    completedOn: null,
    revisions: [],
    ...overrides,
  };
}
