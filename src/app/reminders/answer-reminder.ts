import { DomainError } from '../../domain/errors';
import { actionIdOf } from '../../domain/meetings';
import { completeAction } from '../meetings/meeting-actions';
import type { Actor } from '../../domain/people';
import type { ReminderItem, ReminderThresholds, ReminderView } from '../../domain/reminders';
import { addMilestones } from '../projects/add-milestones';
import { refuse } from '../refuse';
import { answerQuestion } from '../triage/answer-question';
import { assignOwners } from '../triage/assign-owners';
import { completeMilestone } from '../projects/complete-milestone';
import type { Deps } from '../deps';
import { editProject, type ProjectEdit } from '../projects/edit-project';
import { recordFigure } from '../projects/measures';
import { moveMilestone } from '../projects/move-milestone';
import { dsgContext } from '../triage/dsg-context';
import { reminderCardItems } from './reminder-card-items';
import { snoozeReminder } from './snooze-reminder';

/** What a person can answer on a reminder card. */
export type ReminderAnswer =
  | ProjectEdit
  | { kind: 'milestones'; rows: Record<string, string> }
  | { kind: 'milestone-done' }
  | { kind: 'milestone-move'; newDue: string; reason: string }
  | { kind: 'assign'; projectLead: string | null; projectManager: string | null }
  | { kind: 'answer'; answer: string }
  | { kind: 'action-done' }
  | { kind: 'measure-figure'; value: string }
  | { kind: 'snooze'; reason: string };

export interface ReminderAction {
  messageId: string;
  /** Position of the item on the card, and its key (both must agree: a stale card is refused otherwise). */
  item: number;
  key: string;
  /** The project version the card was drawn with. */
  version: number;
}

/** The reminder card sent in message `messageId`, as it stands now: where each item stands, fresh versions, who may be assigned. */
export async function loadReminderView(deps: Deps, messageId: string): Promise<ReminderView> {
  const message = await deps.store.outbox.get(messageId);
  if (!message || message.intent.kind !== 'reminder') throw new DomainError('NOT_FOUND', 'That reminder is no longer available: type "project" and a reference to open the project.', {});
  return reminderView(deps, messageId, message.intent.recipientName, message.intent.items);
}

/** A reminder card's data from its items, as they stand now. */
export async function reminderView(deps: Deps, messageId: string, recipientName: string, items: readonly ReminderItem[]): Promise<ReminderView> {
  const today = deps.calendar.londonDate(deps.clock.now());
  const [cardItems, { members }] = await Promise.all([reminderCardItems(deps.store, items, today), dsgContext(deps)]);
  return { messageId, recipientName, items: cardItems, today, people: members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })) };
}

/**
 * Answers one item of a reminder card through the same use cases as the project card (permissions, stale-card
 * checks and the audit trail included). Returns what was done, in words; what is wrong is thrown as a domain
 * error (INVALID_FIELD with the problems by input, STALE_CARD when the item or record changed since the card was drawn).
 */
export async function answerReminder(deps: Deps, actor: Actor, action: ReminderAction, answer: ReminderAnswer, t: ReminderThresholds): Promise<string> {
  const message = await deps.store.outbox.get(action.messageId);
  if (!message || message.intent.kind !== 'reminder') throw new DomainError('NOT_FOUND', 'That reminder is no longer available: type "project" and a reference to open the project.', {});
  const item: ReminderItem | undefined = message.intent.items[action.item];
  if (!item || item.key !== action.key) throw new DomainError('STALE_CARD', 'That reminder item has changed. Here is the reminder as it stands.', {});
  const recipient = item.recipient.aadObjectId;
  if (recipient !== actor.aadObjectId && recipient !== actor.id) {
    await refuse(deps, actor, 'reminder.answer', { subjectType: 'request', subjectId: item.reference }, 'This reminder was sent to someone else: only they can answer or snooze it.');
  }
  return apply(deps, actor, item, action.version, answer, t);
}

async function apply(deps: Deps, actor: Actor, item: ReminderItem, version: number, answer: ReminderAnswer, t: ReminderThresholds): Promise<string> {
  const ref = item.reference;
  switch (answer.kind) {
    case 'business-case':
    case 'plan':
    case 'resourcing':
    case 'dpia':
      return (await editProject(deps, actor, ref, version, answer)).notice;
    case 'milestones':
      return (await addMilestones(deps, actor, ref, version, answer.rows)).notice;
    case 'milestone-done':
      return (await completeMilestone(deps, actor, ref, version, item.milestoneId ?? '')).notice;
    case 'milestone-move':
      return (await moveMilestone(deps, actor, ref, version, item.milestoneId ?? '', answer.newDue, answer.reason)).notice;
    case 'assign': {
      const project = await deps.store.projects.get(ref);
      if (project && project.version !== version) throw new DomainError('STALE_CARD', `${ref} was changed by someone else since this reminder was sent; open the project to see who leads it now.`, { reference: ref });
      const request = await deps.store.requests.getByReference(ref);
      await assignOwners(deps, actor, ref, request?.version ?? 0, { projectLead: answer.projectLead, projectManager: answer.projectManager });
      return 'Owners assigned.';
    }
    case 'answer':
      await answerQuestion(deps, actor, ref, answer.answer);
      return 'Your answer was sent to the DSG.';
    case 'action-done': {
      const actionId = actionIdOf(item.key);
      if (!actionId) throw new DomainError('STALE_CARD', 'That reminder item is not an action from a DSG meeting.', {});
      const done = await completeAction(deps, actor, actionId);
      return `Done: ${done.what}.`;
    }
    case 'measure-figure':
      if (!item.measure) throw new DomainError('STALE_CARD', 'That reminder item is not about a measure.', {});
      return (await recordFigure(deps, actor, ref, version, item.measure.id, { figurePeriod: item.measure.period, figureValue: answer.value })).notice;
    case 'snooze':
      return snoozeReminder(deps, actor, item, answer.reason, t);
  }
}
