import { leaderNotices } from '../../domain/notices';
import { ukDate } from '../../domain/dates';
import { reminderSubject } from '../../domain/procurement';
import type { ReminderItem, ReminderThresholds } from '../../domain/reminders';
import type { Actor } from '../../domain/people';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { personTarget, queue } from '../outbox/queue';
import { overseerOf } from './send-due-reminders';

/**
 * Snoozes one item for the actor; past the allowed number of snoozes the Digital Leader is told. An item
 * already snoozed (a second press, or the card open twice) stays as it is: one press, one snooze.
 */
export async function snoozeReminder(deps: Deps, actor: Actor, item: ReminderItem, reason: string, t: ReminderThresholds): Promise<string> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + t.snoozeDays * 86_400_000).toISOString();
  const recipientId = item.recipient.aadObjectId;
  const already = await deps.store.transaction(async (tx) => {
    const state = (await tx.reminders.get(item.key, recipientId)) ?? {
      key: item.key,
      recipientId,
      count: 1,
      lastSentAt: now.toISOString(),
      fingerprint: item.fingerprint,
      snoozedUntil: null,
      snoozes: 0,
      escalatedAt: null,
    };
    if (state.snoozedUntil && state.snoozedUntil > now.toISOString()) return state.snoozedUntil;
    const snoozes = state.snoozes + 1;
    await tx.reminders.save([{ ...state, snoozedUntil: until, snoozes }]);
    await audited(tx, actor, now.toISOString(), 'reminder.snooze', reminderSubject(item), null, { item: item.kind, until }, reason);
    const leader = await overseerOf(tx, item);
    if (snoozes > t.maxSnoozes && leader) {
      await queue(deps, tx, `snoozed:${item.key}:${recipientId}:${snoozes}`, await personTarget(tx, leader.aadObjectId), {
        kind: 'notice',
        notice: leaderNotices.snoozedAgain(item, actor.name, snoozes, reason),
      });
    }
    return null;
  });
  if (already) return `Already snoozed until ${ukDate(already)}.`;
  deps.kickOutbox();
  return `Snoozed until ${ukDate(until)}.`;
}
