import { DomainError } from '../../domain/errors';
import type { Actor, Where } from '../../domain/people';
import { parseReference } from '../../domain/request';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { meetingAccess, refuseElsewhere } from './meeting-access';
import { agendaPlaceRefusal, type AgendaView } from '../../domain/meetings';
import { viewAgenda } from './view-agenda';

/** `agenda add DP-2026-0007` or `agenda add <any text>`: a DSG member puts an item on the next agenda, recorded with their name. */
export async function addAgendaItem(deps: Deps, actor: Actor, where: Where, typed: string): Promise<AgendaView> {
  const access = await meetingAccess(deps, actor, 'agenda.add', 'agenda.add', 'Only members of the Digital Strategy Group can add to the agenda.');
  // The answer is the agenda: where it may not be shown, nothing is added either.
  await refuseElsewhere(deps, actor, 'agenda.add', agendaPlaceRefusal(where, access.settings.channel?.conversationId ?? null, 'agenda add'));
  const words = typed.trim();
  if (!words) throw new DomainError('INVALID_FIELD', 'Say what to add: "agenda add DP-2026-0007" or "agenda add" and a few words.', { field: 'text' });
  const reference = parseReference(words);
  let text = words;
  if (reference) {
    const request = await deps.store.requests.getByReference(reference);
    if (!request) throw new DomainError('NOT_FOUND', `There is no request ${reference}, so it was not added to the agenda. Check the reference (type "pending" or "programme" to see them).`, { reference });
    text = `${reference}: ${request.title}`;
  }
  const now = deps.clock.now().toISOString();
  const addition = { id: deps.newId(), reference, text, addedById: actor.id, addedByName: actor.name, addedAt: now, meetingId: null };
  await deps.store.transaction(async (tx) => {
    await tx.meetings.addAddition(addition);
    await audited(tx, actor, now, 'agenda.add', { subjectType: 'meeting', subjectId: 'next' }, null, { text, reference });
  });
  return viewAgenda(deps, actor, where, `Added to the agenda: ${text}`);
}
