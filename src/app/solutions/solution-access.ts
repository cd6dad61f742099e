import type { Actor } from '../../domain/people';
import type { Solution } from '../../domain/solutions';
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

export const CONTRACT_REFUSAL = "Only the Digital Leader of the entry's strands, the DSG chair and admins can renew or retire it. Type \"catalogue\" to see it.";

/** Refuses (audited) a renewal or retirement by anyone but the Digital Leader of one of the entry's strands, the chair and admins. */
export async function requireContractKeeper(deps: Deps, actor: Actor, verb: string, solution: Solution): Promise<void> {
  const { settings } = await dsgContext(deps);
  if (!isAllowed('solution.contract', rolesFor(actor, { settings, solution }, deps.roles))) {
    await refuse(deps, actor, verb, { subjectType: 'solution', subjectId: solution.id }, CONTRACT_REFUSAL);
  }
}
