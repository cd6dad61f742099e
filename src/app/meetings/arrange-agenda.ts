import { type AgendaChange, changeAgenda } from '../../domain/agenda-plan';
import { ukDateTime } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { agendaPlaceRefusal, type AgendaView } from '../../domain/meetings';
import type { Actor, Where } from '../../domain/people';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { arrangedNextAgenda } from './draft-agenda';
import { meetingAccess, refuseElsewhere } from './meeting-access';
import { viewAgenda } from './view-agenda';

const ARRANGE_REFUSAL = 'Only the DSG chair, the Minute Taker or an admin can reorder or remove agenda items. Any DSG member can add one.';

const DONE: Record<AgendaChange, string> = {
  up: 'Moved up.',
  down: 'Moved down.',
  remove: 'Taken off the agenda of the next meeting. If it is still relevant after that meeting, the next draft brings it back (an item a member added does not come back). Put back returns it now.',
  restore: 'Put back on the agenda.',
};

/**
 * Move up, Move down, Remove and Put back on the agenda card: the chair, the Minute Taker or an admin arranges the
 * next meeting's agenda. The arrangement is stored and every later draft keeps it; a card drawn before someone
 * else changed it is refused, saying what they changed.
 */
export async function arrangeAgenda(deps: Deps, actor: Actor, where: Where, cardVersion: number, itemId: string, change: AgendaChange): Promise<AgendaView> {
  const access = await meetingAccess(deps, actor, 'agenda.arrange', `agenda.${change}`, ARRANGE_REFUSAL);
  await refuseElsewhere(deps, actor, `agenda.${change}`, agendaPlaceRefusal(where, access.settings.channel?.conversationId ?? null));
  const running = await deps.store.meetings.running();
  if (running) throw new DomainError('ILLEGAL_TRANSITION', 'The meeting has started: its agenda was fixed when it did. Open the meeting card to deal with the items.', { meetingId: running.id });
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    const plan = await tx.meetings.agendaPlan();
    if (plan.version !== cardVersion) {
      const last = plan.lastChange ? `: ${plan.lastChange.by} ${plan.lastChange.what} (${ukDateTime(plan.lastChange.at)})` : '';
      throw new DomainError('STALE_CARD', `The agenda was changed since this card was drawn${last}. Nothing was changed; here is the agenda as it is now.`, { itemId });
    }
    const { draft } = await arrangedNextAgenda(deps, tx);
    const after = changeAgenda(plan, draft, itemId, change, actor.name, now);
    if (!(await tx.meetings.saveAgendaPlan(after, plan.version))) throw new DomainError('STALE_CARD', 'The agenda was changed at the same moment: nothing was changed. Please try again.', { itemId });
    await audited(tx, actor, now, `agenda.${change}`, { subjectType: 'meeting', subjectId: 'next' }, { version: plan.version }, { version: after.version, change: after.lastChange?.what ?? null });
  });
  return viewAgenda(deps, actor, where, DONE[change]);
}
