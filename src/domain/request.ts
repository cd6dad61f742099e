import type { BeneficiaryId, PrincipleId, RouteId, StrandId } from './catalogue';
import { daysBetween, londonDate } from './calendar';
import { DomainError } from './errors';

/** What a member of staff asks the DSG for, as validated from the request form. */
export interface RequestDetails {
  title: string;
  problem: string;
  outcome: string;
  beneficiaries: BeneficiaryId[];
  strand: StrandId;
  principles: PrincipleId[];
  principlesHow: string;
  /**
   * The catalogue entry the requester checked: its id, NONE_OF_THESE when none fits, or null when the form did
   * not ask (before it offered the catalogue, or with an empty catalogue).
   */
  reuseSolution: string | null;
  /** What they checked, in their words. */
  reuseChecked: string;
  route: RouteId;
  routeJustification: string | null;
  personalData: boolean;
  oneOffCost: number | null;
  annualBenefit: number | null;
  /** ISO date (yyyy-mm-dd) or null. */
  desiredStart: string | null;
}

export const REQUEST_STATUSES = [
  'submitted',
  'under-review',
  'more-info-requested',
  'approved',
  'in-delivery',
  'completed',
  'declined',
  'withdrawn',
  'merged',
  'reused',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: 'Submitted',
  'under-review': 'Under review',
  'more-info-requested': 'More information requested',
  approved: 'Approved',
  'in-delivery': 'In delivery',
  completed: 'Completed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  merged: 'Merged',
  reused: 'Re-uses an existing solution',
};

const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  submitted: ['under-review', 'more-info-requested', 'approved', 'declined', 'withdrawn', 'merged', 'reused'],
  'under-review': ['more-info-requested', 'approved', 'declined', 'withdrawn', 'merged', 'reused'],
  'more-info-requested': ['under-review', 'approved', 'declined', 'withdrawn', 'merged', 'reused'],
  approved: ['in-delivery', 'completed'],
  'in-delivery': ['completed'],
  completed: [],
  declined: [],
  // The DSG may still record a withdrawn request as a duplicate of another (which ends its undo).
  withdrawn: ['merged'],
  merged: [],
  reused: [],
};

/** Statuses in which the DSG can still decide a request (waiting for a decision). */
export const DECIDABLE_STATUSES: readonly RequestStatus[] = ['submitted', 'under-review', 'more-info-requested'];
/** Statuses of a project being delivered, whose owners can be assigned. */
export const ASSIGNABLE_STATUSES: readonly RequestStatus[] = ['approved', 'in-delivery'];

export const canTransition = (from: RequestStatus, to: RequestStatus): boolean => TRANSITIONS[from].includes(to);

export function assertTransition(reference: string, from: RequestStatus, to: RequestStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `${reference} is ${STATUS_LABELS[from].toLowerCase()}, so it cannot become ${STATUS_LABELS[to].toLowerCase()}.`,
      { reference, from, to },
    );
  }
}

export interface ProjectRequest extends RequestDetails {
  id: string;
  reference: string;
  status: RequestStatus;
  /** Bumped on every change; cards carry it so a stale card is refused. */
  version: number;
  requesterId: string;
  requesterName: string;
  /** Id of the form card it came from: one card, one request. */
  formId: string;
  createdAt: string;
  updatedAt: string;
}

/** What a list names a request by: its reference, title, status and strand (no requester, no answers). */
export type RequestHeadline = Pick<ProjectRequest, 'reference' | 'title' | 'status' | 'strand'>;

/** `DP-<year>-<4-digit sequence>`; the sequence grows past 4 digits rather than wrapping. */
export const formatReference = (year: number, sequence: number): string =>
  `DP-${year}-${String(sequence).padStart(4, '0')}`;

export const REFERENCE_PATTERN = /^DP-\d{4}-\d{4,}$/;

/** A text that is a reference and nothing else (in any form `normaliseReference` reads), normalised; else null. */
export const parseReference = (text: string): string | null => (/^\s*DP[-\s]?\d{4}[-\s]?\d{1,9}\s*$/i.test(text) ? normaliseReference(text) : null);

export function normaliseReference(text: string): string | null {
  const m = /\bDP[-\s]?(\d{4})[-\s]?(\d{1,9})\b/i.exec(text.trim());
  return m ? formatReference(Number(m[1]), Number(m[2])) : null;
}

/** A request waiting longer than this many days for a DSG decision is overdue: "Waiting too long". */
export const DECISION_DUE_DAYS = 14;

/** Whole London days since the request was submitted (0 on the day itself). */
export const daysWaiting = (request: Pick<ProjectRequest, 'createdAt'>, today: string): number =>
  Math.max(0, daysBetween(londonDate(new Date(request.createdAt)), today));

/**
 * When the request started waiting for its requester (the DSG asked them a question: the clock is with them), or
 * null when it is not waiting for them. Asking is the request's last change until they answer.
 */
export const waitingForRequesterSince = (request: Pick<ProjectRequest, 'status' | 'updatedAt'>): string | null =>
  request.status === 'more-info-requested' ? request.updatedAt : null;

/**
 * Overdue for a decision: the one rule (pending, the digest, the triage card). True once a request the DSG still
 * has to decide has waited more than DECISION_DUE_DAYS; never while it waits for the requester's answer.
 */
export const waitingTooLong = (request: Pick<ProjectRequest, 'createdAt' | 'status' | 'updatedAt'>, today: string): boolean =>
  DECIDABLE_STATUSES.includes(request.status) && waitingForRequesterSince(request) === null && daysWaiting(request, today) > DECISION_DUE_DAYS;
