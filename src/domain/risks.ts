/**
 * A project's risks and issues log: what threatens the project (a risk, which may happen) and what already has
 * (an issue). Each entry has a description, an owner (anyone in the tenant), a mitigation, a review date and a
 * status (open or closed).
 *
 * The score, defined once (the project card, the tab, the agenda, the digest and the reminders all read `riskScore`):
 * - a risk scores likelihood × impact, each 1–5, so 1–25;
 * - an issue has happened, so its likelihood is certain (5): it scores 5 × impact. An issue of impact 3 or more
 *   scores 15 or more, like a risk that is likely and serious.
 * An open entry scoring HIGH_RISK_SCORE (15) or more goes on the DSG's agenda by itself.
 *
 * Review: an open entry whose review date has passed (it is before today) is due for review, and its owner is
 * reminded: "Reviewed, no change" sets the next review REVIEW_AGAIN_DAYS after today; "Update" changes the scores,
 * the mitigation or the review date; "Close" closes it.
 */
import { z } from 'zod';
import { addDays, isIsoDate } from './calendar';
import { ukDate } from './dates';
import { REMINDER_WHY, type ReminderItem } from './reminders';
import type { ProjectRequest } from './request';
import type { PersonRef } from './settings';

export const RISK_KINDS = ['risk', 'issue'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export const RISK_KIND_LABELS: Record<RiskKind, string> = { risk: 'Risk', issue: 'Issue' };

export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = { open: 'Open', closed: 'Closed' };

/** Open entries scoring this or more go on the DSG agenda. */
export const HIGH_RISK_SCORE = 15;
/** "Reviewed, no change": the next review is this many days after today. */
export const REVIEW_AGAIN_DAYS = 28;
/** An issue has happened: its likelihood is taken as certain. */
export const ISSUE_LIKELIHOOD = 5;

export const RISK_DESCRIPTION_MAX = 1000;
export const RISK_MITIGATION_MAX = 2000;

export interface RiskEntry {
  id: string;
  /** The project it belongs to. */
  reference: string;
  kind: RiskKind;
  description: string;
  /** 1–5; null for an issue. */
  likelihood: number | null;
  /** 1–5. */
  impact: number;
  owner: PersonRef;
  /** What is being done about it ('' when nothing is said yet). */
  mitigation: string;
  /** `yyyy-mm-dd`. */
  reviewDate: string;
  status: RiskStatus;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** The last change in words, who made it and when: what a stale card is told. */
  lastChange: { what: string; by: string; at: string } | null;
}

/** The one definition of an entry's score (see the top of this file). */
export const riskScore = (e: Pick<RiskEntry, 'kind' | 'likelihood' | 'impact'>): number => (e.kind === 'issue' ? ISSUE_LIKELIHOOD : (e.likelihood ?? ISSUE_LIKELIHOOD)) * e.impact;

/** The definition in words, for wherever a score is shown with its meaning (the Programme tab). */
export const SCORE_DEFINITION = `Score: likelihood × impact, each from 1 to 5. An issue has already happened, so its likelihood counts as 5. Open entries scoring ${HIGH_RISK_SCORE} or more go on the DSG agenda.`;

export const isHighRisk = (e: Pick<RiskEntry, 'kind' | 'likelihood' | 'impact' | 'status'>): boolean => e.status === 'open' && riskScore(e) >= HIGH_RISK_SCORE;

/** Open and its review date has passed. */
export const isDueForReview = (e: Pick<RiskEntry, 'status' | 'reviewDate'>, today: string): boolean => e.status === 'open' && e.reviewDate < today;

/** 'Score 20 (likelihood 4 × impact 5)', 'Score 15 (issue, impact 3)'. */
export function scoreWords(e: Pick<RiskEntry, 'kind' | 'likelihood' | 'impact'>): string {
  return e.kind === 'issue' ? `Score ${riskScore(e)} (issue, impact ${e.impact})` : `Score ${riskScore(e)} (likelihood ${e.likelihood} × impact ${e.impact})`;
}

/** The log in the order people read it: open entries first, highest score first, then the earliest review; closed ones last. */
export function orderedLog<T extends RiskEntry>(entries: readonly T[]): T[] {
  // Code-point order for the dates and ids (the same whatever the locale, and fast over a whole programme's entries).
  const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return [...entries].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      riskScore(b) - riskScore(a) ||
      text(a.reviewDate, b.reviewDate) ||
      text(a.createdAt, b.createdAt) ||
      text(a.id, b.id),
  );
}

// --- The form ------------------------------------------------------------------------------------------------

/** The form's inputs, as the cards name them (prefixed: the project card has a `status` of its own). */
export const RISK_FIELDS = ['riskKind', 'riskDescription', 'riskLikelihood', 'riskImpact', 'riskOwner', 'riskMitigation', 'riskReviewDate', 'riskStatus'] as const;
export type RiskField = (typeof RISK_FIELDS)[number];
export type RiskValues = Partial<Record<RiskField, string>>;
export type RiskErrors = Partial<Record<RiskField, string>>;

