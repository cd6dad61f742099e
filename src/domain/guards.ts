import { type AuditEvent, actionWords } from './audit';
import { ukDate, ukDateTime } from './dates';
import { DomainError } from './errors';
import { isOverdue, type Milestone, type Project } from './project';
import { assertTransition, type ProjectRequest, type RequestStatus, STATUS_LABELS } from './request';
import type { Decision, Question, Triage } from './triage';

/**
 * The rules behind the presses that are hard to take back: completing a project (and what becomes of its open
 * milestones), reopening it, and undoing a withdrawal; and the words for a card that is out of date.
 */

/** A project's milestones that are neither done, missed nor dropped: late ones (past their date) and planned ones. */
export function openMilestones(project: Pick<Project, 'milestones'>, today: string): { late: Milestone[]; planned: Milestone[] } {
  const open = project.milestones.filter((m) => m.status === 'planned');
  return { late: open.filter((m) => isOverdue(m, today)), planned: open.filter((m) => !isOverdue(m, today)) };
}

/** '1 late and 2 planned milestones', '1 planned milestone', or null when none is open. */
export function openMilestonesWords(open: { late: readonly Milestone[]; planned: readonly Milestone[] }): string | null {
  const total = open.late.length + open.planned.length;
  if (total === 0) return null;
  const parts = [open.late.length > 0 && `${open.late.length} late`, open.planned.length > 0 && `${open.planned.length} planned`].filter(Boolean);
  return `${parts.join(' and ')} ${total === 1 ? 'milestone' : 'milestones'}`;
}

/** What becomes of a project's open milestones when it is completed. */
export const MILESTONE_FATES = ['done', 'missed', 'dropped'] as const;
export type MilestoneFate = (typeof MILESTONE_FATES)[number];
export const MILESTONE_FATE_LABELS: Record<MilestoneFate, string> = {
  done: 'Mark them done',
  missed: 'Mark them missed',
  dropped: 'Drop them (give a reason)',
};
export const DROP_REASON_MAX = 500;

export interface CompletionInput {
  fate: MilestoneFate | null;
  dropReason: string | null;
}

/**
 * Completes a project. Open milestones must not be left open: the person says whether they were done, missed or
 * dropped (with a reason). Problems are INVALID_FIELD with an error per input (`fate`, `dropReason`).
 */
export function completeProject(
  request: ProjectRequest,
  project: Project,
  input: CompletionInput,
  today: string,
): { request: ProjectRequest; resolved: Milestone[]; detail: string | null } {
  assertTransition(request.reference, request.status, 'completed');
  const { late, planned } = openMilestones(project, today);
  const open = [...late, ...planned];
  const reason = input.dropReason?.trim() || null;
  const errors: Record<string, string> = {};
  if (open.length > 0 && !input.fate) errors.fate = `Choose what becomes of the ${openMilestonesWords({ late, planned })}.`;
  if (input.fate === 'dropped' && open.length > 0 && !reason) errors.dropReason = 'Give the reason for dropping them: it is kept in the history.';
  if (reason && reason.length > DROP_REASON_MAX) errors.dropReason = `Keep the reason to ${DROP_REASON_MAX} characters or fewer.`;
  if (Object.keys(errors).length > 0) {
    throw new DomainError('INVALID_FIELD', 'What becomes of the open milestones?', { errors, values: { fate: input.fate ?? '', dropReason: input.dropReason ?? '' } });
  }
  const resolved = open.map((m) => resolve(m, input.fate as MilestoneFate, reason, today));
  const detail = open.length === 0 ? null : `${open.length === 1 ? 'Open milestone' : `${open.length} open milestones`} ${FATE_WORDS[input.fate as MilestoneFate]}${input.fate === 'dropped' ? `: ${reason}` : ''}`;
  return { request: { ...request, status: 'completed' }, resolved, detail };
}

const FATE_WORDS: Record<MilestoneFate, string> = { done: 'marked done', missed: 'marked missed', dropped: 'dropped' };

function resolve(m: Milestone, fate: MilestoneFate, reason: string | null, today: string): Milestone {
  if (fate === 'done') return { ...m, status: 'done', completedOn: today };
  if (fate === 'missed') return { ...m, status: 'missed' };
  return { ...m, status: 'dropped', dropReason: reason ?? undefined };
}

/** A completed project goes back into delivery (the chair and admins may: see `project.reopen`). */
export function reopenProject(request: ProjectRequest): ProjectRequest {
  if (request.status !== 'completed') {
    throw new DomainError('ILLEGAL_TRANSITION', `${request.reference} is ${STATUS_LABELS[request.status].toLowerCase()}, not completed, so there is nothing to reopen.`, {
      reference: request.reference,
    });
  }
  return { ...request, status: 'in-delivery' };
}

/** When a request was withdrawn and what it was before, from its audit trail (the latest withdrawal), or null. */
export function withdrawalOf(events: readonly AuditEvent[]): { at: string; from: RequestStatus } | null {
  const last = events.filter((e) => e.action === 'request.withdraw' && e.outcome === 'done').sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  const from = (last?.before as { status?: RequestStatus } | null)?.status;
  return last && from ? { at: last.at, from } : null;
}

/** The DSG's first decision or question recorded after `since`: "acting on" a request. */
export function dsgActedSince(triage: Triage | null, since: string): Decision | Question | null {
  if (!triage) return null;
  if (triage.lastDecision && triage.lastDecision.at > since) return triage.lastDecision;
  return triage.questions.find((q) => q.askedAt > since) ?? null;
}

/** True while the withdrawal can be undone (see `undoWithdrawal`). */
export const canUndoWithdrawal = (request: ProjectRequest, withdrawal: { at: string } | null, triage: Triage | null): boolean =>
  request.status === 'withdrawn' && withdrawal !== null && dsgActedSince(triage, withdrawal.at) === null;

/**
 * A withdrawal can be undone until the DSG acts on the request: while it is still withdrawn and the DSG has
 * recorded no decision or question since. The request goes back to where it was before.
 */
export function undoWithdrawal(request: ProjectRequest, withdrawal: { at: string; from: RequestStatus } | null, triage: Triage | null): ProjectRequest {
  const refuse = (why: string) => new DomainError('ILLEGAL_TRANSITION', `${why} so the withdrawal can no longer be undone.`, { reference: request.reference });
  if (request.status !== 'withdrawn' || !withdrawal) throw refuse(`${request.reference} is ${STATUS_LABELS[request.status].toLowerCase()} now,`);
  const acted = dsgActedSince(triage, withdrawal.at);
  if (acted) {
    const what = 'action' in acted ? `${actionWords(`request.${acted.action}`)} by ${acted.by}` : `Asked for more information by ${acted.askedBy}`;
    throw refuse(`The DSG has acted on ${request.reference} since you withdrew it (${what} on ${ukDateTime('action' in acted ? acted.at : acted.askedAt)}),`);
  }
  return { ...request, status: withdrawal.from };
}

/**
 * "DP-2026-0011 changed since this card was sent: Completed by Project Lead on 4 Dec 2026, 13:40." — what a
 * stale press is told, from the record's latest change.
 */
export function changedSince(reference: string, events: readonly AuditEvent[]): string {
  const last = events.filter((e) => e.outcome === 'done').sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  if (!last) return `${reference} changed since this card was sent.`;
  return `${reference} changed since this card was sent: ${actionWords(last.action, last.after)} by ${last.actorName} on ${ukDateTime(last.at)}.`;
}

/** "'Go live', due 1 Dec 2026": a milestone in a sentence. */
export const milestoneWords = (m: Milestone): string => `'${m.title}', due ${ukDate(m.due)}`;
