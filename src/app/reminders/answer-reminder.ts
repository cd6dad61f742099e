import { reminderCard } from '../../presenters/reminder';
import { DomainError, isDomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import type { ReminderItem, ReminderThresholds } from '../../domain/reminders';
import { addMilestones } from '../projects/add-milestones';
import { refuse } from '../refuse';
import { answerQuestion } from '../triage/answer-question';
import { assignOwners } from '../triage/assign-owners';
import { completeMilestone } from '../projects/complete-milestone';
import type { Deps } from '../deps';
import { editProject, type ProjectEdit } from '../projects/edit-project';
import { moveMilestone } from '../projects/move-milestone';
import { dsgContext } from '../triage/dsg-context';
import { peopleChoices, reminderCardItems } from './reminder-card-items';
import { snoozeReminder } from './snooze-reminder';

/** What a person can answer on a reminder card. */
export type ReminderAnswer =
  | ProjectEdit
  | { kind: 'milestones'; rows: Record<string, string> }
  | { kind: 'milestone-done' }
  | { kind: 'milestone-move'; newDue: string; reason: string }
  | { kind: 'assign'; projectLead: string | null; projectManager: string | null }
  | { kind: 'answer'; answer: string }
  | { kind: 'snooze'; reason: string }
  /** What was typed did not pass the form's checks: shown again with the problems, nothing saved. */
  | { kind: 'invalid'; errors: Record<string, string>; values: Record<string, string> };

export interface ReminderAction {
  messageId: string;
  /** Position of the item on the card, and its key (both must agree: a stale card is refused otherwise). */
  item: number;
  key: string;
  /** The project version the card was rendered with. */
  version: number;
}

/**
 * Answers one item of a reminder card through the same use cases as the project card (permissions,
 * stale-card checks and the audit trail included), then returns the reminder card as it now stands.
 */
export async function answerReminder(deps: Deps, actor: Actor, action: ReminderAction, answer: ReminderAnswer, t: ReminderThresholds): Promise<object> {
  const message = await deps.store.outbox.get(action.messageId);
  if (!message || message.purpose.kind !== 'reminder') throw new DomainError('NOT_FOUND', 'That reminder is no longer available: type "project" and a reference to open the project.', {});
  const { items, recipientName } = message.purpose;
  const item: ReminderItem | undefined = items[action.item];
  const today = deps.calendar.londonDate(deps.clock.now());
  /** The reminder as it stands now (fresh versions on every action), with a line at the top. */
  const asItStands = async (notice: string, errors?: Record<string, string>, values?: Record<string, string>) =>
    reminderCard({ messageId: action.messageId, recipientName, items: await reminderCardItems(deps.store, items, today), today, notice, errors, values, people: peopleChoices((await dsgContext(deps)).members) });
  if (!item || item.key !== action.key) return asItStands('This card is out of date: that reminder item has changed. Here is the reminder as it stands.');
  const recipient = item.recipient.aadObjectId;
  if (recipient !== actor.aadObjectId && recipient !== actor.id) {
    await refuse(deps, actor, 'reminder.answer', { subjectType: 'request', subjectId: item.reference }, 'This reminder was sent to someone else: only they can answer or snooze it.');
  }
  const prefix = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`i${action.item}_${k}`, v]));
  if (answer.kind === 'invalid') return asItStands('Not saved: fix the problem marked below.', prefix(answer.errors), prefix(answer.values));
  try {
    return asItStands(await apply(deps, actor, item, action.version, answer, t));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'INVALID_FIELD' && error.details.errors) {
      return asItStands('Not saved: fix the problem marked below.', prefix(error.details.errors as Record<string, string>), answer.kind === 'milestones' ? prefix(answer.rows) : undefined);
    }
    // Changed elsewhere since the reminder was sent (or already done): the card comes back as it now stands,
    // with fresh versions, so the next press works. Refusals stay refusals.
    if (error.code === 'STALE_CARD' || error.code === 'NOT_FOUND') return asItStands(`This card is out of date. ${error.message}`);
    throw error;
  }
}

async function apply(deps: Deps, actor: Actor, item: ReminderItem, version: number, answer: Exclude<ReminderAnswer, { kind: 'invalid' }>, t: ReminderThresholds): Promise<string> {
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
    case 'snooze':
      return snoozeReminder(deps, actor, item, answer.reason, t);
  }
}
