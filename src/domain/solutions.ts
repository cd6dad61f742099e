import { z } from 'zod';
import { STRAND_IDS, STRANDS, type StrandId } from './catalogue';
import { isIsoDate, NONE_OF_THESE } from './request-form';
import { rankMatches, type Scored, termsOf } from './similarity';

/**
 * The re-use catalogue: the solutions the council already has or shares, so that "share and re-use before buying
 * and only build as a final recourse" starts from what exists. (Not to be confused with catalogue.ts, the
 * strategy's fixed vocabularies.) An entry is owned by a service, never by a person: it holds no personal data.
 */
export interface Solution {
  id: string;
  name: string;
  whatItDoes: string;
  /** The council service that owns it (e.g. "Customer Services"), never a person. */
  owningService: string;
  strands: StrandId[];
  keywords: string[];
  sharedWithPartners: boolean;
  /** With whom it is shared, when it is. */
  sharedWith: string | null;
  /** The licence or contract end date (yyyy-mm-dd), or null when there is none. */
  contractEnds: string | null;
  /** An https link to more about it. */
  link: string | null;
  /** A retired entry stays on record but is no longer offered for re-use. */
  retired: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a person (or a CSV row) gives for an entry: the fields as typed. */
export const SOLUTION_FIELDS = ['name', 'whatItDoes', 'owningService', 'strands', 'keywords', 'sharedWithPartners', 'sharedWith', 'contractEnds', 'link'] as const;
export type SolutionField = (typeof SOLUTION_FIELDS)[number];
export type SolutionValues = Partial<Record<SolutionField, string>>;
export type SolutionDetails = Pick<Solution, 'name' | 'whatItDoes' | 'owningService' | 'strands' | 'keywords' | 'sharedWithPartners' | 'sharedWith' | 'contractEnds' | 'link'>;
export type SolutionResult = { ok: true; details: SolutionDetails } | { ok: false; errors: Partial<Record<SolutionField, string>>; values: SolutionValues };

export const SOLUTION_LIMITS = { name: 120, whatItDoes: 1000, owningService: 120, keywords: 20, keyword: 40, sharedWith: 500, link: 2000 } as const;

const required = (message: string, label: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Keep ${label} to ${max.toLocaleString('en-GB')} characters or fewer.`);

/** A strand given by its id or its name, case aside ("learning" or "Digital Learning"). */
function strandIdOf(word: string): StrandId | null {
  const w = word.trim().toLowerCase();
  return STRANDS.find((s) => s.id === w || s.name.toLowerCase() === w)?.id ?? null;
}

const STRANDS_MESSAGE = `Choose at least one strand (${STRANDS.map((s) => s.name).join(', ')}).`;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const YES = ['true', 'yes', 'y'];
const NO = ['', 'false', 'no', 'n'];

const SCHEMA = z.object({
  name: required('Give the name of the solution.', 'the name', SOLUTION_LIMITS.name),
  whatItDoes: required('Say what it does.', 'what it does', SOLUTION_LIMITS.whatItDoes),
  owningService: required('Give the council service that owns it.', 'the owning service', SOLUTION_LIMITS.owningService).refine(
    (v) => !EMAIL.test(v),
    'Give the owning service (like "Customer Services"), not a person or an email address.',
  ),
  strands: z.string({ error: STRANDS_MESSAGE }).transform((v, ctx) => {
    const words = v.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    const ids = words.map(strandIdOf);
    const unknown = words.filter((_, i) => ids[i] === null);
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `"${unknown[0]}" is not a strand. ${STRANDS_MESSAGE}` });
    else if (words.length === 0) ctx.addIssue({ code: 'custom', message: STRANDS_MESSAGE });
    return [...new Set(ids.filter((id): id is StrandId => id !== null))].sort((a, b) => STRAND_IDS.indexOf(a) - STRAND_IDS.indexOf(b));
  }),
  keywords: z
    .string()
    .optional()
    .transform((v) => [...new Set((v ?? '').split(/[,;]/).map((s) => s.trim().toLowerCase()).filter(Boolean))])
    .refine((k) => k.length <= SOLUTION_LIMITS.keywords, `Give at most ${SOLUTION_LIMITS.keywords} keywords.`)
    .refine((k) => k.every((w) => w.length <= SOLUTION_LIMITS.keyword), `Keep each keyword to ${SOLUTION_LIMITS.keyword} characters or fewer.`),
  sharedWithPartners: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const w = (v ?? '').trim().toLowerCase();
      if (YES.includes(w)) return true;
      if (NO.includes(w)) return false;
      ctx.addIssue({ code: 'custom', message: 'Say whether it is shared with partners: yes or no.' });
      return z.NEVER;
    }),
  sharedWith: z
    .string()
    .trim()
    .max(SOLUTION_LIMITS.sharedWith, `Keep the partners to ${SOLUTION_LIMITS.sharedWith} characters or fewer.`)
    .optional()
    .transform((v) => v || null),
  contractEnds: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), 'Enter the licence or contract end date as a date, like 2027-03-31.'),
  link: z
    .string()
    .trim()
    .max(SOLUTION_LIMITS.link, 'The link is too long.')
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https:\/\/[^\s]+$/i.test(v), 'Enter the link as a full https:// address.'),
});

/** Only the fields of an entry, each as text (a toggle's true/false too). */
export function solutionValuesFrom(raw: unknown): SolutionValues {
  const values: SolutionValues = {};
  if (!raw || typeof raw !== 'object') return values;
  for (const field of SOLUTION_FIELDS) {
    const v = (raw as Record<string, unknown>)[field];
    if (typeof v === 'string') values[field] = v;
    else if (typeof v === 'boolean') values[field] = String(v);
  }
  return values;
}

/** Checks an entry as typed; every problem at once, by field, with what was typed kept. */
export function validateSolution(raw: unknown): SolutionResult {
  const values = solutionValuesFrom(raw);
  const parsed = SCHEMA.safeParse(values);
  const errors: Partial<Record<SolutionField, string>> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as SolutionField;
    errors[field] ??= issue.message;
  }
  if (parsed.success && parsed.data.sharedWithPartners && !parsed.data.sharedWith) errors.sharedWith = 'Say which partners it is shared with.';
  // The catalogue is published as open data: no email address (a person's, most likely) anywhere in it.
  for (const field of ['name', 'whatItDoes', 'keywords', 'sharedWith'] as const) {
    if (EMAIL.test(values[field] ?? '')) errors[field] ??= 'Leave out email addresses: the catalogue is published as open data. Name the service instead.';
  }
  if (parsed.success && Object.keys(errors).length === 0) {
    const d = parsed.data;
    return { ok: true, details: { ...d, sharedWith: d.sharedWithPartners ? d.sharedWith : null } };
  }
  return { ok: false, errors, values };
}

/** An entry's fields as the form shows them. */
export function solutionValuesOf(s: SolutionDetails): SolutionValues {
  return {
    name: s.name,
    whatItDoes: s.whatItDoes,
    owningService: s.owningService,
    strands: s.strands.join(','),
    keywords: s.keywords.join(', '),
    sharedWithPartners: String(s.sharedWithPartners),
    sharedWith: s.sharedWith ?? '',
    contractEnds: s.contractEnds ?? '',
    link: s.link ?? '',
  };
}

/** How far ahead a contract end is flagged, so a replacement can be planned and joined up with the strategy. */
export const CONTRACT_NOTICE_MONTHS = 6;

/** A yyyy-mm-dd date `months` later (the month's last day when it has no such day: 31 Aug + 6 → 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export type ContractState = 'none' | 'running' | 'ending' | 'ended';

/** Where an entry's licence or contract stands on `today` (the clock's London date): ended on or before today, or ending within 6 months. */
export function contractState(s: Pick<Solution, 'contractEnds'>, today: string): ContractState {
  if (!s.contractEnds) return 'none';
  if (s.contractEnds <= today) return 'ended';
  return s.contractEnds <= addMonths(today, CONTRACT_NOTICE_MONTHS) ? 'ending' : 'running';
}

export const CONTRACT_WORDS: Record<ContractState, string> = {
  none: 'No licence or contract end date',
  running: 'Contract runs',
  ending: 'Contract ends within 6 months',
  ended: 'Contract ended',
};

/** The terms an entry is matched by: its name as the title; what it does and its keywords as the body. */
export const solutionTerms = (s: Pick<Solution, 'name' | 'whatItDoes' | 'keywords'>): string[] => termsOf(s.name, `${s.whatItDoes} ${s.keywords.join(' ')}`);

/**
 * An entry's terms, worked out once per entry: a submission is matched against the whole catalogue, and reducing
 * 2,000 entries to their terms each time would cost more than the rest of the submission. Entries are never
 * changed in place (an edit is a new object), and the store hands out the same objects while it holds them.
 */
const TERM_SETS = new WeakMap<Solution, Set<string>>();
function termSetOf(s: Solution): Set<string> {
  let terms = TERM_SETS.get(s);
  if (!terms) {
    terms = new Set(solutionTerms(s));
    TERM_SETS.set(s, terms);
  }
  return terms;
}

export interface SolutionMatch {
  id: string;
  name: string;
  owningService: string;
  link: string | null;
  contractEnds: string | null;
  contract: ContractState;
  score: number;
}

/**
 * Entries matching an idea's terms, best first, scored by the same engine as similar requests (the cosine of the
 * term sets, the same threshold and the same number shown). Retired entries are not offered.
 */
export function matchSolutions(ideaTerms: readonly string[], solutions: readonly Solution[], today: string): SolutionMatch[] {
  const idea = new Set(ideaTerms);
  const candidates: Scored<Solution>[] = solutions
    .filter((s) => !s.retired)
    .map((s) => {
      const terms = termSetOf(s);
      let shared = 0;
      for (const t of idea) if (terms.has(t)) shared++;
      return { item: s, shared, termCount: terms.size };
    });
  return rankMatches(idea.size, candidates).map(({ item: s, score }) => ({
    id: s.id,
    name: s.name,
    owningService: s.owningService,
    link: s.link,
    contractEnds: s.contractEnds,
    contract: contractState(s, today),
    score,
  }));
}

/** An entry's name as it is kept unique: lower case, single spaces ("Room  Booking" is "room booking"). */
export const solutionNameKey = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();

/** The catalogue as `catalogue [words]` shows it: the entries found, each with its contract's state on `today`. */
export interface CatalogueView {
  query: string;
  entries: { solution: Solution; contract: ContractState }[];
  /** How many entries the catalogue holds in all. */
  total: number;
  /** The DSG and admins may add and edit entries. */
  canManage: boolean;
  today: string;
  notice?: string;
}

/** An entry opened in the form: a new one (no `solution`) or an existing one, with what was typed and its problems. */
export interface SolutionFormView {
  solution: Solution | null;
  values: SolutionValues;
  errors: Partial<Record<SolutionField, string>>;
  notice?: string;
}

/** A catalogue entry as the request form offers it: "What existing council, shared or national solution did you check?". */
export type OfferedSolution = Pick<Solution, 'id' | 'name' | 'owningService'>;

/**
 * The catalogue entry a request says its requester checked (its `reuseSolution`), as the catalogue holds it now:
 * 'none' for "None of these", 'gone' for an id the catalogue no longer holds, null when the form did not ask.
 */
export type CheckedSolution = { kind: 'entry'; name: string; owningService: string } | { kind: 'none' } | { kind: 'gone' } | null;

export function checkedSolution(reuseSolution: string | null, entry: Pick<Solution, 'id' | 'name' | 'owningService'> | null): CheckedSolution {
  if (reuseSolution === null) return null;
  if (reuseSolution === NONE_OF_THESE) return { kind: 'none' };
  return entry && entry.id === reuseSolution ? { kind: 'entry', name: entry.name, owningService: entry.owningService } : { kind: 'gone' };
}

/** What the form knows of the idea when it offers the catalogue: its terms, its strand and the entry already chosen. */
export interface IdeaForCatalogue {
  terms: readonly string[];
  strand: string | null;
  chosen: string | null;
}

/**
 * The entries the request form offers, the most relevant first, for a card that may not hold them all: the one
 * already chosen, then those matching the idea (the similarity engine's order), then those of its strand, then the
 * rest, each of the last two by name. Retired entries are not offered.
 */
export function offeredForIdea(solutions: readonly Solution[], idea: IdeaForCatalogue, today: string): OfferedSolution[] {
  const offered = solutions.filter((s) => !s.retired);
  const rank = new Map<string, number>();
  matchSolutions(idea.terms, offered, today).forEach((m, i) => rank.set(m.id, i));
  const group = (s: Solution): number => (s.id === idea.chosen ? 0 : rank.has(s.id) ? 1 : idea.strand && (s.strands as string[]).includes(idea.strand) ? 2 : 3);
  return offered
    .map((s) => ({ s, group: group(s) }))
    .sort((a, b) => a.group - b.group || (rank.get(a.s.id) ?? 0) - (rank.get(b.s.id) ?? 0) || a.s.name.localeCompare(b.s.name, 'en-GB'))
    .map(({ s }) => ({ id: s.id, name: s.name, owningService: s.owningService }));
}