/**
 * The form's inputs as a card or the Programme tab sends them, each kept as typed (a number as its text): the shape
 * only, checked where they arrive. `validateRisk` names each problem (a likelihood of 7 included).
 */
const typedField = z.union([z.string().max(4000, 'this is longer than 4,000 characters'), z.number().transform(String)]).optional();
export const riskFormFields = z.object(Object.fromEntries(RISK_FIELDS.map((f) => [f, typedField])) as Record<RiskField, typeof typedField>);

/** What the form gives once checked; the owner is still the id chosen (the use case finds the person). */
export interface RiskDetails {
  kind: RiskKind;
  description: string;
  likelihood: number | null;
  impact: number;
  ownerId: string;
  mitigation: string;
  reviewDate: string;
  status: RiskStatus;
}

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** A whole number from 1 to 5, or null. */
function oneToFive(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.0+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 5 ? n : null;
}

/**
 * The entry from the form's values, or an error for each input that needs fixing (all at once). A likelihood or
 * impact outside 1–5 is refused; an issue takes no likelihood. A review date may not be in the past (one left as it
 * was, `keptReviewDate`, may be: the entry can be edited without reviewing it).
 */
export function validateRisk(values: RiskValues, today: string, keptReviewDate: string | null = null): { ok: true; details: RiskDetails } | { ok: false; errors: RiskErrors } {
  const v = (f: RiskField) => (values[f] ?? '').trim();
  const errors: RiskErrors = {};
  const kind = v('riskKind') || 'risk';
  if (!isOneOf(RISK_KINDS, kind)) errors.riskKind = 'Choose whether it is a risk or an issue.';
  const description = v('riskDescription');
  if (!description) errors.riskDescription = 'Describe the risk or issue.';
  else if (description.length > RISK_DESCRIPTION_MAX) errors.riskDescription = `Keep the description to ${RISK_DESCRIPTION_MAX} characters or fewer.`;
  const likelihood = kind === 'issue' ? null : oneToFive(v('riskLikelihood'));
  if (kind !== 'issue' && likelihood === null) {
    errors.riskLikelihood = v('riskLikelihood') ? 'Likelihood is a whole number from 1 (rare) to 5 (almost certain).' : 'Give the likelihood, from 1 (rare) to 5 (almost certain).';
  }
  const impact = oneToFive(v('riskImpact'));
  if (impact === null) errors.riskImpact = v('riskImpact') ? 'Impact is a whole number from 1 (minimal) to 5 (severe).' : 'Give the impact, from 1 (minimal) to 5 (severe).';
  const ownerId = v('riskOwner');
  if (!ownerId) errors.riskOwner = 'Choose who owns it: they are reminded when it is due for review.';
  const mitigation = v('riskMitigation');
  if (mitigation.length > RISK_MITIGATION_MAX) errors.riskMitigation = `Keep the mitigation to ${RISK_MITIGATION_MAX} characters or fewer.`;
  const reviewDate = v('riskReviewDate');
  if (!isIsoDate(reviewDate)) errors.riskReviewDate = 'Enter the review date as a date, like 2027-01-14.';
  else if (reviewDate < today && reviewDate !== keptReviewDate) errors.riskReviewDate = 'The review date cannot be in the past.';
  const status = v('riskStatus') || 'open';
  if (!isOneOf(RISK_STATUSES, status)) errors.riskStatus = 'Choose open or closed.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    details: { kind: kind as RiskKind, description, likelihood, impact: impact as number, ownerId, mitigation, reviewDate, status: status as RiskStatus },
  };
}

/** An entry's values as the form shows them. */
export const riskValues = (e: RiskEntry): Required<RiskValues> => ({
  riskKind: e.kind,
  riskDescription: e.description,
  riskLikelihood: e.likelihood === null ? '' : String(e.likelihood),
  riskImpact: String(e.impact),
  riskOwner: e.owner.aadObjectId,
  riskMitigation: e.mitigation,
  riskReviewDate: e.reviewDate,
  riskStatus: e.status,
});

// --- Changes -------------------------------------------------------------------------------------------------

type Fields = Pick<RiskEntry, 'kind' | 'description' | 'likelihood' | 'impact' | 'owner' | 'mitigation' | 'reviewDate' | 'status'>;

/** What changed between two states of an entry, in words: 'likelihood 3 → 4, review date 12 Jan 2027, closed'. */
export function changeWords(before: Fields, after: Fields): string {
  const parts: string[] = [];
  if (before.kind !== after.kind) parts.push(`now ${after.kind === 'issue' ? 'an issue' : 'a risk'}`);
  if (before.description !== after.description) parts.push('description changed');
  if (after.kind === 'risk' && before.likelihood !== after.likelihood) parts.push(`likelihood ${before.likelihood ?? '–'} → ${after.likelihood}`);
  if (before.impact !== after.impact) parts.push(`impact ${before.impact} → ${after.impact}`);
  if (before.owner.aadObjectId !== after.owner.aadObjectId) parts.push(`owner now ${after.owner.name}`);
  if (before.mitigation !== after.mitigation) parts.push('mitigation changed');
  if (before.reviewDate !== after.reviewDate) parts.push(`review date ${ukDate(after.reviewDate)}`);
  if (before.status !== after.status) parts.push(after.status === 'closed' ? 'closed' : 'reopened');
  return parts.length ? parts.join(', ') : 'saved with no change';
}

