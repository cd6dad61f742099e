import { ukDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { replacementValues, reminderSubject, solutionIdOfKey } from '../../domain/procurement';
import type { Draft } from '../../domain/request-form';
import type { Solution } from '../../domain/solutions';
import { keepDraft } from '../requests/save-draft';
import { requireContractKeeper } from '../solutions/solution-access';
import { renewContract, retireSolution } from '../solutions/save-solution';
import { actionIdOf } from '../../domain/meetings';
import { completeAction } from '../meetings/meeting-actions';
import { conditionIdOf } from '../../domain/stages';
import { completeGateCondition } from '../gates/complete-condition';
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
import { setHealth } from '../projects/set-health';
import type { HealthValues } from '../../domain/health';
import { dsgContext } from '../triage/dsg-context';
import { reminderCardItems } from './reminder-card-items';
import { snoozeReminder } from './snooze-reminder';
import { riskIdOfKey, riskValues, type RiskValues } from '../../domain/risks';
import { changeRisk, type RiskChange } from '../risks/edit-risk';

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
  | { kind: 'health'; values: HealthValues }
  | { kind: 'health-confirm' }
  | { kind: 'contract-renew'; newEnd: string }
  | { kind: 'contract-retire' }
  | { kind: 'risk-reviewed' }
  | { kind: 'risk-update'; values: Pick<RiskValues, 'riskLikelihood' | 'riskImpact' | 'riskMitigation' | 'riskReviewDate'> }
  | { kind: 'risk-close' }
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
  return apply(deps, actor, await reminderItem(deps, actor, action), action.version, answer, t);
}

/** The item an action on a reminder card is about, once it is known to be the same item and the actor its recipient (a refusal is audited). */
async function reminderItem(deps: Deps, actor: Actor, action: ReminderAction): Promise<ReminderItem> {
  const message = await deps.store.outbox.get(action.messageId);
  if (!message || message.intent.kind !== 'reminder') throw new DomainError('NOT_FOUND', 'That reminder is no longer available: type "project" and a reference to open the project.', {});
  const item: ReminderItem | undefined = message.intent.items[action.item];
  if (!item || item.key !== action.key) throw new DomainError('STALE_CARD', 'That reminder item has changed. Here is the reminder as it stands.', {});
  const recipient = item.recipient.aadObjectId;
  if (recipient !== actor.aadObjectId && recipient !== actor.id) {
    await refuse(deps, actor, 'reminder.answer', reminderSubject(item), 'This reminder was sent to someone else: only they can answer or snooze it.');
  }
  return item;
}

/** The catalogue entry a contract item is about, as it stands now: one retired since is stale (nothing to do). */
async function contractEntry(deps: Deps, item: ReminderItem): Promise<Solution> {
  const id = solutionIdOfKey(item.key);
  if (!id) throw new DomainError('STALE_CARD', 'That reminder item is not about a catalogue entry.', {});
  const solution = await deps.store.solutions.get(id);
  if (!solution) throw new DomainError('NOT_FOUND', 'That catalogue entry is no longer there. Type "catalogue" to see the entries.', { id });
  if (solution.retired) throw new DomainError('STALE_CARD', `${solution.name} has been retired from the catalogue since this reminder was sent: nothing to do.`, { id });
  return solution;
}

/**
 * Retire, before it asks: the entry as it stands, once the actor may retire it (refused and audited otherwise) and
 * the reminder still shows its current version (stale otherwise), so the confirmation is about what they saw.
 */
export async function checkRetire(deps: Deps, actor: Actor, action: ReminderAction): Promise<Solution> {
  const solution = await contractEntry(deps, await reminderItem(deps, actor, action));
  await requireContractKeeper(deps, actor, 'solution.retire', solution);
  if (solution.version !== action.version) throw new DomainError('STALE_CARD', 'Someone changed this entry since the reminder was sent: here it is as it now stands.', { id: solution.id });
  return solution;
}

/**
 * Plan a replacement: a new request for the actor, pre-filled from the entry as it stands now and kept as their
 * draft, for them to review and submit through the request form like any other. A second press opens the draft
 * it started (their latest, still under its title), with what they typed since.
 */
export async function planReplacement(deps: Deps, actor: Actor, action: ReminderAction): Promise<{ draft: Draft; solution: Solution; again: boolean }> {
  const solution = await contractEntry(deps, await reminderItem(deps, actor, action));
  const values = replacementValues(solution);
  const latest = await deps.store.drafts.latestFor(actor.id);
  if (latest && latest.values.title === values.title) return { draft: latest, solution, again: true };
  return { draft: await keepDraft(deps, actor, deps.newId(), values, 'reminder.replace'), solution, again: false };
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
      const conditionId = conditionIdOf(item.key);
      if (conditionId) return `Done: ${(await completeGateCondition(deps, actor, conditionId)).what}.`;
      const actionId = actionIdOf(item.key);
      if (!actionId) throw new DomainError('STALE_CARD', 'That reminder item is not an action from a DSG meeting.', {});
      const done = await completeAction(deps, actor, actionId);
      return `Done: ${done.what}.`;
    }
    case 'measure-figure':
      if (!item.measure) throw new DomainError('STALE_CARD', 'That reminder item is not about a measure.', {});
      return (await recordFigure(deps, actor, ref, version, item.measure.id, { figurePeriod: item.measure.period, figureValue: answer.value })).notice;
    case 'health':
      return (await setHealth(deps, actor, ref, version, { kind: 'set', values: answer.values })).notice;
    case 'health-confirm':
      return (await setHealth(deps, actor, ref, version, { kind: 'confirm' })).notice;
    case 'contract-renew': {
      const renewed = await renewContract(deps, actor, (await contractEntry(deps, item)).id, version, answer.newEnd);
      return `Renewed: ${renewed.name} now runs to ${ukDate(renewed.contractEnds ?? answer.newEnd)}.`;
    }
    case 'contract-retire': {
      const retired = await retireSolution(deps, actor, (await contractEntry(deps, item)).id, version);
      return `Retired: ${retired.name} stays on record in the catalogue, marked retired, and is no longer offered for re-use. The DSG and admins can put it back in use from the catalogue.`;
    }
    case 'risk-reviewed':
    case 'risk-update':
    case 'risk-close': {
      const riskId = riskIdOfKey(item.key);
      if (!riskId) throw new DomainError('STALE_CARD', 'That reminder item is not about a risk or issue.', {});
      const entry = await deps.store.risks.get(riskId);
      if (!entry) throw new DomainError('NOT_FOUND', 'That risk or issue is no longer in the log.', { riskId });
      const change: RiskChange =
        answer.kind === 'risk-reviewed' ? { kind: 'reviewed' } : answer.kind === 'risk-close' ? { kind: 'close' } : { kind: 'edit', values: { ...riskValues(entry), ...answer.values } };
      return (await changeRisk(deps, actor, riskId, version, change)).notice;
    }
    case 'snooze':
      return snoozeReminder(deps, actor, item, answer.reason, t);
  }
}
