import { actionReminders, meetingReminder } from '../../domain/meetings';
import { CATALOGUE_GROUP, contractNoticeBy, contractReminders } from '../../domain/procurement';
import { candidateReminders, type ReminderItem, type ReminderThresholds, type Selection, selectReminders, stateKey } from '../../domain/reminders';
import { conditionReminders } from '../../domain/stages';
import { liveProjectTitles, riskReviewReminders } from '../../domain/risks';
import type { Deps } from '../deps';

export interface ReminderPlan extends Selection {
  /** Items whose recipient cannot be reached, redirected to the project's Digital Leader (a catalogue item to the chair). */
  redirected: ReminderItem[];
}

/**
 * Who would be reminded of what if reminders ran now: the domain's rules over the whole programme, the
 * rhythm from what was sent before, and unreachable people's items handed to their Digital Leader.
 */
export async function planReminders(deps: Deps, thresholds: ReminderThresholds): Promise<ReminderPlan> {
  const now = deps.clock.now();
  const today = deps.calendar.londonDate(now);
  const workingDaysSince = (iso: string) => deps.calendar.workingDaysBetween(iso, today);
  const programme = await deps.store.projects.listWithHeadlines();
  const waiting = await deps.store.requests.listByStatus(['more-info-requested'], 0, 10_000);
  const questions = [];
  for (const request of waiting.items) {
    const triage = await deps.store.triage.get(request.reference);
    if (triage) questions.push({ request, triage });
  }
  const settings = await deps.store.settings.get();
  const lastHeld = (await deps.store.meetings.list()).find((m) => m.status !== 'cancelled')?.date ?? null;
  const candidates = [
    ...candidateReminders(programme, questions, today, workingDaysSince, thresholds),
    ...actionReminders(await deps.store.meetings.openActions(), today, thresholds.dueSoonDays),
    ...meetingReminder(settings.chair, lastHeld, settings.meetings.map((m) => m.date), today),
    ...contractReminders(await deps.store.solutions.contractsEndingBy(contractNoticeBy(today)), settings, today),
    ...conditionReminders(await deps.store.gates.openConditions(), new Map(programme.map((p) => [p.request.reference, p.request.title])), today, thresholds.dueSoonDays),
    ...riskReviewReminders(await deps.store.risks.dueForReview(today), liveProjectTitles(programme), today),
  ];

  const leaders = new Map(programme.map(({ project }) => [project.reference, project.digitalLeader]));
  const redirected: ReminderItem[] = [];
  const reachable: ReminderItem[] = [];
  const unreachable = new Set((await deps.store.people.unreachable()).flatMap((p) => [p.id, p.aadObjectId]));
  for (const item of candidates) {
    // A Digital Leader's catalogue item goes to the chair, as their escalations do.
    const leader = item.reference === CATALOGUE_GROUP ? settings.chair : leaders.get(item.reference);
    if (unreachable.has(item.recipient.aadObjectId) && leader && leader.aadObjectId !== item.recipient.aadObjectId) {
      const moved = { ...item, recipient: leader, what: `${item.what} (${item.recipient.name} cannot be reached in Teams.)` };
      redirected.push(moved);
      reachable.push(moved);
    } else {
      reachable.push(item);
    }
  }
  const known = new Map((await deps.store.reminders.all()).map((s) => [stateKey(s.key, s.recipientId), s]));
  return { ...selectReminders(reachable, known, now.toISOString(), workingDaysSince, thresholds), redirected };
}
