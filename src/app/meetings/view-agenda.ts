import type { AgendaItem, Meeting } from '../../domain/meetings';
import { nextMeeting } from '../../domain/digest';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { draftNextAgenda } from './draft-agenda';
import { DSG_ONLY, meetingAccess } from './meeting-access';

export interface AgendaView {
  /** The next meeting in the settings (`yyyy-mm-dd`), or null when none is set. */
  nextDate: string | null;
  items: AgendaItem[];
  /** The meeting in progress, if any (its agenda was fixed when it started). */
  running: Meeting | null;
  canRun: boolean;
}

/** `agenda`: the agenda drafted for the next meeting, for the DSG and admins. */
export async function viewAgenda(deps: Deps, actor: Actor): Promise<AgendaView> {
  const access = await meetingAccess(deps, actor, 'agenda.view', 'agenda.view', DSG_ONLY);
  const today = deps.calendar.londonDate(deps.clock.now());
  const [items, running] = await Promise.all([draftNextAgenda(deps, deps.store), deps.store.meetings.running()]);
  return { nextDate: nextMeeting(access.settings.meetings, today), items, running, canRun: access.canRun };
}
