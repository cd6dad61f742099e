import { MEETINGS_GROUP } from '../../domain/meetings';
import { CATALOGUE_GROUP } from '../../domain/procurement';
import type { PersonRef } from '../../domain/settings';
import { leaderNotices } from '../../domain/notices';
import type { ReminderItem, ReminderThresholds } from '../../domain/reminders';
import type { Deps } from '../deps';
import type { Repositories } from '../ports';
import { personTarget, queue } from '../outbox/queue';
import { planReminders } from './plan-reminders';

export interface RunResult {
  people: number;
  items: number;
  escalated: number;
}

/**
 * One reminder run (the slot is its unique name): one bundled card per person, queued in the outbox with a
 * key per person and slot, so a crash, a restart or a second instance neither loses nor repeats it; the card is
 * drawn when it is sent. Escalations go to the Digital Leader once. The reminder states are saved in the same
 * transaction. `queued` counts what this run queued (a slot already run queues nothing again).
 */
export async function sendDueReminders(deps: Deps, slot: string, thresholds: ReminderThresholds): Promise<RunResult & { queued: RunResult }> {
  const plan = await planReminders(deps, thresholds);
  const queued: RunResult = { people: 0, items: 0, escalated: 0 };
  await deps.store.transaction(async (tx) => {
    const reminded = new Set<string>();
    for (const [recipientId, items] of plan.send) {
      const key = `reminder:${slot}:${recipientId}`;
      if (await queue(deps, tx, key, await personTarget(tx, recipientId), { kind: 'reminder', recipientName: items[0].recipient.name, items })) {
        reminded.add(recipientId);
        queued.people++;
        queued.items += items.length;
      }
    }
    for (const item of plan.escalate) if (await queueEscalation(deps, tx, item, thresholds.escalateAfter)) queued.escalated++;
    // A snooze pressed while this run was planning wins over the state the run read before it.
    const states = [];
    // Only what this run queued counts as sent: a slot already run (its key exists) changes no one's count.
    for (const state of plan.states.filter((st) => reminded.has(st.recipientId))) {
      const current = await tx.reminders.get(state.key, state.recipientId);
      states.push(current?.snoozedUntil && current.snoozedUntil !== state.snoozedUntil ? { ...state, snoozedUntil: current.snoozedUntil, snoozes: current.snoozes } : state);
    }
    await tx.reminders.save(states);
  });
  deps.kickOutbox();
  return { people: plan.send.size, items: [...plan.send.values()].reduce((n, items) => n + items.length, 0), escalated: plan.escalate.length, queued };
}

/** Who is told when an item is escalated or snoozed too often: a project's Digital Leader; the chair for the DSG's meeting and catalogue items. */
export async function overseerOf(repos: Repositories, item: ReminderItem): Promise<PersonRef | null> {
  if (item.reference === MEETINGS_GROUP || item.reference === CATALOGUE_GROUP) return (await repos.settings.get()).chair;
  return (await repos.projects.get(item.reference))?.digitalLeader ?? null;
}

async function queueEscalation(deps: Deps, repos: Repositories, item: ReminderItem, after: number): Promise<boolean> {
  const leader = await overseerOf(repos, item);
  if (!leader) return false;
  return queue(deps, repos, `escalation:${item.key}:${item.recipient.aadObjectId}:${item.fingerprint}`, await personTarget(repos, leader.aadObjectId), {
    kind: 'notice',
    notice: leaderNotices.escalated(item, after),
  });
}
