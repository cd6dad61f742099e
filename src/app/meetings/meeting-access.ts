import type { Actor } from '../../domain/people';
import { type Action, isAllowed, type Role, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { type DsgContext, dsgContext } from '../triage/dsg-context';

export interface MeetingAccess extends DsgContext {
  roles: Role[];
  /** The chair, the Minute Taker or an admin: may run the meeting and edit the agenda and minutes. */
  canRun: boolean;
}

/** What the actor may do about the DSG's meetings; refuses (audited) when `action` is not theirs, with `reason`. */
export async function meetingAccess(deps: Deps, actor: Actor, action: Action, verb: string, reason: string): Promise<MeetingAccess> {
  const context = await dsgContext(deps);
  const roles = rolesFor(actor, context, deps.roles);
  if (!isAllowed(action, roles)) await refuse(deps, actor, verb, { subjectType: 'meeting', subjectId: 'meetings' }, reason);
  return { ...context, roles, canRun: isAllowed('meeting.run', roles) };
}

/** Refuses (on the record, as any refusal) the agenda or the meeting where it may not be used: `refusal` says where it may. */
export async function refuseElsewhere(deps: Deps, actor: Actor, verb: string, refusal: string | null): Promise<void> {
  if (refusal) await refuse(deps, actor, verb, { subjectType: 'meeting', subjectId: 'meetings' }, refusal);
}

export const RUN_REFUSAL = 'Only the DSG chair, the Minute Taker or an admin can run a DSG meeting. Ask the chair if you think you should be the Minute Taker.';
export const DSG_ONLY = 'The agenda and meetings are for the Digital Strategy Group and admins.';
