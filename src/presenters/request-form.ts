import { BENEFICIARIES, PRINCIPLES, ROUTES, STRANDS } from '../domain/catalogue';
import { FORM_FIELDS, type FieldErrors, type FormField, type FormValues, LIMITS, isIsoDate } from '../domain/request-form';
import { nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';
import type { Choice, RequestFormData } from './types';

const choicesOf = (list: readonly { id: string; name: string }[]): Choice[] =>
  list.map((x) => ({ title: x.name, value: x.id }));

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

const problemsNotice = (count: number): string =>
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
