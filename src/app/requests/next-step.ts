import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { type FormStep, type FormValues, stepErrors, validateRequestForm, withStep } from '../../domain/request-form';
import type { Deps } from '../deps';
import { assertNotSubmitted, findOwnDraft } from './find-draft';
import { keepDraft } from './save-draft';

/**
 * "Next" on a step of the request form: checks that step only, reporting all its problems at once (INVALID_FIELD,
 * with the form's values), and once it is complete saves the draft and moves to the next step.
 */
export async function nextStep(deps: Deps, actor: Actor, formId: string, step: 1 | 2, form: unknown): Promise<{ step: FormStep; values: FormValues }> {
  await assertNotSubmitted(deps.store, formId);
  const saved = await findOwnDraft(deps, actor, formId, 'request.draft');
  const values = withStep(saved?.values ?? {}, form, step);
  const result = validateRequestForm(values, deps.calendar.londonDate(deps.clock.now()));
  const errors = result.ok ? {} : stepErrors(result.errors, step);
  if (Object.keys(errors).length) throw new DomainError('INVALID_FIELD', 'Some answers on this step need fixing.', { errors, values });
  const draft = await keepDraft(deps, actor, formId, values, 'request.draft');
  return { step: (step + 1) as FormStep, values: draft.values };
}
