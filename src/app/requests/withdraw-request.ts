import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import { assertTransition, type ProjectRequest } from '../../domain/request';
import { ukDateTime } from '../../domain/dates';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { queueTriageUpdate } from '../triage/triage-messages';
import { refuse } from '../refuse';
import { getRequest } from './view-request';

/** The requester withdraws a request that has not been approved yet. `version` is the one on their card. */
export async function withdrawRequest(deps: Deps, actor: Actor, reference: string, version: number): Promise<ProjectRequest> {
  const request = await getRequest(deps, reference);
  if (!isAllowed('request.withdraw', rolesFor(actor, { request }, deps.roles))) {
    await refuse(deps, actor, 'request.withdraw', { subjectType: 'request', subjectId: reference }, `Only the person who submitted ${reference} can withdraw it.`);
  }
  if (request.version !== version) throw staleCard(request);
  assertTransition(reference, request.status, 'withdrawn');
  const at = deps.clock.now().toISOString();
  const updated: ProjectRequest = { ...request, status: 'withdrawn', version: request.version + 1, updatedAt: at };
  const settings = await deps.store.settings.get();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.requests.update(updated, request.version))) throw staleCard(request);
    await audited(tx, actor, at, 'request.withdraw', { subjectType: 'request', subjectId: reference }, { status: request.status }, { status: updated.status });
    // The DSG's triage card shows it was withdrawn.
    await queueTriageUpdate(deps, tx, updated, settings);
  });
  deps.kickOutbox();
  return updated;
}

function staleCard(request: ProjectRequest): DomainError {
  return new DomainError('STALE_CARD', `${request.reference} changed since this card was sent (last change ${ukDateTime(request.updatedAt)}). Type ${request.reference} to see it as it is now.`, {
    reference: request.reference,
  });
}
