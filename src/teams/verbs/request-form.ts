import { z } from 'zod';
import { discardDraft } from '../../app/requests/discard-draft';
import { nextStep } from '../../app/requests/next-step';
import { openDraft } from '../../app/requests/open-draft';
import { previousStep } from '../../app/requests/previous-step';
import { saveDraft } from '../../app/requests/save-draft';
import { submitRequest } from '../../app/requests/submit-request';
import { ukDateTime } from '../../domain/dates';
import type { ProjectRequest } from '../../domain/request';
import type { AdaptiveCardJson } from '../../presenters/render';
import { type FormStep, type FormValues, STEP_COUNT, firstStepWithErrors } from '../../domain/request-form';
import { catalogueForForm } from '../../app/requests/form-catalogue';
import type { Deps } from '../../app/deps';
import { type RequestFormInput, requestFormCard } from '../../presenters/request-form';
import { requestSubmittedCard } from '../../presenters/request-submitted';
import { similarRequestsCard } from '../../presenters/similar-requests';
import { card, text, type Reply } from '../reply';
import { type FormAgain, submitForm } from './form';
import { formId } from './schemas';
import { verb, type VerbContext } from './verb';

/** The request form's actions: Next and Back between its steps, submit, and the choices after similar requests were shown. */

/** The form's id, plus (for Next, Back and Submit) the step's inputs, which Teams merges into the data. */
const formData = z.object({ formId }).loose();
const stepOf = (min: number, max: number) => z.coerce.number({ error: 'the form step is missing' }).int().min(min, 'the form step is not valid').max(max, 'the form step is not valid');
const stepData = (min: number, max: number) => z.object({ formId, step: stepOf(min, max) }).loose();
/** Cards from before the form had steps send every input and no step. */
const submitData = z.object({ formId, step: stepOf(1, STEP_COUNT).optional() }).loose();
/** The inputs themselves are checked by the use case, against the domain's rules (made once: a zod schema is costly to build). */
const checkedByUseCase = z.unknown();

/** The form at a step; the last step offers the catalogue's entries, the most relevant to the idea first. */
const formCard = async (deps: Deps, input: RequestFormInput): Promise<Reply> =>
  card(requestFormCard(input.step === 3 ? { ...input, catalogue: await catalogueForForm(deps, input.values ?? {}) } : input));

/** The form again after a problem: the first step with a problem, with what was typed, else the step it was on. */
const formAgain = (deps: Deps, id: string, step: FormStep, again: FormAgain): Promise<Reply> =>
  formCard(deps, { formId: id, step: firstStepWithErrors(again.errors ?? {}) ?? step, values: again.values, errors: again.errors, notice: again.notice });

/** The card that answers a stored request: the confirmation in the chat; another end where the form is in a dialog. */
export type Submitted = (request: ProjectRequest) => AdaptiveCardJson;

/** Submits the form (or, after the similar requests, the saved draft): problems come back on the form, with what was typed. */
function submit(ctx: VerbContext, data: z.output<typeof submitData>, anyway: boolean, fromDraft: boolean, submitted: Submitted): Promise<Reply> {
  const { formId: id, step, ...form } = data;
  return submitForm(
    form,
    checkedByUseCase,
    async () => {
      const result = await submitRequest(ctx.deps, ctx.actor, { formId: id, form: fromDraft ? undefined : form, anyway, step: step as FormStep | undefined });
      if (result.kind === 'similar') return card(similarRequestsCard(result.formId, result.title, result.matches, result.solutions));
      ctx.log.info({ reference: result.request.reference }, 'request submitted');
      return card(submitted(result.request));
    },
    (again) => formAgain(ctx.deps, id, (step ?? STEP_COUNT) as FormStep, again),
  );
}

/** Submit (the form's last step) and Submit anyway (after the similar requests), ending with `submitted`. */
export const submitVerbs = (submitted: Submitted) => ({
  submit: verb('request.submit', submitData, (ctx, data) => submit(ctx, data, false, false, submitted)),
  confirm: verb('request.confirm', formData, (ctx, data) => submit(ctx, data, true, true, submitted)),
});

export const { submit: requestSubmit, confirm: requestConfirm } = submitVerbs(requestSubmittedCard);

/** Next or Back: the step it moves to, with the saved answers, or this step again with its problems. */
const move = (deps: Deps, id: string, step: FormStep, form: Record<string, unknown>, to: () => Promise<{ step: FormStep; values: FormValues }>): Promise<Reply> =>
  submitForm(
    form,
    checkedByUseCase,
    async () => {
      const moved = await to();
      return formCard(deps, { formId: id, step: moved.step, values: moved.values });
    },
    (again) => formAgain(deps, id, step, again),
  );

export const requestNext = verb('request.next', stepData(1, STEP_COUNT - 1), ({ deps, actor }, { formId: id, step, ...form }) =>
  move(deps, id, step as FormStep, form, () => nextStep(deps, actor, id, step as 1 | 2, form)),
);

export const requestBack = verb('request.back', stepData(2, STEP_COUNT), ({ deps, actor }, { formId: id, step, ...form }) =>
  move(deps, id, step as FormStep, form, () => previousStep(deps, actor, id, step as 2 | 3, form)),
);

/** "Save draft" on form cards from before the form had steps. */
export const requestDraft = verb('request.draft', formData, async ({ deps, actor }, { formId: id, ...form }) => {
  const draft = await saveDraft(deps, actor, id, form);
  return card(requestFormCard({ formId: id, values: draft.values, errors: {}, notice: `Draft saved ${ukDateTime(draft.updatedAt)}. Submit an idea later to continue it.` }));
});

export const requestEdit = verb('request.edit', formData, async ({ deps, actor }, data) => {
  const { draft, step } = await openDraft(deps, actor, data.formId);
  return formCard(deps, { formId: draft.formId, step, values: draft.values, errors: {} });
});

export const requestDiscard = verb('request.discard', formData, async ({ deps, actor }, data) => {
  await discardDraft(deps, actor, data.formId);
  return text('Discarded: nothing was submitted, and the draft is gone. Type "new" whenever you want to submit an idea.');
});
