/**
 * A project's health (RAG) status, defined once: the project card, the reminder card, `programme`, the Programme
 * tab and the digest all read it from `healthOf`.
 *
 * Each project in delivery has an overall status (green, amber or red) and the same three for time, cost and
 * scope, set together by its Project Lead or Project Manager, each with a reason (required for amber and red).
 * Every setting is kept: pressing "Still green?" records the same statuses again, so the history shows that they
 * were looked at. The status is asked for on a rhythm (monthly by default, from configuration), and a status not
 * updated within the rhythm plus STALE_AFTER_WORKING_DAYS working days is stale: shown grey, "not updated since".
 */
import { addDays, londonDate } from './calendar';
import { ukDate } from './dates';
import type { RequestStatus } from './request';

export const RAGS = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAGS)[number];
export const RAG_LABELS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

export const HEALTH_ASPECTS = ['overall', 'time', 'cost', 'scope'] as const;
export type HealthAspect = (typeof HEALTH_ASPECTS)[number];
export const ASPECT_LABELS: Record<HealthAspect, string> = { overall: 'Overall', time: 'Time', cost: 'Cost', scope: 'Scope' };

export interface HealthRating {
  rag: Rag;
  /** Why; required for amber and red, optional for green (null then). */
  reason: string | null;
}
export type HealthRatings = Record<HealthAspect, HealthRating>;

/** One setting of a project's statuses: the history keeps every one. */
export interface HealthUpdate {
  /** 1 for the project's first setting, then 2, 3...: the card carries it, so a press on an older card is refused. */
  version: number;
  ratings: HealthRatings;
  /** ISO instant. */
  setAt: string;
  /** The name of who set it. */
  setBy: string;
  /** Pressed "Still green?": the same statuses and reasons as the setting before. */
  confirmed: boolean;
}

