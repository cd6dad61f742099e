import { DomainError } from '../../domain/errors';
import { type ItemView, type Meeting, type MeetingView, meetingPlaceRefusal } from '../../domain/meetings';
import { ukDate } from '../../domain/dates';
import type { Actor, Where } from '../../domain/people';
import { DECIDABLE_STATUSES } from '../../domain/request';
import type { Deps } from '../deps';
import { mergeTargetsFor } from '../triage/triage-view';
import { DSG_ONLY, type MeetingAccess, meetingAccess, refuseElsewhere } from './meeting-access';

export async function getMeeting(deps: Deps, meetingId: string): Promise<Meeting> {
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) throw new DomainError('NOT_FOUND', 'That meeting is not in the record any more. Type "meetings" to see the DSG\'s meetings.', { meetingId });
  return meeting;
}

const refusePlace = (deps: Deps, actor: Actor, verb: string, access: MeetingAccess, where: Where | undefined): Promise<void> =>
  where ? refuseElsewhere(deps, actor, verb, meetingPlaceRefusal(where, access.settings.channel?.conversationId ?? null)) : Promise.resolve();

export async function loadMeetingView(deps: Deps, meeting: Meeting, access: MeetingAccess, notice?: string): Promise<MeetingView> {
  return {
    meeting,
    actions: await deps.store.meetings.actionsOf(meeting.id),
    members: access.members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })),
    canRun: access.canRun,
    today: deps.calendar.londonDate(deps.clock.now()),
    ...(notice && { notice }),
  };
}

export async function loadItemView(deps: Deps, meeting: Meeting, itemId: string, access: MeetingAccess, notice?: string): Promise<ItemView> {
  const item = meeting.agenda.find((i) => i.id === itemId);
  if (!item) throw new DomainError('NOT_FOUND', `That item is not on the agenda of ${ukDate(meeting.date)}.`, { itemId });
  const request = item.reference ? await deps.store.requests.getByReference(item.reference) : null;
  const [project, mergeTargets] = await Promise.all([
    request ? deps.store.projects.get(request.reference) : null,
    request && DECIDABLE_STATUSES.includes(request.status) ? mergeTargetsFor(deps, request.reference) : [],
  ]);
  return { ...(await loadMeetingView(deps, meeting, access, notice)), item, request, project, mergeTargets };
}

/**
 * `meeting`: the meeting in progress, or else the latest one held; for the DSG and admins. Opened `where` someone
 * typed or pressed (not a card redrawn in place), only in the DSG channel or a personal chat: its agenda lists
 * requests still awaiting a decision (elsewhere refused, saying where).
 */
export async function showMeeting(deps: Deps, actor: Actor, meetingId?: string, where?: Where): Promise<MeetingView> {
  const access = await meetingAccess(deps, actor, 'agenda.view', 'meeting.show', DSG_ONLY);
  await refusePlace(deps, actor, 'meeting.show', access, where);
  const meeting = meetingId ? await getMeeting(deps, meetingId) : ((await deps.store.meetings.running()) ?? (await deps.store.meetings.list())[0]);
  if (!meeting) throw new DomainError('NOT_FOUND', 'No DSG meeting has been held in dsg-bot yet. The chair or the Minute Taker starts one with "meeting start".', {});
  return loadMeetingView(deps, meeting, access);
}

/** An agenda item's card, opened from the meeting card (`where` it was opened: the same places as the meeting's). */
export async function showItem(deps: Deps, actor: Actor, meetingId: string, itemId: string, where?: Where): Promise<ItemView> {
  const access = await meetingAccess(deps, actor, 'agenda.view', 'meeting.item', DSG_ONLY);
  await refusePlace(deps, actor, 'meeting.item', access, where);
  return loadItemView(deps, await getMeeting(deps, meetingId), itemId, access);
}
