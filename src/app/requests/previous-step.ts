import type { Actor } from '../../domain/people';
import { type FormStep, type FormValues, sentAnyOf, withStep } from '../../domain/request-form';
import type { Deps } from '../deps';
import { assertNotSubmitted, findOwnDraft } from './find-draft';
import { keepDraft } from './save-draft';

/**
 * "Back" on a step of the request form: checks nothing. Whatever the card sent of this step is kept in the draft
 * (Teams sends nothing from Back, so nothing is checked; other clients may send the inputs), and the previous
 * step comes back with its saved values.
 */
export async function previousStep(deps: Deps, actor: Actor, formId: string, step: 2 | 3, form: unknown): Promise<{ step: FormStep; values: FormValues }> {
  await assertNotSubmitted(deps.store, formId);
  const saved = await findOwnDraft(deps, actor, formId, 'request.draft');
  const values = sentAnyOf(form, step) ? (await keepDraft(deps, actor, formId, withStep(saved?.values ?? {}, form, step), 'request.draft')).values : (saved?.values ?? {});
  return { step: (step - 1) as FormStep, values };
}
