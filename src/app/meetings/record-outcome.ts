import { DomainError } from '../../domain/errors';
import { assertOpenItem, type ItemOutcome, type ItemView, recordOutcome } from '../../domain/meetings';
import type { Actor } from '../../domain/people';
import type { ProjectRequest } from '../../domain/request';
import { type ApproveInput, openQuestion, type PriorityInput, type Question, type TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { approveRequest } from '../triage/approve-request';
import { askForInformation } from '../triage/ask-for-information';
import { assignOwners, type OwnerIds } from '../triage/assign-owners';
import { changePriority } from '../triage/change-priority';
import { checkDecline, declineRequest } from '../triage/decline-request';
import { checkMerge, mergeRequest } from '../triage/merge-request';
import type { AlsoRecord } from '../triage/triage-decision';
import { changeMeeting } from './change-meeting';
import { type MeetingAccess, meetingAccess, RUN_REFUSAL } from './meeting-access';
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

/** The triage decisions an agenda item's card offers: on a request awaiting one, or on the project it became. */
export type ItemDecision =
  | ({ action: 'approve' } & ApproveInput)
  | { action: 'decline'; reason: string }
  | { action: 'ask'; question: string }
  | { action: 'merge'; duplicateOf: string }
  | ({ action: 'assign' } & OwnerIds)
  | ({ action: 'priority' } & PriorityInput);

/** The item, if the meeting can still act on it and it is about a request or project; its reference. */
async function openItem(deps: Deps, actor: Actor, meetingId: string, itemId: string, action: string): Promise<{ access: MeetingAccess; reference: string }> {
  const access = await meetingAccess(deps, actor, 'agenda.view', `request.${action}`, 'Only members of the Digital Strategy Group can decide on requests.');
  const item = assertOpenItem(await getMeeting(deps, meetingId), itemId);
  if (!item.reference) throw new DomainError('INVALID_FIELD', 'This item is not about a request or project: record it as Noted or Deferred, or add an action.', { itemId });
  return { access, reference: item.reference };
}

/**
 * A decision on a request or project taken in the meeting: the same triage use case as on the triage card
 * (permission, stale-card check, audited, the requester told, the triage card updated), and, in the same
 * transaction, the decision recorded against the meeting's item.
 */
export async function decideItem(deps: Deps, actor: Actor, meetingId: string, itemId: string, requestVersion: number, decision: ItemDecision): Promise<ItemView> {
  const { access, reference } = await openItem(deps, actor, meetingId, itemId, decision.action);
  const also: AlsoRecord = async (tx, d) => {
    const current = await tx.meetings.get(meetingId);
    if (!current) throw new DomainError('NOT_FOUND', 'That meeting is not in the record any more.', { meetingId });
    const recorded = recordOutcome(current, itemId, { kind: 'decision', action: d.action, note: d.note, by: d.by, at: d.at }, d.at);
    if (!(await tx.meetings.update(recorded, current.version))) throw new DomainError('STALE_CARD', 'The meeting record changed at the same moment; nothing was saved. Please try again.', { meetingId });
  };
  switch (decision.action) {
    case 'approve':
      await approveRequest(deps, actor, reference, requestVersion, decision, also);
      break;
    case 'decline':
      await declineRequest(deps, actor, reference, requestVersion, decision.reason, also);
      break;
    case 'ask':
      await askForInformation(deps, actor, reference, requestVersion, decision.question, also);
      break;
    case 'merge':
      await mergeRequest(deps, actor, reference, requestVersion, decision.duplicateOf, also);
      break;
    case 'assign':
      await assignOwners(deps, actor, reference, requestVersion, decision, also);
      break;
    case 'priority':
      await changePriority(deps, actor, reference, requestVersion, decision, also);
      break;
  }
  return loadItemView(deps, await getMeeting(deps, meetingId), itemId, access);
}

/** What a final decision asks before it is taken: the item's card, the request, its open question, and for a merge the other request. */
export interface ItemConfirmation {
  view: ItemView;
  request: ProjectRequest;
  question: Question | null;
  into?: ProjectRequest;
}

/**
 * Whether declining or marking as a duplicate would be accepted (the meeting, the item, permission, the card, the
 * rule), saving nothing: for the confirmation asked before it.
 */
export async function checkItemDecision(deps: Deps, actor: Actor, meetingId: string, itemId: string, requestVersion: number, decision: Extract<ItemDecision, { action: 'decline' | 'merge' }>): Promise<ItemConfirmation> {
  const { access, reference } = await openItem(deps, actor, meetingId, itemId, decision.action);
  const checked: TriageView & { into?: ProjectRequest } =
    decision.action === 'decline' ? await checkDecline(deps, actor, reference, requestVersion, decision.reason) : await checkMerge(deps, actor, reference, requestVersion, decision.duplicateOf);
  const view = await loadItemView(deps, await getMeeting(deps, meetingId), itemId, access);
  return { view, request: checked.request, question: openQuestion(checked.triage), ...(checked.into && { into: checked.into }) };
}
