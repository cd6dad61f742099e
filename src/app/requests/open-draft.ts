import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { type Draft, type FormStep, resumeStep } from '../../domain/request-form';
import { requireOwnDraft } from './find-draft';

/** "Edit my request" / "Continue draft": the saved values, and the first step still to complete (step 1 when all are). */
export async function openDraft(deps: Deps, actor: Actor, formId: string): Promise<{ draft: Draft; step: FormStep }> {
  const draft = await requireOwnDraft(deps, actor, formId, 'request.edit');
  return { draft, step: resumeStep(draft.values, deps.calendar.londonDate(deps.clock.now())) };
}