/** How often the lead and manager are asked (HEALTH_RHYTHM). */
export const HEALTH_RHYTHMS = ['weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export type HealthRhythm = (typeof HEALTH_RHYTHMS)[number];
export const DEFAULT_HEALTH_RHYTHM: HealthRhythm = 'monthly';
/** A status goes stale this many working days after it was next due. */
export const STALE_AFTER_WORKING_DAYS = 5;
export const HEALTH_REASON_MAX = 1000;

/** Only projects in delivery carry a status. */
export const hasHealth = (status: RequestStatus): boolean => status === 'in-delivery';

/** The same day `months` later, or the month's last day when it has none (31 Jan + 1 month → 28 Feb). */
function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When a status set on `setOn` (`yyyy-mm-dd`) is next due. */
export function nextDue(setOn: string, rhythm: HealthRhythm): string {
  switch (rhythm) {
    case 'weekly':
      return addDays(setOn, 7);
    case 'fortnightly':
      return addDays(setOn, 14);
    case 'monthly':
      return addMonths(setOn, 1);
    case 'quarterly':
      return addMonths(setOn, 3);
  }
}

/** What the health rules need besides the record: the rhythm and the working days. */
export interface HealthRules {
  rhythm: HealthRhythm;
  addWorkingDays(isoDate: string, n: number): string;
}

/** What is shown: the overall colour, or grey when stale, or nothing yet. */
export type HealthShown = Rag | 'grey' | 'none';

/** A project's status as everything shows it (see the top of this file). */
export interface HealthStatus {
  shown: HealthShown;
  /** 'Red', 'Not updated since 3 Nov 2026', 'No status yet'. */
  label: string;
  /** The latest setting; null before the first. */
  latest: HealthUpdate | null;
  stale: boolean;
  /** `yyyy-mm-dd`: when the lead and manager are next asked (today when never set). */
  due: string;
  /** `yyyy-mm-dd`: the day after which it is stale; null when never set. */
  staleAfter: string | null;
}

/** The London date (`yyyy-mm-dd`) an update was set on. */
export const setOn = (update: Pick<HealthUpdate, 'setAt'>): string => londonDate(new Date(update.setAt));

/**
 * The one definition: null for a project not in delivery; otherwise its latest setting, due again one rhythm after
 * it was set, and stale (grey, "not updated since") once more than STALE_AFTER_WORKING_DAYS working days past that.
 */
export function healthOf(status: RequestStatus, latest: HealthUpdate | null | undefined, today: string, rules: HealthRules): HealthStatus | null {
  if (!hasHealth(status)) return null;
  if (!latest) return { shown: 'none', label: 'No status yet', latest: null, stale: false, due: today, staleAfter: null };
  const on = setOn(latest);
  const due = nextDue(on, rules.rhythm);
  const staleAfter = rules.addWorkingDays(due, STALE_AFTER_WORKING_DAYS);
  const stale = today > staleAfter;
  return {
    shown: stale ? 'grey' : latest.ratings.overall.rag,
    label: stale ? `Not updated since ${ukDate(on)}` : RAG_LABELS[latest.ratings.overall.rag],
    latest,
    stale,
    due,
    staleAfter,
  };
}

/** The definition in words, for wherever the status is shown with its meaning (the Programme tab). */
export const HEALTH_DEFINITION = (rhythm: HealthRhythm): string =>
  `Health: the overall status (green, amber or red) its Project Lead or Project Manager last set, with time, cost and scope. It is asked for ${RHYTHM_WORDS[rhythm]}; one not updated within that and ${STALE_AFTER_WORKING_DAYS} more working days shows grey, "not updated since".`;
const RHYTHM_WORDS: Record<HealthRhythm, string> = { weekly: 'every week', fortnightly: 'every fortnight', monthly: 'every month', quarterly: 'every quarter' };

// --- Setting it ----------------------------------------------------------------------------------------------

/** The health form's inputs, as the cards name them: a status and a reason for each aspect. */
export const HEALTH_FIELDS = ['ragOverall', 'ragOverallReason', 'ragTime', 'ragTimeReason', 'ragCost', 'ragCostReason', 'ragScope', 'ragScopeReason'] as const;
export type HealthField = (typeof HEALTH_FIELDS)[number];
export type HealthValues = Partial<Record<HealthField, string>>;

const capital = (a: HealthAspect) => (a === 'overall' ? 'Overall' : a[0].toUpperCase() + a.slice(1));
export const ragField = (a: HealthAspect): HealthField => `rag${capital(a)}` as HealthField;
export const reasonField = (a: HealthAspect): HealthField => `rag${capital(a)}Reason` as HealthField;
const aspectWords = (a: HealthAspect) => (a === 'overall' ? 'the overall status' : a);

/** The statuses from the form's values, or a problem under each input that needs fixing. */
export function validateHealth(values: HealthValues): { ok: true; ratings: HealthRatings } | { ok: false; errors: Partial<Record<HealthField, string>> } {
  const errors: Partial<Record<HealthField, string>> = {};
  const ratings = {} as HealthRatings;
  for (const aspect of HEALTH_ASPECTS) {
    const rag = (values[ragField(aspect)] ?? '').trim();
    const reason = (values[reasonField(aspect)] ?? '').trim();
    if (!(RAGS as readonly string[]).includes(rag)) {
      errors[ragField(aspect)] = `Choose green, amber or red for ${aspectWords(aspect)}.`;
    } else if (rag !== 'green' && !reason) {
      errors[reasonField(aspect)] = `Say why ${aspectWords(aspect)} is ${rag}: a reason is required for amber and red.`;
    }
    if (reason.length > HEALTH_REASON_MAX) errors[reasonField(aspect)] = `Keep the reason to ${HEALTH_REASON_MAX} characters or fewer.`;
    ratings[aspect] = { rag: rag as Rag, reason: reason || null };
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, ratings };
}

/** The form's values for the statuses as they are (to update them). */
export function healthValues(ratings: HealthRatings | null): HealthValues {
  const values: HealthValues = {};
  if (!ratings) return values;
  for (const a of HEALTH_ASPECTS) {
    values[ragField(a)] = ratings[a].rag;
    values[reasonField(a)] = ratings[a].reason ?? '';
  }
  return values;
}

/** The aspects that are red now and were not before (all of them red ones when there was no status). */
export const turnedRed = (before: HealthRatings | null, after: HealthRatings): HealthAspect[] =>
  HEALTH_ASPECTS.filter((a) => after[a].rag === 'red' && before?.[a].rag !== 'red');

/** "Overall amber (Supplier late), time amber, cost green, scope green": a setting in one line. */
export const ratingsInWords = (ratings: HealthRatings): string =>
  HEALTH_ASPECTS.map((a) => `${a === 'overall' ? 'Overall' : a} ${ratings[a].rag}${ratings[a].reason ? ` (${ratings[a].reason})` : ''}`).join(', ');

/** What changed between two settings, in words, for a card refused as out of date. */
export function healthChange(update: HealthUpdate): string {
  return `${update.setBy} ${update.confirmed ? 'confirmed' : 'set'} the status on ${ukDate(update.setAt)}: ${ratingsInWords(update.ratings)}.`;
}

/** What the reminder asks when a status is due on `today` (never set, or its rhythm has come round); null when it is not due. */
export function healthAsked(latest: HealthUpdate | undefined, today: string, rhythm: HealthRhythm): string | null {
  if (!latest) return 'Set its health status: overall, time, cost and scope, green, amber or red.';
  const on = setOn(latest);
  if (today < nextDue(on, rhythm)) return null;
  return `Update its health status, last set on ${ukDate(on)}: ${ratingsInWords(latest.ratings)}.`;
}
