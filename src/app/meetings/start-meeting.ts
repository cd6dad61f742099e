import { londonTime } from '../../domain/calendar';
import { ukDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { type Meeting, meetingStartPlaceRefusal, startMeeting as start } from '../../domain/meetings';
import type { Actor, Where } from '../../domain/people';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { EMPTY_AGENDA_PLAN } from '../../domain/agenda-plan';
import { arrangedNextAgenda } from './draft-agenda';
import { meetingAccess, refuseElsewhere, RUN_REFUSAL } from './meeting-access';
import type { MeetingView } from '../../domain/meetings';
import { loadMeetingView } from './meeting-view';

const running = (m: Meeting) =>
  new DomainError('ILLEGAL_TRANSITION', `A DSG meeting is already running: it was started by ${m.startedBy} at ${m.startTime} on ${ukDate(m.date)}. Type "meeting" to see its card, or "meeting end" to end it.`, { meetingId: m.id });

/**
 * `meeting start`: the chair, the Minute Taker or an admin opens today's meeting with the agenda as drafted now
 * as the chair or the Minute Taker arranged it (the items members added are taken up by it, and the arrangement
 * starts afresh for the meeting after). A second start while one runs is told so. It starts in the DSG channel
 * only, where the whole DSG sees its card.
 */
export async function startMeeting(deps: Deps, actor: Actor, where: Where): Promise<MeetingView> {
  const access = await meetingAccess(deps, actor, 'meeting.run', 'meeting.start', RUN_REFUSAL);
  await refuseElsewhere(deps, actor, 'meeting.start', meetingStartPlaceRefusal(where, access.settings.channel?.conversationId ?? null));
  const already = await deps.store.meetings.running();
  if (already) throw running(already);
  const nowDate = deps.clock.now();
  const today = deps.calendar.londonDate(nowDate);
  const now = nowDate.toISOString();
  const meeting = await deps.store.transaction(async (tx) => {
    const held = await tx.meetings.byDate(today);
    if (held?.status === 'running') throw running(held);
    if (held) throw new DomainError('ILLEGAL_TRANSITION', `The DSG already met today (the minutes are under "minutes ${today}"). dsg-bot keeps one meeting a day.`, { meetingId: held.id });
    const additions = await tx.meetings.pendingAdditions();
    const planned = access.settings.meetings.find((m) => m.date === today);
    const plan = await tx.meetings.agendaPlan();
    const { items } = await arrangedNextAgenda(deps, tx);
    const created = start(deps.newId(), today, londonTime(nowDate), items, actor.name, now, planned?.place ?? null);
    // Two starts at once: the date is unique, so exactly one inserts.
    if (!(await tx.meetings.insert(created))) throw running((await tx.meetings.byDate(today)) ?? created);
    await tx.meetings.takeAdditions(
      additions.map((a) => a.id),
      created.id,
    );
    // The arranged agenda is now the meeting's: the next agenda is arranged afresh.
    if (plan.version > 0 && !(await tx.meetings.saveAgendaPlan({ ...EMPTY_AGENDA_PLAN, lastChange: { what: `started the meeting of ${ukDate(today)} with the agenda as arranged`, by: actor.name, at: now } }, plan.version))) {
      throw new DomainError('STALE_CARD', 'The agenda was being changed at the same moment: the meeting did not start. Please try again.', {});
    }
    await audited(tx, actor, now, 'meeting.start', { subjectType: 'meeting', subjectId: today }, null, { items: created.agenda.length });
    return created;
  });
  return loadMeetingView(deps, meeting, access);
}
