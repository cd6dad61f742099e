import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import { manualSlot, type ReminderItem, type ReminderThresholds } from '../../domain/reminders';
import type { Deps } from '../deps';
import type { OutboxIntent } from '../outbox/ports';
import { personTarget, queue } from '../outbox/queue';
import { refuse } from '../refuse';
import { dsgContext } from '../triage/dsg-context';
import { planReminders } from './plan-reminders';
import { type RunResult, sendDueReminders } from './send-due-reminders';

/** Who the next reminder run would remind of what, and what the outbox gave up on. */
export interface ReminderPreview {
  /** One entry per person, each with the items they would get on their card. */
  people: { name: string; items: ReminderItem[] }[];
  /** Items escalated to the Digital Leader. */
  escalate: ReminderItem[];
  /** Messages the bot gave up on, newest first (the person may have left, or Teams refused them). */
  undelivered: { key: string; reason: string }[];
}

async function assertMayRun(deps: Deps, actor: Actor, action: string): Promise<void> {
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('reminders.run', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, action, { subjectType: 'settings', subjectId: 'reminders' }, 'Only the DSG chair and admins can preview or run reminders.');
  }
}

/** The preview's data as it stands now (no permission check: `previewReminders` and the outbox's own intents only). */
export async function reminderPreview(deps: Deps): Promise<ReminderPreview> {
  const plan = await planReminders(deps, deps.reminders);
  return {
    people: [...plan.send.values()].map((items) => ({ name: items[0].recipient.name, items })),
    escalate: plan.escalate,
    undelivered: (await deps.store.outbox.failed(10)).map((m) => ({ key: m.key, reason: m.lastError ?? 'no reason recorded' })),
  };
}

/** `reminders preview`: who would be reminded of what at the next run, for the caller only. */
export async function previewReminders(deps: Deps, actor: Actor): Promise<ReminderPreview> {
  await assertMayRun(deps, actor, 'reminders.preview');
  return reminderPreview(deps);
}

/** What a run by hand did: what was due, what it queued, and its minute. */
export interface ManualRun extends RunResult {
  /** What this run queued: less than what was due when a run in the same minute had queued it already. */
  queued: RunResult;
  /** The start of the run's minute, and when a run can queue again. */
  slot: { startedAt: string; next: string };
}

/**
 * `reminders run` and Run now: a run now, outside the schedule. Its slot is the minute (so it never repeats a
 * scheduled run's messages, and a second press within the minute queues nothing again).
 */
export async function runRemindersNow(deps: Deps, actor: Actor, t: ReminderThresholds): Promise<ManualRun> {
  await assertMayRun(deps, actor, 'reminders.run');
  const slot = manualSlot(deps.clock.now());
  return { ...(await sendDueReminders(deps, slot.name, t)), slot: { startedAt: slot.startedAt, next: slot.next } };
}

/** Sends a message to the actor's personal chat (used when a private answer was asked for in a channel). */
export async function sendPrivately(deps: Deps, actor: Actor, key: string, intent: OutboxIntent): Promise<void> {
  await queue(deps, deps.store, key, await personTarget(deps.store, actor.id), intent);
  deps.kickOutbox();
}
