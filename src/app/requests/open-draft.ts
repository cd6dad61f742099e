import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import type { Draft } from '../../domain/request-form';
import { requireOwnDraft } from './find-draft';

/** "Edit my request" / "Continue draft": the saved values, to show the form again. */
export function openDraft(deps: Deps, actor: Actor, formId: string): Promise<Draft> {
  return requireOwnDraft(deps, actor, formId, 'request.edit');
}
