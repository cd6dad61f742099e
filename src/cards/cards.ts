import type { AuditEvent, Draft, Page, SimilarRequest } from '../app/ports';
import {
  BENEFICIARIES,
  PRINCIPLES,
  ROUTES,
  STRANDS,
  beneficiaryName,
  digitalLeaderTitle,
  principleName,
  routeName,
  strandName,
  type PrincipleId,
} from '../domain/catalogue';
import { ukDate, ukDateTime } from '../domain/dates';
import { STATUS_LABELS, type ProjectRequest } from '../domain/request';
import { FORM_FIELDS, LIMITS, isIsoDate, type FieldErrors, type FormField, type FormValues } from '../domain/request-form';
import { MAX_SIMILAR_SHOWN } from '../domain/similarity';
import { actionWords, clip, isHistoryEvent, pounds, summaryOf } from './format';
import { MAX_CARD_BYTES, cardBytes, render, type AdaptiveCardJson } from './render';
import type { Choice, HistoryLine, RequestDetailData, RequestFormData } from './types';

const choicesOf = (list: readonly { id: string; name: string }[]): Choice[] =>
  list.map((x) => ({ title: x.name, value: x.id }));

const nonBlank = (v: string | null | undefined): string | undefined => (v && v.trim() ? v : undefined);

// ---------------------------------------------------------------------------------------------
// welcome, help

/** After install, or a message the bot does not understand in personal chat. */
export function welcomeCard(firstName?: string | null, notUnderstood = false, privacyUrl?: string): AdaptiveCardJson {
  const name = nonBlank(firstName);
  return render('welcome', { ...(name ? { firstName: name.trim() } : {}), ...(notUnderstood ? { notUnderstood: true as const } : {}), ...(privacyUrl ? { privacyUrl } : {}) });
}

/** One line per principle; keyed by id so a change to the catalogue is a compile error here. */
const PRINCIPLE_SUMMARIES: Record<PrincipleId, string> = {
  'customer-focused': 'design services around the people who use them, online when it suits them.',
  'skilled-workforce': 'give staff the digital skills and tools to do their jobs well.',
  'privacy-openness': 'protect personal data, and be open about how services and data are used.',
  'collaboration-value': 'work with partners and re-use what exists, for the best value for public money.',
};

export function helpCard(): AdaptiveCardJson {
  return render('help', {
    principles: PRINCIPLES.map((p) => ({ name: p.name, summary: PRINCIPLE_SUMMARIES[p.id] })),
  });
}

// ---------------------------------------------------------------------------------------------
// request form

/** The `maxLength` each input has on the card: longer text cannot have come from it. */
const FIELD_MAX: Record<FormField, number> = {
  title: LIMITS.title,
  problem: LIMITS.text,
  outcome: LIMITS.text,
  beneficiaries: 200,
  strand: 50,
  principles: 200,
  principlesHow: LIMITS.text,
  reuseChecked: LIMITS.text,
  route: 50,
  routeJustification: LIMITS.text,
  personalData: 5,
  oneOffCost: 20,
  annualBenefit: 20,
  desiredStart: 10,
};

export interface RequestFormInput {
  formId: string;
  /** What the person typed, kept when the form is sent back. */
  values?: FormValues;
  /** One message per field, shown under its input. */
  errors?: FieldErrors;
  /**
   * A line at the top, e.g. 'Draft saved 27 Nov 2026, 09:30'. When there are errors and no notice,
   * the card says 'Please fix the N problems marked below.'
   */
  notice?: string;
}

/** Every field as text the inputs accept: '' when empty, never longer than the input allows. */
function formValuesForCard(values: FormValues): Required<FormValues> {
  const out = {} as Required<FormValues>;
  for (const field of FORM_FIELDS) {
    const v = values[field];
    out[field] = typeof v === 'string' ? Array.from(v).slice(0, FIELD_MAX[field]).join('') : '';
  }
  out.personalData = out.personalData === 'true' ? 'true' : 'false';
  if (!isIsoDate(out.desiredStart)) out.desiredStart = '';
  return out;
}

export const problemsNotice = (count: number): string =>
  count === 1 ? 'Please fix the problem marked below.' : `Please fix the ${count} problems marked below.`;

/** The request form: new, sent back with errors, or reopened from a draft. */
export function requestFormCard(input: RequestFormInput): AdaptiveCardJson {
  const errors: FieldErrors = {};
  for (const field of FORM_FIELDS) {
    const message = nonBlank(input.errors?.[field]);
    if (message) errors[field] = message;
  }
  const count = Object.keys(errors).length;
  const notice = nonBlank(input.notice) ?? (count > 0 ? problemsNotice(count) : undefined);
  const data: RequestFormData = {
    formId: input.formId,
    values: formValuesForCard(input.values ?? {}),
    errors,
    choices: {
      strands: choicesOf(STRANDS),
      principles: choicesOf(PRINCIPLES),
      beneficiaries: choicesOf(BENEFICIARIES),
      routes: choicesOf(ROUTES),
    },
  };
  if (notice) data.notice = notice;
  return render('request-form', data);
}

// ---------------------------------------------------------------------------------------------
// similar requests, submitted, draft offer

/** Shown before a request is stored when similar ones exist (at most MAX_SIMILAR_SHOWN of them). */
export function similarRequestsCard(formId: string, title: string, matches: readonly SimilarRequest[]): AdaptiveCardJson {
  return render('similar-requests', {
    formId,
    title,
    matches: matches.slice(0, MAX_SIMILAR_SHOWN).map((m) => ({
      reference: m.reference,
      title: m.title,
      statusLabel: STATUS_LABELS[m.status] ?? m.status,
      strandName: strandName(m.strand),
    })),
  });
}

