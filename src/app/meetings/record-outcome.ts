import { DomainError } from '../../domain/errors';
import { assertRunning, itemOf, type ItemOutcome, outcomeWords, recordOutcome } from '../../domain/meetings';
import type { Actor } from '../../domain/people';
import type { ApproveInput } from '../../domain/triage';
import type { Deps } from '../deps';
import { approveRequest } from '../triage/approve-request';
import { askForInformation } from '../triage/ask-for-information';
import { declineRequest } from '../triage/decline-request';
import type { AlsoRecord } from '../triage/triage-decision';
import { changeMeeting } from './change-meeting';
import { meetingAccess, RUN_REFUSAL } from './meeting-access';
import type { ItemView } from '../../domain/meetings';
import { getMeeting, loadItemView } from './meeting-view';

/** Noted, or Deferred to the next meeting: the chair or the Minute Taker records it against the item. */
export async function noteItem(deps: Deps, actor: Actor, meetingId: string, itemId: string, kind: 'noted' | 'deferred', note: string | null): Promise<ItemView> {
  const access = await meetingAccess(deps, actor, 'meeting.run', `meeting.${kind === 'noted' ? 'note' : 'defer'}`, RUN_REFUSAL);
  const meeting = await changeMeeting(deps, actor, meetingId, null, `meeting.${kind === 'noted' ? 'note' : 'defer'}`, (m, now) => {
    const outcome: ItemOutcome = kind === 'noted' ? { kind, note, by: actor.name, at: now } : { kind, by: actor.name, at: now };
    return recordOutcome(m, itemId, outcome, now);
  });
  return loadItemView(deps, meeting, itemId, access);
}

export type ItemDecision = ({ action: 'approve' } & ApproveInput) | { action: 'decline'; reason: string } | { action: 'ask'; question: string };

/**
 * A decision on a request taken in the meeting: the same triage use case as on the triage card (permission,
 * stale-card check, audited, the requester told, the triage card updated), and, in the same transaction, the
 * decision recorded against the meeting's item.
 */
export async function decideItem(deps: Deps, actor: Actor, meetingId: string, itemId: string, requestVersion: number, decision: ItemDecision): Promise<ItemView> {
  const access = await meetingAccess(deps, actor, 'agenda.view', `request.${decision.action}`, 'Only members of the Digital Strategy Group can decide on requests.');
  const meeting = await getMeeting(deps, meetingId);
  assertRunning(meeting);
  const item = itemOf(meeting, itemId);
  const before = meeting.outcomes[itemId];
  if (before) throw new DomainError('STALE_CARD', `"${item.title}" was already dealt with: ${outcomeWords(before)}.`, { itemId });
  if (!item.reference) throw new DomainError('INVALID_FIELD', 'This item is not about a request: record it as Noted or Deferred.', { itemId });
  const also: AlsoRecord = async (tx, d) => {
    const current = await tx.meetings.get(meetingId);
    if (!current) throw new DomainError('NOT_FOUND', 'That meeting is not in the record any more.', { meetingId });
    const recorded = recordOutcome(current, itemId, { kind: 'decision', action: d.action, note: d.note, by: d.by, at: d.at }, d.at);
    if (!(await tx.meetings.update(recorded, current.version))) throw new DomainError('STALE_CARD', 'The meeting record changed at the same moment; nothing was saved. Please try again.', { meetingId });
  };
  const reference = item.reference;
  if (decision.action === 'approve') await approveRequest(deps, actor, reference, requestVersion, decision, also);
  else if (decision.action === 'decline') await declineRequest(deps, actor, reference, requestVersion, decision.reason, also);
  else await askForInformation(deps, actor, reference, requestVersion, decision.question, also);
  return loadItemView(deps, await getMeeting(deps, meetingId), itemId, access);
}
