import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import type { Draft } from '../../domain/request-form';

export type StartResult = { kind: 'draft-offer'; draft: Draft } | { kind: 'form'; formId: string };

/** "Submit an idea": offer the latest draft first, unless the person asked for a fresh form. */
export async function startRequest(deps: Deps, actor: Actor, fresh: boolean): Promise<StartResult> {
  if (!fresh) {
    const draft = await deps.store.drafts.latestFor(actor.id);
    if (draft) return { kind: 'draft-offer', draft };
  }
  return { kind: 'form', formId: deps.newId() };
}
