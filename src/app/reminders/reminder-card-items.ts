import type { ReminderCardItem } from '../../domain/reminders';
import { actionIdOf, MEETINGS_GROUP, meetingReminder } from '../../domain/meetings';
import { contractCalledFor, solutionIdOfKey } from '../../domain/procurement';
import { candidateReminders, type ReminderItem, stateKey } from '../../domain/reminders';
import { isDueForReview, reviewFingerprint, riskIdOfKey } from '../../domain/risks';
import type { Repositories } from '../ports';
import { conditionIdOf } from '../../domain/stages';

/** Thresholds that make every time-based rule apply: "is it still missing?" without "is it due yet?". */
const ALWAYS = { businessCaseDays: 0, planDays: 0, dueSoonDays: 3650, questionWorkingDays: 0, remindEveryWorkingDays: 0, escalateAfter: 0, snoozeDays: 0, maxSnoozes: 0, healthRhythm: 'weekly' as const };

/**
 * The items of a reminder card as they stand now: resolved once the record no longer calls for them
 * (the same rules that raised them), snoozed with the date, and each project's current version.
 */
export async function reminderCardItems(repos: Repositories, items: readonly ReminderItem[], today: string): Promise<ReminderCardItem[]> {
  // A card goes to one person: read their states for its items, never the whole table (a run sends thousands).
  const recipients = [...new Set(items.map((i) => i.recipient.aadObjectId))];
  const found = await Promise.all(recipients.map((r) => repos.reminders.forItems(r, items.filter((i) => i.recipient.aadObjectId === r).map((i) => i.key))));
  const states = new Map(found.flat().map((s) => [stateKey(s.key, s.recipientId), s]));
  // Several items of a card are often about one project: read each record once.
  const once = <T>(cache: Map<string, Promise<T>>, reference: string, read: () => Promise<T>): Promise<T> => {
    if (!cache.has(reference)) cache.set(reference, read());
    return cache.get(reference) as Promise<T>;
  };
  const projects = new Map<string, ReturnType<Repositories['projects']['get']>>();
  const requests = new Map<string, ReturnType<Repositories['requests']['getByReference']>>();
  const result: ReminderCardItem[] = [];
  for (const item of items) {
    const solutionId = solutionIdOfKey(item.key);
    if (solutionId) {
      // A catalogue entry: answered once it is retired, renewed beyond 6 months or to another date; its version goes on every action.
      const solution = await repos.solutions.get(solutionId);
      const still = !!solution && contractCalledFor(solution, today) && solution.contractEnds === item.fingerprint;
      const snoozedUntil = states.get(stateKey(item.key, item.recipient.aadObjectId))?.snoozedUntil ?? null;
      result.push({ ...item, resolved: !still, snoozedUntil, projectVersion: solution?.version ?? 0 });
      continue;
    }
    const conditionId = conditionIdOf(item.key);
    if (conditionId) {
      // A gate condition: answered once it is done (or gone).
      const condition = await repos.gates.getCondition(conditionId);
      result.push({ ...item, resolved: !condition || condition.doneAt !== null, snoozedUntil: states.get(stateKey(item.key, item.recipient.aadObjectId))?.snoozedUntil ?? null, projectVersion: 0 });
      continue;
    }
    const riskId = riskIdOfKey(item.key);
    if (riskId) {
      // A risk or issue: done once reviewed, updated or closed (its fingerprint moves on); its version goes on every action.
      const entry = await repos.risks.get(riskId);
      const still = !!entry && isDueForReview(entry, today) && reviewFingerprint(entry) === item.fingerprint;
      const riskNow = entry && { kind: entry.kind, likelihood: entry.likelihood, impact: entry.impact, mitigation: entry.mitigation, reviewDate: entry.reviewDate };
      result.push({ ...item, resolved: !still, snoozedUntil: states.get(stateKey(item.key, item.recipient.aadObjectId))?.snoozedUntil ?? null, projectVersion: entry?.version ?? 0, ...(riskNow && { riskNow }) });
      continue;
    }
    const actionId = actionIdOf(item.key);
    if (actionId || item.reference === MEETINGS_GROUP) {
      result.push({ ...item, resolved: !(await stillCalledFor(repos, item, actionId, today)), snoozedUntil: states.get(stateKey(item.key, item.recipient.aadObjectId))?.snoozedUntil ?? null, projectVersion: 0 });
      continue;
    }
    const project = await once(projects, item.reference, () => repos.projects.get(item.reference));
    const request = await once(requests, item.reference, () => repos.requests.getByReference(item.reference));
    const triage = item.kind === 'question' ? await repos.triage.get(item.reference) : null;
    const still =
      project && request
        ? candidateReminders([{ request, project }], [], today, () => 0, ALWAYS)
        : request && triage
          ? candidateReminders([], [{ request, triage }], today, () => Number.MAX_SAFE_INTEGER, ALWAYS)
          : [];
    const milestone = project?.milestones.find((m) => m.id === item.milestoneId);
    result.push({
      ...item,
      // Answered once the record no longer calls for it, or changed since the reminder (a moved date, a link added).
      resolved: !still.some((c) => c.key === item.key && c.fingerprint === item.fingerprint),
      snoozedUntil: states.get(stateKey(item.key, item.recipient.aadObjectId))?.snoozedUntil ?? null,
      // A health item carries the health status's own version: another change to the project does not make it stale.
      projectVersion: item.kind === 'health' ? (project?.health?.version ?? 0) : (project?.version ?? request?.version ?? 0),
      ...(milestone && { dueDate: milestone.due }),
    });
  }
  return result;
}

/** Whether a meeting item (an action, or the chair's "add a meeting") is still called for, unchanged since the reminder. */
async function stillCalledFor(repos: Repositories, item: ReminderItem, actionId: string | null, today: string): Promise<boolean> {
  if (actionId) {
    const action = await repos.meetings.getAction(actionId);
    return !!action && !action.doneAt;
  }
  const settings = await repos.settings.get();
  const lastHeld = (await repos.meetings.list()).find((m) => m.status !== 'cancelled')?.date ?? null;
  return meetingReminder(settings.chair, lastHeld, settings.meetings.map((m) => m.date), today).some((c) => c.fingerprint === item.fingerprint);
}