/** Confirmation that replaces the form once the request is stored. */
export function requestSubmittedCard(request: ProjectRequest): AdaptiveCardJson {
  return render('request-submitted', {
    reference: request.reference,
    title: request.title,
    summary: summaryOf(request.problem),
    strandName: strandName(request.strand),
    digitalLeaderTitle: digitalLeaderTitle(request.strand),
    submittedAt: ukDateTime(request.createdAt),
  });
}

/** Offered when someone asks to submit an idea and has a saved draft. */
export function draftOfferCard(draft: Draft): AdaptiveCardJson {
  return render('draft-offer', {
    formId: draft.formId,
    title: clip(nonBlank(draft.values.title)?.trim() ?? 'Untitled idea', LIMITS.title),
    savedAt: ukDateTime(draft.updatedAt),
  });
}

// ---------------------------------------------------------------------------------------------
// my requests

/** One page of the person's own requests (`page.items` in the order given: the repository puts newest first). */
export function myRequestsCard(page: Page<ProjectRequest>, pageNo: number, pageSize: number): AdaptiveCardJson {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, not ${pageSize}`);
  const current = Number.isInteger(pageNo) && pageNo >= 1 ? pageNo : 1;
  const pages = Math.max(1, Math.ceil(page.total / pageSize));
  return render('my-requests', {
    items: page.items.map((r) => ({
      reference: r.reference,
      title: r.title,
      statusLabel: STATUS_LABELS[r.status] ?? r.status,
      strandName: strandName(r.strand),
      updated: ukDate(r.updatedAt),
    })),
    page: current,
    pages,
    total: page.total,
    hasPrevious: current > 1,
    hasNext: current < pages,
  });
}

// ---------------------------------------------------------------------------------------------
// request detail

/** Most recent history lines shown; older ones are counted in a note. */
export const MAX_HISTORY_SHOWN = 10;
/** Fitting stops here so a long text is never cut to less than this many characters. */
const MIN_KEPT_CHARS = 400;
/** Bytes the detail card is fitted to, leaving room under MAX_CARD_BYTES. */
const DETAIL_BUDGET_BYTES = MAX_CARD_BYTES - 1024;
const SHORTENED = ' … (shortened to fit this card)';
const LONG_FIELDS = ['problem', 'outcome', 'principlesHow', 'reuseChecked', 'routeJustification'] as const;

export function historyLines(events: readonly AuditEvent[]): { lines: HistoryLine[]; omitted: number } {
  const done = events.filter(isHistoryEvent).sort((a, b) => a.at.localeCompare(b.at));
  const shown = done.slice(-MAX_HISTORY_SHOWN);
  return {
    lines: shown.map((e) => ({
      when: ukDateTime(e.at),
      who: nonBlank(e.actorName)?.trim() ?? 'dsg-bot',
      what: actionWords(e.action, e.after),
    })),
    omitted: done.length - shown.length,
  };
}

/** One request in full, with its history; the Withdraw button only when `canWithdraw`. */
export function requestDetailCard(
  request: ProjectRequest,
  history: readonly AuditEvent[],
  canWithdraw: boolean,
): AdaptiveCardJson {
  const { lines, omitted } = historyLines(history);
  const data: RequestDetailData = {
    reference: request.reference,
    title: request.title,
    statusLabel: STATUS_LABELS[request.status] ?? request.status,
    strandName: strandName(request.strand),
    digitalLeaderTitle: digitalLeaderTitle(request.strand),
    requesterName: nonBlank(request.requesterName)?.trim() ?? 'Unknown',
    submitted: ukDateTime(request.createdAt),
    updated: ukDateTime(request.updatedAt),
    problem: request.problem,
    outcome: request.outcome,
    beneficiaries: request.beneficiaries.map(beneficiaryName).join(', '),
    principles: request.principles.map(principleName).join(', '),
    principlesHow: request.principlesHow,
    reuseChecked: request.reuseChecked,
    routeName: routeName(request.route),
    personalData: request.personalData ? 'Yes – a data protection impact assessment will be needed' : 'No',
    history: lines,
    canWithdraw,
    version: request.version,
  };
  const justification = nonBlank(request.routeJustification);
  if (justification) data.routeJustification = justification;
  if (request.oneOffCost !== null) data.oneOffCost = pounds(request.oneOffCost);
  if (request.annualBenefit !== null) data.annualBenefit = pounds(request.annualBenefit);
  if (request.desiredStart) data.desiredStart = ukDate(request.desiredStart);
  if (omitted > 0) data.historyNote = omitted === 1 ? '1 earlier change is not shown.' : `${omitted} earlier changes are not shown.`;
  return fitDetail(data);
}

/**
 * Renders the detail card and, only if it is over budget (long texts in a script with multi-byte
 * characters), shortens the longest texts until it fits. Plain 4,000-character texts fit as they are.
 */
function fitDetail(data: RequestDetailData): AdaptiveCardJson {
  let card = render('request-detail', data);
  for (let round = 0; round < 20; round++) {
    const over = cardBytes(card) - DETAIL_BUDGET_BYTES;
    if (over <= 0) break;
    const longest = LONG_FIELDS.map((f) => ({ f, len: Array.from(data[f] ?? '').length }))
      .filter((x) => x.len > MIN_KEPT_CHARS)
      .sort((a, b) => b.len - a.len)[0];
    if (!longest) break;
    // Every character is at least one byte, so cutting `over` characters (and a margin) removes at least `over` bytes.
    const keep = Math.max(MIN_KEPT_CHARS, longest.len - over - SHORTENED.length - 200);
    data[longest.f] = clip(data[longest.f] ?? '', keep).replace(/…$/, SHORTENED);
    card = render('request-detail', data);
  }
  return card;
}
