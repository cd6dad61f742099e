import { DomainError } from './errors';
import type { Project, Priority } from './project';
import { assertTransition, type ProjectRequest } from './request';
import type { DsgSettings, PersonRef } from './settings';
import type { SimilarRequest } from './similarity';
import type { CheckedSolution } from './solutions';
import { ukDateTime } from './dates';
import type { Solution } from './solutions';

/** What the DSG decided about a request, and who, when and why: shown on the triage card. */
export interface Decision {
  action: 'approve' | 'decline' | 'ask' | 'merge' | 'reuse' | 'assign' | 'priority' | 'answer';
  by: string;
  at: string;
  note: string | null;
}

/** Each decision in words: the triage card's last decision, and a meeting item's outcome. */
export const DECISION_WORDS: Record<Decision['action'], string> = {
  approve: 'Approved',
  decline: 'Declined',
  ask: 'More information asked for',
  merge: 'Marked as duplicate',
  reuse: 'Re-use an existing solution',
  assign: 'Owners assigned',
  priority: 'Priority changed',
  answer: 'Answered',
};

export interface Question {
  question: string;
  askedBy: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

/** The audit actions that decide a request, and what each decided (digests and the annual report count them). */
export const DECISION_ACTIONS: Readonly<Record<string, 'approve' | 'decline' | 'merge' | 'reuse'>> = {
  'request.approve': 'approve',
  'request.decline': 'decline',
  'request.merge': 'merge',
  'request.reuse': 'reuse',
};

/** The DSG's side of a request: where its triage card is, the last decision, questions asked. */
export interface Triage {
  reference: string;
  /** Where the triage card was posted (null until the outbox has posted it). */
  post: { conversationId: string; activityId: string } | null;
  lastDecision: Decision | null;
  duplicateOf: string | null;
  questions: Question[];
}

/** Everything the DSG's card for one request shows, as it stands now. */
export interface TriageView {
  request: ProjectRequest;
  triage: Triage;
  /** The project, once the request is approved. */
  project: Project | null;
  similar: SimilarRequest[];
  /** Open requests and projects this one could be a duplicate of, most recent first. */
  mergeTargets: Pick<ProjectRequest, 'reference' | 'title'>[];
  /** The Digital Leader: the project's, or the strand's from the DSG settings. */
  leader: PersonRef | null;
  /** Who may be assigned from the card: the DSG's members (anyone else through the people search in Teams). */
  people: PersonRef[];
  /** `yyyy-mm-dd`, London. */
  today: string;
  /** Catalogue entries the DSG may point the request at ("Re-use an existing solution"): the one checked, then those matching it, first. */
  solutions?: { id: string; name: string; owningService: string }[];
  /** The catalogue entry the requester checked, as the catalogue holds it now. */
  checked?: CheckedSolution;
  /** The Teams ids of those who may decide (the DSG's members): whose card in the channel shows them its actions. */
  deciders?: string[];
}

export const emptyTriage = (reference: string): Triage => ({ reference, post: null, lastDecision: null, duplicateOf: null, questions: [] });

export const openQuestion = (triage: Triage): Question | null => triage.questions.find((q) => q.answer === null) ?? null;

/**
 * Refuses an action from a card older than the record: someone else has decided since.
 * `cardVersion` is the request version the card was rendered with.
 */
export function assertCurrent(request: ProjectRequest, cardVersion: number, triage: Triage | null): void {
  if (request.version === cardVersion) return;
  const d = triage?.lastDecision;
  const by = d ? ` by ${d.by} at ${ukDateTime(d.at)}` : '';
  throw new DomainError('REQUEST_ALREADY_DECIDED', `${request.reference} was already decided${by}; the card in the DSG channel shows where it stands now.`, {
    reference: request.reference,
  });
}

export interface ApproveInput {
  priority: Priority;
  isPriority: boolean;
  note: string | null;
}

/** Approval makes the request a project in the Digital Programme, led by its strand's Digital Leader. */
export function approve(request: ProjectRequest, input: ApproveInput, settings: DsgSettings, now: string): { request: ProjectRequest; project: Project } {
  assertTransition(request.reference, request.status, 'approved');
  const project: Project = {
    reference: request.reference,
    priority: input.priority,
    isPriority: input.isPriority,
    digitalLeader: settings.leaders[request.strand] ?? null,
    projectLead: null,
    projectManager: null,
    businessCase: { status: 'not-started', link: null, date: null },
    planLink: null,
    resourcing: { confirmed: false, note: null },
    dpia: request.personalData ? 'not-started' : null,
    plannedBenefits: { annualCash: request.annualBenefit, nonCash: null },
    realisedBenefits: [],
    milestones: [],
    measures: [],
    approvedAt: now,
    version: 1,
    updatedAt: now,
  };
  return { request: bump(request, 'approved', now), project };
}

export function decline(request: ProjectRequest, now: string): ProjectRequest {
  assertTransition(request.reference, request.status, 'declined');
  return bump(request, 'declined', now);
}

export function askForInformation(request: ProjectRequest, now: string): ProjectRequest {
  assertTransition(request.reference, request.status, 'more-info-requested');
  return bump(request, 'more-info-requested', now);
}

/** The requester's answer puts the request back under review. */
export function answered(request: ProjectRequest, now: string): ProjectRequest {
  if (request.status !== 'more-info-requested') {
    throw new DomainError('ILLEGAL_TRANSITION', `${request.reference} is not waiting for more information any more.`, { reference: request.reference });
  }
  return bump(request, 'under-review', now);
}

export function merge(request: ProjectRequest, into: ProjectRequest, now: string): ProjectRequest {
  if (into.reference === request.reference) throw new DomainError('INVALID_FIELD', 'A request cannot be a duplicate of itself.', { field: 'duplicateOf' });
  if (['withdrawn', 'declined', 'merged', 'reused'].includes(into.status)) {
    throw new DomainError('INVALID_FIELD', `${into.reference} is ${into.status}; choose an open request or a project to merge into.`, { field: 'duplicateOf' });
  }
  assertTransition(request.reference, request.status, 'merged');
  return bump(request, 'merged', now);
}

/**
 * "Re-use an existing solution": the request closes, pointing at a catalogue entry the council already has. A
 * retired entry is not offered for re-use.
 */
export function reuseSolution(request: ProjectRequest, solution: Pick<Solution, 'name' | 'retired'>, now: string): ProjectRequest {
  if (solution.retired) throw new DomainError('INVALID_FIELD', `${solution.name} is retired from the catalogue; choose a solution in use.`, { field: 'solutionId' });
  assertTransition(request.reference, request.status, 'reused');
  return bump(request, 'reused', now);
}

/** The decision's note: what to use, who owns it, where to read about it, and the DSG's note. */
export const reuseNote = (s: Pick<Solution, 'name' | 'owningService' | 'link'>, note: string | null): string =>
  `Re-use ${s.name}, owned by ${s.owningService}${s.link ? ` (${s.link})` : ''}.${note ? ` ${note}` : ''}`;

export interface Assignment {
  digitalLeader?: PersonRef | null;
  projectLead?: PersonRef | null;
  projectManager?: PersonRef | null;
}

/** Sets whichever owners are given; the others stay as they are. */
export function assign(project: Project, assignment: Assignment, now: string): Project {
  return {
    ...project,
    ...(assignment.digitalLeader !== undefined && { digitalLeader: assignment.digitalLeader }),
    ...(assignment.projectLead !== undefined && { projectLead: assignment.projectLead }),
    ...(assignment.projectManager !== undefined && { projectManager: assignment.projectManager }),
    version: project.version + 1,
    updatedAt: now,
  };
}

export interface PriorityInput {
  priority: Priority;
  isPriority: boolean;
}

/** The DSG changes a project's priority (and whether it is a priority project); the same again is a field error. */
export function reprioritise(project: Project, input: PriorityInput, now: string): Project {
  if (project.priority === input.priority && project.isPriority === input.isPriority) {
    throw new DomainError('INVALID_FIELD', `${project.reference} already has this priority: nothing was changed.`, { field: 'priority' });
  }
  return { ...project, priority: input.priority, isPriority: input.isPriority, version: project.version + 1, updatedAt: now };
}

const bump = (request: ProjectRequest, status: ProjectRequest['status'], now: string): ProjectRequest => ({
  ...request,
  status,
  version: request.version + 1,
  updatedAt: now,
});
