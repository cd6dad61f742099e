import { agendaPlaceRefusal, type AgendaView } from '../../domain/meetings';
import { nextPlanned } from '../../domain/meeting-plans';
import type { Actor, Where } from '../../domain/people';
import { isAllowed } from '../../domain/permissions';
import type { Deps } from '../deps';
import { arrangedNextAgenda } from './draft-agenda';
import { DSG_ONLY, meetingAccess, refuseElsewhere } from './meeting-access';

/**
 * `agenda`: the agenda drafted for the next meeting (as arranged), for the DSG and admins, in the DSG channel or a
 * personal chat (elsewhere it is refused, saying where).
 */
export async function viewAgenda(deps: Deps, actor: Actor, where: Where, notice?: string): Promise<AgendaView> {
  const access = await meetingAccess(deps, actor, 'agenda.view', 'agenda.view', DSG_ONLY);
  await refuseElsewhere(deps, actor, 'agenda.view', agendaPlaceRefusal(where, access.settings.channel?.conversationId ?? null));
  const today = deps.calendar.londonDate(deps.clock.now());
  const [{ items, removed, planVersion }, meetings] = await Promise.all([arrangedNextAgenda(deps, deps.store), deps.store.meetings.list()]);
  const running = meetings.find((m) => m.status === 'running') ?? null;
  return {
    next: nextPlanned(access.settings.meetings, today, meetings.map((m) => m.date)),
    items,
    removed,
    planVersion,
    canArrange: !running && isAllowed('agenda.arrange', access.roles),
    running,
    canRun: access.canRun,
    today,
    ...(notice && { notice }),
  };
}
