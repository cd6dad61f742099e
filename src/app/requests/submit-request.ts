import type { Actor } from '../../domain/people';
import type { ProjectRequest } from '../../domain/request';
import { DomainError } from '../../domain/errors';
import { type ChosenEntry, type Draft, type FormStep, type FormValues, NONE_OF_THESE, formValuesFrom, validateRequestForm, withStep } from '../../domain/request-form';
import { termsOf } from '../../domain/similarity';
import type { Deps } from '../deps';
import { assertNotSubmitted, findOwnDraft, requireOwnDraft } from './find-draft';
import { keepDraft } from './save-draft';
import { audited } from '../audit';
import { findSimilar, matchingSolutions } from './similar-requests';
import type { SolutionMatch } from '../../domain/solutions';
import { queueTriagePost } from '../triage/triage-messages';
import type { SimilarRequest } from '../../domain/similarity';

export type SubmitResult =
  | { kind: 'similar'; formId: string; title: string; matches: SimilarRequest[]; solutions: SolutionMatch[] }
  | { kind: 'submitted'; request: ProjectRequest };

export interface SubmitInput {
  formId: string;
  /** The form as the card sent it; absent for "Submit anyway", which submits the saved draft. */
  form?: unknown;
  /** True once the person has seen the similar requests and chose to go ahead. */
  anyway: boolean;
  /** The step whose inputs `form` holds (the last step's card); the other steps' answers come from the draft. */
  step?: FormStep;
}

/** The catalogue entry the form's choice names, as the store holds it now (an id it does not hold finds none). */
async function chosenEntry(deps: Deps, values: FormValues): Promise<ChosenEntry> {
  const id = values.reuseSolution?.trim();
  return { entry: id && id !== NONE_OF_THESE ? await deps.store.solutions.get(id) : null };
}

/**
 * Submits a project request: validate (what is wrong is thrown as INVALID_FIELD with a problem per field and
 * what was typed), look for similar requests, then store it with a new reference, an audit event, the draft
 * removed and the DSG's triage card queued, all in one transaction.
 */
export async function submitRequest(deps: Deps, actor: Actor, input: SubmitInput): Promise<SubmitResult> {
  const { formId } = input;
  // A form already submitted is told so: here for "Submit anyway" (which reads the draft), before anything is
  // kept or offered for a filled-in form, and by the unique form id if it gets as far as storing.
  let values: FormValues;
  let saved: Draft | null;
  if (input.form === undefined) {
    saved = await requireOwnDraft(deps, actor, formId, 'request.confirm');
    values = saved.values;
  } else {
    saved = await findOwnDraft(deps, actor, formId, 'request.submit'); // someone else's form is refused
    values = input.step ? withStep(saved?.values ?? {}, input.form, input.step) : formValuesFrom(input.form);
  }
  const now = deps.clock.now();
  const result = validateRequestForm(values, deps.calendar.londonDate(now), await chosenEntry(deps, values));
  if (!result.ok) {
    await assertNotSubmitted(deps.store, formId);
    // The card goes back to the first step with a problem, which draws only that step: keep this step's answers for it.
    if (input.step) await keepDraft(deps, actor, formId, values, 'request.submit', saved);
    throw new DomainError('INVALID_FIELD', 'Some answers on the form need fixing.', { errors: result.errors, values: result.values });
  }
  const details = result.details;
  const terms = termsOf(details.title, details.problem);

  if (!input.anyway) {
    const [matches, solutions] = await Promise.all([findSimilar(deps.store, terms), matchingSolutions(deps, terms)]);
    if (matches.length || solutions.length) {
      // Keep what was typed so "Submit anyway" or "Edit my request" can pick it up; a form submitted already
      // (which would find itself among them) is refused as such, and nothing is kept.
      await keepDraft(deps, actor, formId, values, 'request.submit', saved);
      return { kind: 'similar', formId, title: details.title, matches, solutions };
    }
  }

  const at = now.toISOString();
  try {
    const request = await deps.store.transaction(async (tx) => {
      const stored: ProjectRequest = {
        ...details,
        id: deps.newId(),
        reference: await tx.requests.nextReference(now.getUTCFullYear()),
        status: 'submitted',
        version: 1,
        requesterId: actor.id,
        requesterName: actor.name,
        formId,
        createdAt: at,
        updatedAt: at,
      };
      await tx.requests.insert(stored, terms);
      if (saved) await tx.drafts.delete(formId);
      await audited(tx, actor, at, 'request.submit', { subjectType: 'request', subjectId: stored.reference }, null, {
        status: stored.status,
        title: stored.title,
        strand: stored.strand,
        route: stored.route,
      });
      // The DSG sees it in its channel (or when the channel is set up, if there is none yet). Teams is not
      // asked anything here: the card is drawn when the outbox sends it.
      await queueTriagePost(deps, tx, stored, await tx.settings.get());
      return stored;
    });
    deps.kickOutbox();
    return { kind: 'submitted', request };
  } catch (error) {
    // Two clicks racing on one card: the loser hits the unique form id and is told it is done.
    await assertNotSubmitted(deps.store, formId);
    throw error;
  }
}
