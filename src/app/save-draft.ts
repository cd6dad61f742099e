import type { Actor } from '../domain/people';
import { formValuesFrom } from '../domain/request-form';
import type { Deps } from './deps';
import { assertNotSubmitted, findOwnDraft } from './find-draft';
import type { Draft } from './ports';

/** "Save draft": keeps whatever the person typed, valid or not, under the form's id. */
export async function saveDraft(deps: Deps, actor: Actor, formId: string, form: unknown): Promise<Draft> {
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    await assertNotSubmitted(tx, formId);
    const existing = await findOwnDraft(deps, tx, actor, formId, 'request.draft');
    const draft: Draft = { formId, personId: actor.id, values: formValuesFrom(form), createdAt: existing?.createdAt ?? now, updatedAt: now };
    await tx.drafts.save(draft);
    return draft;
  });
}
