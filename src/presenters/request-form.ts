import { BENEFICIARIES, PRINCIPLES, ROUTES, STRANDS } from '../domain/catalogue';
import { FORM_FIELDS, FORM_STEPS, type FieldErrors, type FormField, type FormStep, type FormValues, LIMITS, REQUIRED_MESSAGES, STEP_COUNT, isIsoDate, stepErrors } from '../domain/request-form';
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
  /** The step shown (1 when not given). */
  step?: FormStep;
  /** What the person typed, kept when the form is sent back. */
  values?: FormValues;
  /** One message per field, shown under its input (only the shown step's). */
  errors?: FieldErrors;
  /**
   * A line at the top, e.g. 'This card is out of date.'. When the step has errors, the card says
   * 'Please fix the N problems marked below.' at the top (unless there is a notice) and beside Next or Submit.
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

const problemsNotice = (count: number, where: 'below' | 'above'): string =>
  count === 1 ? `Please fix the problem marked ${where}.` : `Please fix the ${count} problems marked ${where}.`;

/** The request form, one step at a time: new, sent back with errors, or reopened from a draft. */
export function requestFormCard(input: RequestFormInput): AdaptiveCardJson {
  const step = input.step ?? 1;
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(stepErrors(input.errors ?? {}, step))) {
    const text = nonBlank(message);
    if (text) errors[field as FormField] = text;
  }
  const count = Object.keys(errors).length;
  const notice = nonBlank(input.notice) ?? (count > 0 ? problemsNotice(count, 'below') : undefined);
  const problems = count > 0 ? problemsNotice(count, 'above') : undefined;
  const data: RequestFormData = {
    formId: input.formId,
    step,
    stepCount: STEP_COUNT,
    stepLabel: `Step ${step} of ${STEP_COUNT}: ${FORM_STEPS[step - 1].title}`,
    values: formValuesForCard(input.values ?? {}),
    errors,
    required: REQUIRED_MESSAGES,
    choices: {
      strands: choicesOf(STRANDS),
      principles: choicesOf(PRINCIPLES),
      beneficiaries: choicesOf(BENEFICIARIES),
      routes: choicesOf(ROUTES),
    },
  };
  if (notice) data.notice = notice;
  if (problems) data.problems = problems;
  return render('request-form', data);
}
