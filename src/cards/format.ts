import { REQUEST_STATUSES, STATUS_LABELS, type RequestStatus } from '../domain/request';
import type { AuditEvent } from '../app/ports';

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** `£25,000` (whole pounds). */
export const pounds = (amount: number): string => POUNDS.format(amount);

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, ending with `…`. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = cut.search(/\s\S*$/);
  const base = space > cut.length * 0.8 ? cut.slice(0, space) : cut;
  return `${base.trimEnd()}…`;
}

/** The first ~300 characters of a text, on one line, for a summary. */
export const summaryOf = (text: string, max = 300): string => clip(text.replace(/\s+/g, ' ').trim(), max);

/** Words for what an audit action did, for a request's history. */
const ACTION_WORDS: Record<string, string> = {
  'request.submit': 'Submitted',
  'request.confirm': 'Submitted',
  'request.draft': 'Saved as draft',
  'request.edit': 'Edited',
  'request.update': 'Updated',
  'request.withdraw': 'Withdrawn',
  'request.discard': 'Discarded',
  'request.review': 'Review started',
  'request.triage': 'Triaged',
  'request.more-info': 'More information requested',
  'request.request-info': 'More information requested',
  'request.provide-info': 'More information given',
  'request.approve': 'Approved',
  'request.decline': 'Declined',
  'request.merge': 'Merged',
  'request.start-delivery': 'Delivery started',
  'request.complete': 'Completed',
  'request.comment': 'Comment added',
  'request.assign': 'Assigned',
};

/** Audit actions that change nothing, so they are not part of a request's history. */
const NOT_HISTORY = new Set(['request.view', 'request.history', 'request.list']);

const isStatus = (v: unknown): v is RequestStatus =>
  typeof v === 'string' && (REQUEST_STATUSES as readonly string[]).includes(v);

/**
 * 'Submitted', 'Withdrawn', 'Saved as draft'…: known actions by name; a status change by its new status;
 * anything else as its own words ('request.add-note' → 'Add note').
 */
export function actionWords(action: string, after: unknown = null): string {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const status = after !== null && typeof after === 'object' ? (after as Record<string, unknown>).status : undefined;
  if (isStatus(status)) return STATUS_LABELS[status];
  const words = (action.includes('.') ? action.slice(action.indexOf('.') + 1) : action).replace(/[-_.]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Changed';
}

/** True for audit events that belong in the history a person sees: done, and a change. */
export const isHistoryEvent = (e: AuditEvent): boolean => e.outcome === 'done' && !NOT_HISTORY.has(e.action);
