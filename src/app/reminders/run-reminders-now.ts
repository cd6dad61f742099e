import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { ReminderThresholds } from '../../domain/reminders';
import type { Deps } from '../deps';
import { dsgContext } from '../triage/dsg-context';
import { refuse } from '../refuse';
import { planReminders } from './plan-reminders';
import { personTarget, type RunResult, sendDueReminders } from './send-due-reminders';

async function assertMayRun(deps: Deps, actor: Actor, action: string): Promise<void> {
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('reminders.run', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, action, { subjectType: 'settings', subjectId: 'reminders' }, 'Only the DSG chair and admins can preview or run reminders.');
  }
}

/** `reminders preview`: who would be reminded of what at the next run, for the caller only. */
export async function previewReminders(deps: Deps, actor: Actor, t: ReminderThresholds): Promise<string[]> {
  await assertMayRun(deps, actor, 'reminders.preview');
  const plan = await planReminders(deps, t);
  const lines = [...plan.send.values()].map((items) => `${items[0].recipient.name}: ${items.map((i) => `${i.reference} ${i.what}`).join('; ')}`);
  if (plan.escalate.length) lines.push(`Escalated to Digital Leaders: ${plan.escalate.map((i) => `${i.reference} ${i.what}`).join('; ')}`);
  if (!lines.length) lines.push('Nobody would be reminded of anything right now.');
  // Messages the bot gave up on, so an admin can act (the person may have left, or Teams refused them).
  const failed = await deps.store.outbox.failed(10);
  if (failed.length) lines.push(`Could not be delivered (latest ${failed.length}): ${failed.map((m) => `${m.key} (${m.lastError ?? 'no reason recorded'})`).join('; ')}`);
  return lines;
}

/** `reminders run`: a run now, outside the schedule (its own slot, so it never repeats a scheduled one's messages). */
export async function runRemindersNow(deps: Deps, actor: Actor, t: ReminderThresholds): Promise<RunResult> {
  await assertMayRun(deps, actor, 'reminders.run');
  return sendDueReminders(deps, `manual:${deps.clock.now().toISOString().slice(0, 16)}`, t);
}

/** Sends a card to the actor's personal chat (used when a private answer was asked for in a channel). */
export async function sendPrivately(deps: Deps, actor: Actor, key: string, card: object): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.store.outbox.enqueue({ id: deps.newId(), key, target: await personTarget(deps.store, actor.id), payload: { card }, purpose: { kind: 'notice' }, nextAttemptAt: now, createdAt: now });
  deps.kickOutbox();
}
