import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { requireOwnDraft } from './find-draft';

/** "Discard this idea" before submitting: the draft is gone and nothing was stored as a request. */
export async function discardDraft(deps: Deps, actor: Actor, formId: string): Promise<void> {
  await requireOwnDraft(deps, actor, formId, 'request.discard');
  await deps.store.drafts.delete(formId);
}