/** A new entry. */
export function newRisk(id: string, reference: string, details: RiskDetails, owner: PersonRef, by: string, now: string): RiskEntry {
  const { ownerId: _ownerId, ...fields } = details;
  return { id, reference, ...fields, owner, version: 1, createdAt: now, createdBy: by, updatedAt: now, lastChange: { what: 'added', by, at: now } };
}

/** The entry changed to `fields`, one version on, with the change in words. */
export function changedRisk(before: RiskEntry, fields: Fields, by: string, now: string, what: string = changeWords(before, fields)): RiskEntry {
  return { ...before, ...fields, likelihood: fields.kind === 'issue' ? null : fields.likelihood, version: before.version + 1, updatedAt: now, lastChange: { what, by, at: now } };
}

/** "Reviewed, no change": the next review REVIEW_AGAIN_DAYS after today. */
export const reviewedNoChange = (before: RiskEntry, by: string, now: string, today: string): RiskEntry =>
  changedRisk(before, { ...before, reviewDate: addDays(today, REVIEW_AGAIN_DAYS) }, by, now, `reviewed with no change; next review ${ukDate(addDays(today, REVIEW_AGAIN_DAYS))}`);

/** What a press on an older card is told: the entry's latest change, by whom and when. */
export function staleRiskWords(e: RiskEntry, when: (iso: string) => string): string {
  const last = e.lastChange;
  const what = last ? `: ${last.what}, by ${last.by} on ${when(last.at)}` : '';
  return `This ${e.kind} was changed since you opened it${what}. Nothing was saved; here it is as it is now.`;
}

/** A short name for an entry in a sentence: the description's first words. */
export const riskName = (e: Pick<RiskEntry, 'description'>, max = 80): string => {
  const d = e.description.replace(/\s+/g, ' ').trim();
  return d.length > max ? `${d.slice(0, max - 1)}…` : d;
};

// --- Reminders -----------------------------------------------------------------------------------------------

/** `DP-2026-0007:risk-review:<id>`: a review reminder's key. */
const REVIEW_KEY = /^[^:]+:risk-review:(.+)$/;
export const riskIdOfKey = (itemKey: string): string | null => REVIEW_KEY.exec(itemKey)?.[1] ?? null;

/** The fingerprint of a review reminder: it changes when the entry is reviewed, updated or closed. */
export const reviewFingerprint = (e: Pick<RiskEntry, 'reviewDate' | 'version'>): string => `${e.reviewDate}|${e.version}`;

/**
 * Each open entry whose review date has passed, for its owner: the entries of live projects only (`titles` holds
 * the projects in delivery or approved, by reference). An owner erased is a role without a person: no one to remind.
 */
export function riskReviewReminders(entries: readonly RiskEntry[], titles: ReadonlyMap<string, string>, today: string): ReminderItem[] {
  const items: ReminderItem[] = [];
  for (const e of entries) {
    const title = titles.get(e.reference);
    if (title === undefined || !isDueForReview(e, today) || !e.owner.aadObjectId) continue;
    items.push({
      key: `${e.reference}:risk-review:${e.id}`,
      reference: e.reference,
      projectTitle: title,
      kind: 'risk-review',
      milestoneId: null,
      recipient: e.owner,
      fingerprint: reviewFingerprint(e),
      what: `Review the ${e.kind} "${riskName(e, 200)}": ${scoreWords(e).replace(/^Score/, 'score')}, review date ${ukDate(e.reviewDate)}.`,
      why: REMINDER_WHY['risk-review'],
    });
  }
  return items;
}

/** The titles of the projects still being delivered (approved or in delivery), by reference: their risks are reviewed and reported. */
export const liveProjectTitles = (programme: readonly { request: Pick<ProjectRequest, 'reference' | 'title' | 'status'> }[]): Map<string, string> =>
  new Map(programme.filter(({ request }) => request.status === 'approved' || request.status === 'in-delivery').map(({ request }) => [request.reference, request.title]));

// --- The assurance report ------------------------------------------------------------------------------------

/**
 * The open risks and issues of the live projects (`titles`, by reference), highest score first, in the shape the
 * assurance report's top risks take (assurance.ts AssuranceExtras.topRisks).
 */
export const topRisks = (entries: readonly RiskEntry[], titles: ReadonlyMap<string, string>): { reference: string; title: string; description: string; score: number; owner: string }[] =>
  orderedLog(entries.filter((e) => e.status === 'open' && titles.has(e.reference))).map((e) => ({
    reference: e.reference,
    title: titles.get(e.reference) as string,
    description: e.description,
    score: riskScore(e),
    owner: e.owner.name,
  }));
