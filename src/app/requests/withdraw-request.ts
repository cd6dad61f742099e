import { DomainError } from '../../domain/errors';
import { undoWithdrawal, withdrawalOf } from '../../domain/guards';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import { assertTransition, type ProjectRequest } from '../../domain/request';
import { openQuestion, type Question } from '../../domain/triage';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { queueTriageUpdate } from '../triage/triage-messages';
import { refuse } from '../refuse';
import { staleCard } from '../stale';
import { getRequest } from './view-request';

/** The request, if the actor may withdraw it (or undo that) from a card of `version`: the requester, on a current card. */
async function ownRequest(deps: Deps, actor: Actor, reference: string, version: number, action: string, refusal: string): Promise<ProjectRequest> {
  const request = await getRequest(deps, reference);
  if (!isAllowed('request.withdraw', rolesFor(actor, { request }, deps.roles))) {
    await refuse(deps, actor, action, { subjectType: 'request', subjectId: reference }, refusal);
  }
  if (request.version !== version) throw await staleCard(deps, reference);
  return request;
}

/** Whether the requester may withdraw it now, saving nothing, with the DSG's open question: for the confirmation. */
export async function checkWithdraw(deps: Deps, actor: Actor, reference: string, version: number): Promise<{ request: ProjectRequest; question: Question | null }> {
  const request = await ownRequest(deps, actor, reference, version, 'request.withdraw', `Only the person who submitted ${reference} can withdraw it.`);
  assertTransition(reference, request.status, 'withdrawn');
  const triage = await deps.store.triage.get(reference);
  return { request, question: triage ? openQuestion(triage) : null };
}

/** Saves a change of status the requester made, audited, and updates the DSG's triage card. */
async function saveOwnChange(deps: Deps, actor: Actor, request: ProjectRequest, updated: ProjectRequest, action: string): Promise<ProjectRequest> {
  const settings = await deps.store.settings.get();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.requests.update(updated, request.version))) throw new DomainError('STALE_CARD', `${request.reference} changed at the same moment; please try again.`, { reference: request.reference });
    await audited(tx, actor, updated.updatedAt, action, { subjectType: 'request', subjectId: request.reference }, { status: request.status }, { status: updated.status });
    // The DSG's triage card shows where it now stands.
    await queueTriageUpdate(deps, tx, updated, settings);
  });
  deps.kickOutbox();
  return updated;
}

/** The requester withdraws a request that has not been approved yet. `version` is the one on their card. */
export async function withdrawRequest(deps: Deps, actor: Actor, reference: string, version: number): Promise<ProjectRequest> {
  const { request } = await checkWithdraw(deps, actor, reference, version);
  const at = deps.clock.now().toISOString();
  return saveOwnChange(deps, actor, request, { ...request, status: 'withdrawn', version: request.version + 1, updatedAt: at }, 'request.withdraw');
}

/** The requester takes a withdrawal back, until the DSG acts on the request: it goes back to where it was. */
export async function undoWithdrawRequest(deps: Deps, actor: Actor, reference: string, version: number): Promise<ProjectRequest> {
  const request = await ownRequest(deps, actor, reference, version, 'request.undo-withdraw', `Only the person who submitted ${reference} can undo its withdrawal.`);
  const [events, triage] = await Promise.all([deps.store.audit.listFor('request', reference), deps.store.triage.get(reference)]);
  const restored = undoWithdrawal(request, withdrawalOf(events), triage);
  return saveOwnChange(deps, actor, request, { ...restored, version: request.version + 1, updatedAt: deps.clock.now().toISOString() }, 'request.undo-withdraw');
}
