import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import type { Draft } from '../../domain/request-form';
import type { Repositories } from '../ports';
import { refuse } from '../refuse';

/**
 * The draft behind a form card, if there is one; refuses (and audits) someone else's draft.
 * Call it outside transactions, so the audit of a refusal is never rolled back.
 */
export async function findOwnDraft(deps: Deps, actor: Actor, formId: string, action: string): Promise<Draft | null> {
  const draft = await deps.store.drafts.get(formId);
  if (draft && draft.personId !== actor.id) {
    await refuse(deps, actor, action, { subjectType: 'request', subjectId: formId }, 'This form belongs to someone else.');
  }
  return draft;
}

/** Refuses any action on a form that already became a request. */
export async function assertNotSubmitted(repos: Repositories, formId: string): Promise<void> {
  const existing = await repos.requests.getByFormId(formId);
  if (existing) {
    throw new DomainError('ALREADY_SUBMITTED', `This form was already submitted as ${existing.reference}.`, {
      reference: existing.reference,
    });
  }
}

/** The actor's own draft, or DRAFT_NOT_FOUND (it was submitted, discarded or never saved). */
export async function requireOwnDraft(deps: Deps, actor: Actor, formId: string, action: string): Promise<Draft> {
  await assertNotSubmitted(deps.store, formId);
  const draft = await findOwnDraft(deps, actor, formId, action);
  if (!draft) throw new DomainError('DRAFT_NOT_FOUND', 'That draft no longer exists: it was discarded or never saved.', { formId });
  return draft;
}
