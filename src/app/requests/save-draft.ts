import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { type FormValues, formValuesFrom } from '../../domain/request-form';
import type { Deps } from '../deps';
import { assertNotSubmitted, findOwnDraft } from './find-draft';
import type { Draft } from '../../domain/request-form';

/** "Save draft": keeps whatever the person typed, valid or not, under the form's id. */
export async function saveDraft(deps: Deps, actor: Actor, formId: string, form: unknown): Promise<Draft> {
  await assertNotSubmitted(deps.store, formId);
  return keepDraft(deps, actor, formId, formValuesFrom(form), 'request.draft');
}

/**
 * Stores the values as the actor's draft for that form (refusing someone else's form, and a form already submitted:
 * ALREADY_SUBMITTED). `known` is the draft the caller has just read with findOwnDraft (null: there was none), so it
 * is not read again.
 */
export async function keepDraft(deps: Deps, actor: Actor, formId: string, values: FormValues, action: string, known?: Draft | null): Promise<Draft> {
  const existing = known === undefined ? await findOwnDraft(deps, actor, formId, action) : known;
  const now = deps.clock.now().toISOString();
  const draft: Draft = { formId, personId: actor.id, values, createdAt: existing?.createdAt ?? now, updatedAt: now };
  if (!(await deps.store.drafts.save(draft))) {
    await assertNotSubmitted(deps.store, formId);
    throw new DomainError('ALREADY_SUBMITTED', 'This form was already submitted.', {});
  }
  return draft;
}
