import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { dsgContext } from '../triage/dsg-context';

export const MANAGE_REFUSAL = 'Only members of the Digital Strategy Group and admins can change the re-use catalogue. Type "catalogue" to see it.';

/** Whether the actor may add to and edit the re-use catalogue (the DSG and admins). */
export async function canManageSolutions(deps: Deps, actor: Actor): Promise<boolean> {
  return isAllowed('solution.manage', rolesFor(actor, await dsgContext(deps), deps.roles));
}

/** Refuses (audited) a change to the catalogue by anyone but the DSG and admins. */
export async function requireSolutionManager(deps: Deps, actor: Actor, verb: string, subjectId: string): Promise<void> {
  if (!(await canManageSolutions(deps, actor))) await refuse(deps, actor, verb, { subjectType: 'solution', subjectId }, MANAGE_REFUSAL);
}
