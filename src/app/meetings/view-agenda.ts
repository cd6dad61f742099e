import type { AgendaView } from '../../domain/meetings';
import { nextMeeting } from '../../domain/digest';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { draftNextAgenda } from './draft-agenda';
import { DSG_ONLY, meetingAccess } from './meeting-access';

/** `agenda`: the agenda drafted for the next meeting, for the DSG and admins. */
export async function viewAgenda(deps: Deps, actor: Actor, notice?: string): Promise<AgendaView> {
  const access = await meetingAccess(deps, actor, 'agenda.view', 'agenda.view', DSG_ONLY);
  const today = deps.calendar.londonDate(deps.clock.now());
  const [items, running] = await Promise.all([draftNextAgenda(deps, deps.store), deps.store.meetings.running()]);
  return { nextDate: nextMeeting(access.settings.meetings, today), items, running, canRun: access.canRun, today, ...(notice && { notice }) };
}
