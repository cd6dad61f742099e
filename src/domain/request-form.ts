import { z } from 'zod';
import { BENEFICIARY_IDS, PRINCIPLE_IDS, ROUTE_IDS, ROUTES_NEEDING_JUSTIFICATION, STRAND_IDS } from './catalogue';
import type { RequestDetails } from './request';

export const LIMITS = { title: 120, text: 4000, amountMax: 100_000_000 } as const;

/** The catalogue choice's value for "None of these" (an entry's id is never this). */
export const NONE_OF_THESE = 'none';

/** The request form's fields, exactly as the card names its inputs. */
export const FORM_FIELDS = [
  'title',
  'problem',
  'outcome',
  'beneficiaries',
  'strand',
  'principles',
  'principlesHow',
  'reuseSolution',
  'reuseChecked',
  'route',
  'routeJustification',
  'personalData',
  'oneOffCost',
  'annualBenefit',
  'desiredStart',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The form's three short steps, in order, each with the fields it asks for. */
export const FORM_STEPS = [
  { title: 'About the idea', fields: ['title', 'problem', 'outcome', 'beneficiaries'] },
  { title: 'Fit with the strategy', fields: ['strand', 'principles', 'principlesHow', 'personalData'] },
  { title: 'Re-use, cost and timing', fields: ['reuseSolution', 'reuseChecked', 'route', 'routeJustification', 'oneOffCost', 'annualBenefit', 'desiredStart'] },
] as const satisfies readonly { title: string; fields: readonly FormField[] }[];
/** A step's number, from 1. */
export type FormStep = 1 | 2 | 3;
export const STEP_COUNT = FORM_STEPS.length;

const fieldsOf = (step: FormStep): readonly FormField[] => FORM_STEPS[step - 1].fields;

/** The problems that belong to one step. */
export function stepErrors(errors: FieldErrors, step: FormStep): FieldErrors {
  return Object.fromEntries(fieldsOf(step).filter((f) => errors[f]).map((f) => [f, errors[f]]));
}

/** The first step with a problem, or null when there is none. */
export function firstStepWithErrors(errors: FieldErrors): FormStep | null {
  for (const step of [1, 2, 3] as const) if (Object.keys(stepErrors(errors, step)).length) return step;
  return null;
}

/**
 * The saved values with one step's inputs replaced by what the card sent: an input the card did not send
 * (a multi-select with nothing chosen) is empty, and fields of other steps keep their saved values.
 */
export function withStep(saved: FormValues, typed: unknown, step: FormStep): FormValues {
  const sent = formValuesFrom(typed);
  const values: FormValues = { ...saved };
  for (const field of fieldsOf(step)) values[field] = sent[field] ?? '';
  return values;
}

/** True when the card sent any of the step's inputs (Back sends none from Teams; some clients send them all). */
export const sentAnyOf = (typed: unknown, step: FormStep): boolean => fieldsOf(step).some((f) => formValuesFrom(typed)[f] !== undefined);

/** Where a form reopened from its values starts: the first step still to complete, or step 1 when all are. */
export const resumeStep = (values: FormValues, today: string): FormStep => {
  const result = validateRequestForm(values, today);
  return result.ok ? 1 : (firstStepWithErrors(result.errors) ?? 1);
};

/** What the person typed, as text, so a form sent back shows it unchanged. */
export type FormValues = Partial<Record<FormField, string>>;
export type FieldErrors = Partial<Record<FormField, string>>;

export type FormResult = { ok: true; details: RequestDetails } | { ok: false; errors: FieldErrors; values: FormValues };

/** Keeps only the form's own fields, as strings no longer than a sane bound (cards send strings, numbers or booleans). */
export function formValuesFrom(raw: unknown): FormValues {
  const values: FormValues = {};
  if (raw === null || typeof raw !== 'object') return values;
  const record = raw as Record<string, unknown>;
  for (const field of FORM_FIELDS) {
    const v = record[field];
    if (typeof v === 'string') values[field] = v.slice(0, LIMITS.text * 2);
    else if (typeof v === 'number' || typeof v === 'boolean') values[field] = String(v);
  }
  return values;
}

/** What an empty required input says, on the card (Teams checks it first) and from the server alike. */
export const REQUIRED_MESSAGES = {
  title: 'Enter a title.',
  problem: 'Enter the problem to solve.',
  outcome: 'Enter the intended outcome for customers.',
  beneficiaries: 'Choose who benefits.',
  strand: 'Choose a programme strand.',
  principles: 'Choose at least one principle.',
  principlesHow: 'Enter how it supports those principles.',
  reuseChecked: 'Enter what existing council, shared or national solution you checked.',
  route: 'Choose the proposed route.',
} as const satisfies Partial<Record<FormField, string>>;
export type RequiredField = keyof typeof REQUIRED_MESSAGES;

const text = (field: RequiredField, label: string, max: number) =>
  z
    .string({ error: REQUIRED_MESSAGES[field] })
    .trim()
    .min(1, REQUIRED_MESSAGES[field])
    .max(max, `Keep ${label} to ${max.toLocaleString('en-GB')} characters or fewer.`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} to ${max.toLocaleString('en-GB')} characters or fewer.`)
    .optional()
    .transform((v) => (v ? v : null));

const list = <T extends string>(ids: readonly [T, ...T[]], message: string) =>
  z
    .string({ error: message })
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ids, { error: message })).min(1, message))
    .transform((v) => [...new Set(v)]);

const amount = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const cleaned = v.replace(/^£/, '').replace(/,/g, '');
      const n = Number(cleaned);
      if (!/^\d+(\.\d{1,2})?$/.test(cleaned) || !Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: `Enter ${label} as a number of pounds, like 25000.` });
        return z.NEVER;
      }
      if (n > LIMITS.amountMax) {
        ctx.addIssue({ code: 'custom', message: `Enter ${label} between £0 and £100,000,000.` });
        return z.NEVER;
      }
      return Math.round(n);
    });

const SCHEMA = z.object({
  title: text('title', 'the title', LIMITS.title),
  problem: text('problem', 'the problem to solve', LIMITS.text),
  outcome: text('outcome', 'the intended outcome for customers', LIMITS.text),
  beneficiaries: list(BENEFICIARY_IDS, REQUIRED_MESSAGES.beneficiaries),
  strand: z.enum(STRAND_IDS, { error: REQUIRED_MESSAGES.strand }),
  principles: list(PRINCIPLE_IDS, REQUIRED_MESSAGES.principles),
  principlesHow: text('principlesHow', 'how it supports those principles', LIMITS.text),
  reuseSolution: z
    .string()
    .trim()
    .max(64, 'That is not an entry in the catalogue: choose one from the list, or None of these.')
    .optional()
    .transform((v) => v || null),
  reuseChecked: text('reuseChecked', 'what existing council, shared or national solution you checked', LIMITS.text),
  route: z.enum(ROUTE_IDS, { error: REQUIRED_MESSAGES.route }),
  routeJustification: optionalText('the justification', LIMITS.text),
  personalData: z
    .string()
    .optional()
    .transform((v) => v === 'true'),
  oneOffCost: amount('the one-off cost'),
  annualBenefit: amount('the annual saving or benefit'),
  desiredStart: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!isIsoDate(v)) {
        ctx.addIssue({ code: 'custom', message: 'Enter the desired start as a date, like 2027-01-14.' });
        return z.NEVER;
      }
      return v;
    }),
});

const JUSTIFICATION_NEEDED = 'Explain why re-using or sharing an existing solution will not do: buying or building is the last resort.';

/**
 * The catalogue entry the form's choice names, as the store holds it (null when there is none by that id), for
 * the check that it is one still offered; absent when the entry was not looked up (nothing is checked).
 */
export interface ChosenEntry {
  entry: { id: string; name: string; retired: boolean } | null;
}

/** What is wrong with the catalogue choice: an id the catalogue does not hold, or an entry since retired. */
function chosenEntryProblem(values: FormValues, chosen: ChosenEntry | undefined): string | null {
  const id = values.reuseSolution?.trim();
  if (!id || id === NONE_OF_THESE || !chosen) return null;
  const { entry } = chosen;
  if (!entry || entry.id !== id) return 'That is not an entry in the catalogue: choose one from the list, or None of these.';
  return entry.retired ? `${entry.name} has been retired from the catalogue: choose another entry, or None of these.` : null;
}

/** Rules beyond single fields (or needing today's date), checked even when other fields are wrong so every problem shows at once. */
function furtherProblems(values: FormValues, today: string, chosen: ChosenEntry | undefined): FieldErrors {
  const errors: FieldErrors = {};
  const entryProblem = chosenEntryProblem(values, chosen);
  if (entryProblem) errors.reuseSolution = entryProblem;
  if ((ROUTES_NEEDING_JUSTIFICATION as readonly string[]).includes(values.route ?? '') && !values.routeJustification?.trim()) {
    errors.routeJustification = JUSTIFICATION_NEEDED;
  }
  const start = values.desiredStart?.trim();
  if (start && isIsoDate(start) && start < today) errors.desiredStart = 'The desired start cannot be in the past.';
  return errors;
}

export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * Validates the request form; `today` is the ISO date from the clock; `chosen`, the catalogue entry the choice
 * names as looked up in the store (see ChosenEntry).
 */
export function validateRequestForm(raw: unknown, today: string, chosen?: ChosenEntry): FormResult {
  const values = formValuesFrom(raw);
  const parsed = SCHEMA.safeParse(values);
  const errors = furtherProblems(values, today, chosen);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, details: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as FormField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors, values };
}

/** The form's values for a stored request, to open it again for editing. */
export function formValuesOf(d: RequestDetails): FormValues {
  return {
    title: d.title,
    problem: d.problem,
    outcome: d.outcome,
    beneficiaries: d.beneficiaries.join(','),
    strand: d.strand,
    principles: d.principles.join(','),
    principlesHow: d.principlesHow,
    reuseSolution: d.reuseSolution ?? '',
    reuseChecked: d.reuseChecked,
    route: d.route,
    routeJustification: d.routeJustification ?? '',
    personalData: String(d.personalData),
    oneOffCost: d.oneOffCost === null ? '' : String(d.oneOffCost),
    annualBenefit: d.annualBenefit === null ? '' : String(d.annualBenefit),
    desiredStart: d.desiredStart ?? '',
  };
}

export interface Draft {
  /** The form card the draft belongs to; submitting that card consumes the draft. */
  formId: string;
  personId: string;
  values: FormValues;
  createdAt: string;
  updatedAt: string;
}
