import { z } from 'zod';
import { discardDraft } from '../../app/requests/discard-draft';
import { openDraft } from '../../app/requests/open-draft';
import { saveDraft } from '../../app/requests/save-draft';
import { submitRequest } from '../../app/requests/submit-request';
import { ukDateTime } from '../../domain/dates';
import { requestFormCard } from '../../presenters/request-form';
import { requestSubmittedCard } from '../../presenters/request-submitted';
import { similarRequestsCard } from '../../presenters/similar-requests';
import { card, text, type Reply } from '../reply';
import { submitForm } from './form';
import { formId } from './schemas';
import { verb, type VerbContext } from './verb';

/** The request form's actions: submit, save a draft, and the choices after similar requests were shown. */

/** The form's id, plus (for submit and draft) every input of the form, which Teams merges into the data. */
const formData = z.object({ formId }).loose();

/** Submits the form (or, after the similar requests, the saved draft): problems come back on the form, with what was typed. */
function submit(ctx: VerbContext, data: z.output<typeof formData>, anyway: boolean, fromDraft: boolean): Promise<Reply> {
  const { formId: id, ...form } = data;
  return submitForm(
    form,
    z.unknown(),
    async () => {
      const result = await submitRequest(ctx.deps, ctx.actor, { formId: id, form: fromDraft ? undefined : form, anyway });
      if (result.kind === 'similar') return card(similarRequestsCard(result.formId, result.title, result.matches));
      ctx.log.info({ reference: result.request.reference }, 'request submitted');
      return card(requestSubmittedCard(result.request));
    },
    async (again) => card(requestFormCard({ formId: id, values: again.values, errors: again.errors, notice: again.notice })),
  );
}

export const requestSubmit = verb('request.submit', formData, (ctx, data) => submit(ctx, data, false, false));
export const requestConfirm = verb('request.confirm', formData, (ctx, data) => submit(ctx, data, true, true));

export const requestDraft = verb('request.draft', formData, async ({ deps, actor }, { formId: id, ...form }) => {
  const draft = await saveDraft(deps, actor, id, form);
  return card(requestFormCard({ formId: id, values: draft.values, errors: {}, notice: `Draft saved ${ukDateTime(draft.updatedAt)}. Submit an idea later to continue it.` }));
});

export const requestEdit = verb('request.edit', formData, async ({ deps, actor }, data) => {
  const draft = await openDraft(deps, actor, data.formId);
  return card(requestFormCard({ formId: draft.formId, values: draft.values, errors: {} }));
});

export const requestDiscard = verb('request.discard', formData, async ({ deps, actor }, data) => {
  await discardDraft(deps, actor, data.formId);
  return text('Discarded: nothing was submitted, and the draft is gone. Type "new" whenever you want to submit an idea.');
});
