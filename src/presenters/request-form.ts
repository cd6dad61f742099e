import { BENEFICIARIES, PRINCIPLES, ROUTES, STRANDS } from '../domain/catalogue';
import { FORM_FIELDS, FORM_STEPS, type FieldErrors, type FormField, type FormStep, type FormValues, LIMITS, NONE_OF_THESE, REQUIRED_MESSAGES, STEP_COUNT, isIsoDate, stepErrors } from '../domain/request-form';
import type { OfferedSolution } from '../domain/solutions';
import { CARD_BUDGET_BYTES, countsDown, fitToSize } from './fit';
import { clip, nonBlank } from './format';
import { type AdaptiveCardJson, cardBytes } from './render';
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
  reuseSolution: 64,
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
  /**
   * The catalogue entries step 3 offers, the most relevant first (see offeredForIdea): the card holds as many as
   * fit in its size, shown by name, and says when some are left out. None or empty: step 3 asks in words only.
   */
  catalogue?: readonly OfferedSolution[];
}

/** How an entry reads in the choice: its name and the service that owns it. */
const entryTitle = (s: OfferedSolution): string => clip(`${s.name} (${s.owningService})`, 160);

/**
 * The most entries that could fit at all: their choices alone fill the card. Fitting starts there, not at 2,000
 * (a card of 2,000 choices drawn only to be refused costs half a second).
 */
function mostThatCouldFit(offered: readonly OfferedSolution[]): number {
  let bytes = 0;
  for (let i = 0; i < offered.length; i++) {
    bytes += cardBytes({ title: entryTitle(offered[i]), value: offered[i].id });
    if (bytes > CARD_BUDGET_BYTES) return i;
  }
  return offered.length;
}

/** The catalogue's first `count` entries as the card's choice, by name after "None of these", and what is left out. */
function catalogueChoices(offered: readonly OfferedSolution[], count: number): NonNullable<RequestFormData['catalogue']> {
  const shown = offered.slice(0, count).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const choices = [{ title: 'None of these', value: NONE_OF_THESE }, ...shown.map((s) => ({ title: entryTitle(s), value: s.id }))];
  if (shown.length === offered.length) return { choices };
  const note = `The ${shown.length.toLocaleString('en-GB')} entries closest to your idea and its strand, of ${offered.length.toLocaleString('en-GB')} in the catalogue. Not listed? Choose None of these and say below what you checked, or type "catalogue" and a few words to search it all.`;
  return { choices, note };
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
  const offered = step === 3 ? (input.catalogue ?? []) : [];
  // As many entries as the card holds (2,000 do not fit in 28 KB): the most relevant ones, shown by name.
  return fitToSize('request-form', offered.length ? countsDown(mostThatCouldFit(offered)) : [0], (count) => (offered.length ? { ...data, catalogue: catalogueChoices(offered, count) } : data));
}
