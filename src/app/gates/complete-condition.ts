import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import { completeCondition as complete, type GateCondition } from '../../domain/stages';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { dsgContext } from '../triage/dsg-context';

/** "Done" on a gate condition: its owner (or the chair or an admin) marks it done; a second press says when it was. */
export async function completeGateCondition(deps: Deps, actor: Actor, conditionId: string): Promise<GateCondition> {
  const condition = await deps.store.gates.getCondition(conditionId);
  if (!condition) throw new DomainError('NOT_FOUND', 'That gate condition is not in the record any more.', { conditionId });
  const context = await dsgContext(deps);
  if (!isAllowed('condition.done', rolesFor(actor, { ...context, actionOwner: condition.owner }, deps.roles))) {
    await refuse(deps, actor, 'condition.done', { subjectType: 'request', subjectId: condition.reference }, `Only ${condition.owner.name}, who owns this condition, the DSG chair or an admin can mark it done.`);
  }
  const now = deps.clock.now().toISOString();
  const done = complete(condition, actor.name, now);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.gates.completeCondition(done))) complete((await tx.gates.getCondition(conditionId)) ?? done, actor.name, now);
    await audited(tx, actor, now, 'condition.done', { subjectType: 'request', subjectId: condition.reference }, { condition: condition.what }, { doneAt: now });
  });
  return done;
}
