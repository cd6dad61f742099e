import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import { canTransition, type ProjectRequest } from '../../domain/request';
import { openQuestion, type Question } from '../../domain/triage';
import type { Deps } from '../deps';
import { dsgContext } from '../triage/dsg-context';
import type { AuditEvent } from '../../domain/audit';
import { canUndoWithdrawal, withdrawalOf } from '../../domain/guards';
import { refuse } from '../refuse';
import { NONE_OF_THESE } from '../../domain/request-form';
import { type CheckedSolution, checkedSolution } from '../../domain/solutions';

export interface RequestView {
  request: ProjectRequest;
  history: AuditEvent[];
  canWithdraw: boolean;
  /** Withdrawn by the requester, and the DSG has not acted on it since. */
  canUndoWithdraw: boolean;
  /** The DSG's question still waiting for the requester's answer (only while they are asked), else null. */
  question: Question | null;
  /** The catalogue entry the requester checked, as the catalogue holds it now. */
  checked: CheckedSolution;
}

/** The catalogue entry a request names as checked, looked up now (renamed since: its name now; removed: gone). */
export async function checkedSolutionOf(deps: Pick<Deps, 'store'>, request: ProjectRequest): Promise<CheckedSolution> {
  const id = request.reuseSolution;
  return checkedSolution(id, id && id !== NONE_OF_THESE ? await deps.store.solutions.get(id) : null);
}

/** Loads a request by reference or says NOT_FOUND. */
export async function getRequest(deps: Deps, reference: string): Promise<ProjectRequest> {
  const request = await deps.store.requests.getByReference(reference);
  if (!request) throw new DomainError('NOT_FOUND', `There is no request ${reference}.`, { reference });
  return request;
}

/** One request in full with its history, for those allowed to see it. */
export async function viewRequest(deps: Deps, actor: Actor, reference: string): Promise<RequestView> {
  const request = await getRequest(deps, reference);
  const { settings, members } = await dsgContext(deps);
  const roles = rolesFor(actor, { settings, members, request }, deps.roles);
  if (!isAllowed('request.view', roles)) {
    await refuse(deps, actor, 'request.view', { subjectType: 'request', subjectId: reference }, `Only the requester and the Digital Strategy Group can see ${reference}.`);
  }
  const [events, triage, checked] = await Promise.all([deps.store.audit.listFor('request', reference), deps.store.triage.get(reference), checkedSolutionOf(deps, request)]);
  const history = events.filter((e) => e.outcome === 'done');
  const mayWithdraw = isAllowed('request.withdraw', roles);
  return {
    request,
    history,
    canWithdraw: mayWithdraw && canTransition(request.status, 'withdrawn'),
    canUndoWithdraw: mayWithdraw && request.status === 'withdrawn' && canUndoWithdrawal(request, withdrawalOf(history), triage),
    question: request.status === 'more-info-requested' && triage ? openQuestion(triage) : null,
    checked,
  };
}
