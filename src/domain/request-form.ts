import { z } from 'zod';
import { BENEFICIARY_IDS, PRINCIPLE_IDS, ROUTE_IDS, ROUTES_NEEDING_JUSTIFICATION, STRAND_IDS } from './catalogue';
import type { RequestDetails } from './request';

export const LIMITS = { title: 120, text: 4000, amountMax: 100_000_000 } as const;

/** The request form's fields, exactly as the card names its inputs. */
export const FORM_FIELDS = [
  'title',
  'problem',
  'outcome',
  'beneficiaries',
  'strand',
  'principles',
  'principlesHow',
  'reuseChecked',
  'route',
  'routeJustification',
  'personalData',
  'oneOffCost',
  'annualBenefit',
  'desiredStart',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

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

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
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
  title: text('a title', LIMITS.title),
  problem: text('the problem to solve', LIMITS.text),
  outcome: text('the intended outcome for customers', LIMITS.text),
  beneficiaries: list(BENEFICIARY_IDS, 'Choose who benefits.'),
  strand: z.enum(STRAND_IDS, { error: 'Choose a programme strand.' }),
  principles: list(PRINCIPLE_IDS, 'Choose at least one principle.'),
  principlesHow: text('how it supports those principles', LIMITS.text),
  reuseChecked: text('what existing council, shared or national solution you checked', LIMITS.text),
  route: z.enum(ROUTE_IDS, { error: 'Choose the proposed route.' }),
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

/** Rules beyond single fields (or needing today's date), checked even when other fields are wrong so every problem shows at once. */
function furtherProblems(values: FormValues, today: string): FieldErrors {
  const errors: FieldErrors = {};
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

/** Validates the request form; `today` is the ISO date from the clock. */
export function validateRequestForm(raw: unknown, today: string): FormResult {
  const values = formValuesFrom(raw);
  const parsed = SCHEMA.safeParse(values);
  const errors = furtherProblems(values, today);
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
