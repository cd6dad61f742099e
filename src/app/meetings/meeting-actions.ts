import { DomainError } from '../../domain/errors';
import { assignmentNotices } from '../../domain/notices';
import { completeAction as complete, type MeetingAction, newAction } from '../../domain/meetings';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import { audited } from '../audit';
import { choosePerson } from '../choose-person';
import { personTarget, queue } from '../outbox/queue';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { dsgContext } from '../triage/dsg-context';
import { meetingAccess, RUN_REFUSAL } from './meeting-access';
import type { ItemView } from '../../domain/meetings';
import { getMeeting, loadItemView } from './meeting-view';

export interface ActionInput {
  what: string;
  /** AAD object id (or Teams id) of the owner: a DSG member, or anyone in the tenant the bot knows. */
  ownerId: string;
  /** `yyyy-mm-dd`. */
  due: string;
}

/** An action on an agenda item: what, an owner and a due date (not in the past: a field error keeps what was typed). */
export async function addAction(deps: Deps, actor: Actor, meetingId: string, itemId: string, input: ActionInput): Promise<ItemView> {
  const access = await meetingAccess(deps, actor, 'meeting.run', 'action.add', RUN_REFUSAL);
  const owner = await choosePerson(deps, input.ownerId, access.members);
  if (!owner) throw new DomainError('INVALID_FIELD', 'Choose the owner.', { field: 'owner', errors: { owner: 'Choose the owner from the list (or search for them by name in Teams).' } });
  const meeting = await getMeeting(deps, meetingId);
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const action = newAction(meeting, itemId, { what: input.what, owner, due: input.due }, deps.newId(), actor.name, now, deps.calendar.londonDate(nowDate));
  await deps.store.transaction(async (tx) => {
    await tx.meetings.addAction(action);
    await audited(tx, actor, now, 'action.add', { subjectType: 'meeting', subjectId: meeting.date }, null, { what: action.what, owner: owner.name, due: action.due });
    // The owner is told in personal chat, unless they gave it to themselves.
    if (owner.aadObjectId !== actor.aadObjectId) {
      await queue(deps, tx, `action:${action.id}`, await personTarget(tx, owner.aadObjectId), { kind: 'notice', notice: assignmentNotices.action(action, meeting.date, actor.name) });
    }
  });
  deps.kickOutbox();
  return loadItemView(deps, meeting, itemId, access, `Action added for ${owner.name}.`);
}

/** "Done": the action's owner (or the chair or the Minute Taker) marks it done; a second press says when it was. */
export async function completeAction(deps: Deps, actor: Actor, actionId: string): Promise<MeetingAction> {
  const action = await deps.store.meetings.getAction(actionId);
  if (!action) throw new DomainError('NOT_FOUND', 'That action is not in the record any more.', { actionId });
  const context = await dsgContext(deps);
  if (!isAllowed('action.done', rolesFor(actor, { ...context, actionOwner: action.owner }, deps.roles))) {
    await refuse(deps, actor, 'action.done', { subjectType: 'meeting', subjectId: action.meetingId }, `Only ${action.owner.name}, who owns this action, the DSG chair or the Minute Taker can mark it done.`);
  }
  const now = deps.clock.now().toISOString();
  const done = complete(action, actor.name, now);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.meetings.completeAction(done))) complete((await tx.meetings.getAction(actionId)) ?? done, actor.name, now);
    await audited(tx, actor, now, 'action.done', { subjectType: 'meeting', subjectId: action.meetingId }, { what: action.what }, { doneAt: now });
  });
  return done;
}
