import { REQUEST_STATUSES, STATUS_LABELS, type RequestStatus } from './request';

/** The audit trail: every change made and every refusal, with who, when, before and after. */
export interface AuditEvent {
  at: string;
  actorId: string | null;
  actorName: string;
  /** What was attempted, e.g. `request.submit`. */
  action: string;
  /** Projects share their request's trail (subject 'request', by reference). */
  subjectType: 'request' | 'person' | 'conversation' | 'settings' | 'meeting' | 'solution';
  subjectId: string;
  outcome: 'done' | 'refused';
  before: unknown | null;
  after: unknown | null;
  detail: string | null;
}

/** Words for what an audit action did, for a request's history. */
const ACTION_WORDS: Record<string, string> = {
  'request.submit': 'Submitted',
  'request.confirm': 'Submitted',
  'request.draft': 'Saved as draft',
  'request.edit': 'Edited',
  'request.update': 'Updated',
  'request.withdraw': 'Withdrawn',
  'request.undo-withdraw': 'Withdrawal undone',
  'request.discard': 'Discarded',
  'request.review': 'Review started',
  'request.triage': 'Triaged',
  'request.more-info': 'More information requested',
  'request.request-info': 'More information requested',
  'request.provide-info': 'More information given',
  'request.approve': 'Approved',
  'request.decline': 'Declined',
  'request.merge': 'Merged',
  'request.reuse': 'Closed: re-use an existing solution',
  'solution.add': 'Added to the re-use catalogue',
  'solution.edit': 'Re-use catalogue entry changed',
  'solution.import': 'Imported into the re-use catalogue',
  'request.start-delivery': 'Delivery started',
  'request.complete': 'Completed',
  'request.comment': 'Comment added',
  'request.assign': 'Owners assigned',
  'request.priority': 'Priority changed',
  'request.ask': 'Asked for more information',
  'request.answer': 'Answered',
  'dsg.setup': 'DSG channel set up',
  'settings.save': 'Settings saved',
  'project.business-case': 'Business case updated',
  'project.plan': 'Plan updated',
  'project.resourcing': 'Resourcing updated',
  'project.dpia': 'DPIA updated',
  'project.reopen': 'Reopened',
  'milestone.add': 'Milestones added',
  'milestone.done': 'Milestone done',
  'milestone.move': 'Milestone moved',
  'reminder.snooze': 'Reminder snoozed',
  'benefit.record': 'Benefit recorded',
  'measure.add': 'Measure added',
  'measure.edit': 'Measure changed',
  'measure.record': 'Measure figure recorded',
  'health.set': 'Health status set',
  'gate.request': 'Stage gate asked for',
  'gate.decide': 'Stage gate decided',
  'condition.done': 'Gate condition done',
  'risk.add': 'Risk or issue added',
  'risk.edit': 'Risk or issue changed',
};

/** Words for a change to one milestone, after its name: "Milestone 'Go live' marked done". */
const MILESTONE_WORDS: Record<string, string> = { 'milestone.done': 'marked done', 'milestone.move': 'moved' };

/** Audit actions that change nothing, so they are not part of a request's history. */
const NOT_HISTORY = new Set([
  'request.view',
  'request.history',
  'request.list',
  'request.triage',
  'request.pending',
  'project.view',
  'programme.show',
  'history.show',
  'settings.view',
]);

const isStatus = (v: unknown): v is RequestStatus =>
  typeof v === 'string' && (REQUEST_STATUSES as readonly string[]).includes(v);

/**
 * 'Submitted', 'Withdrawn', 'Saved as draft'…: known actions by name; a status change by its new status;
 * anything else as its own words ('request.add-note' → 'Add note').
 */
export function actionWords(action: string, after: unknown = null): string {
  const milestone = after !== null && typeof after === 'object' ? (after as Record<string, unknown>).milestone : undefined;
  if (typeof milestone === 'string' && MILESTONE_WORDS[action]) return `Milestone '${milestone}' ${MILESTONE_WORDS[action]}`;
  const known = ACTION_WORDS[action];
  if (known) return known;
  const status = after !== null && typeof after === 'object' ? (after as Record<string, unknown>).status : undefined;
  if (isStatus(status)) return STATUS_LABELS[status];
  const words = (action.includes('.') ? action.slice(action.indexOf('.') + 1) : action).replace(/[-_.]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Changed';
}

/** True for audit events that belong in the history a person sees: done, and a change. */
export const isHistoryEvent = (e: AuditEvent): boolean => e.outcome === 'done' && !NOT_HISTORY.has(e.action);
