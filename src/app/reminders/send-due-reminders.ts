import { noticeCard } from '../../presenters/notice';
import { reminderCard } from '../../presenters/reminder';
import type { ReminderItem, ReminderThresholds } from '../../domain/reminders';
import type { Deps } from '../deps';
import type { OutboxTarget } from '../outbox/ports';
import type { Repositories } from '../ports';
import { planReminders } from './plan-reminders';
import { dsgContext } from '../triage/dsg-context';
import { peopleChoices, reminderCardItems } from './reminder-card-items';

export interface RunResult {
  people: number;
  items: number;
  escalated: number;
}

/** Where a message to this person goes: their personal chat if the bot has one, else a new 1:1 chat. */
export async function personTarget(repos: Repositories, id: string): Promise<OutboxTarget> {
  const person = id.startsWith('29:') ? await repos.people.get(id) : await repos.people.findByAadObjectId(id);
  if (person?.conversationRef) return { kind: 'conversation', reference: person.conversationRef, newThread: false, personId: person.id };
  return { kind: 'person', userId: person?.id ?? id, tenantId: person?.tenantId ?? null };
}

/**
 * One reminder run (the slot is its unique name): one bundled card per person, queued in the outbox with a
 * key per person and slot, so a crash, a restart or a second instance neither loses nor repeats it.
 * Escalations go to the Digital Leader once. The reminder states are saved in the same transaction.
 */
export async function sendDueReminders(deps: Deps, slot: string, thresholds: ReminderThresholds): Promise<RunResult> {
  const plan = await planReminders(deps, thresholds);
  const now = deps.clock.now().toISOString();
  const today = deps.calendar.londonDate(deps.clock.now());
  const people = peopleChoices((await dsgContext(deps)).members);
  await deps.store.transaction(async (tx) => {
    for (const [recipientId, items] of plan.send) {
      const key = `reminder:${slot}:${recipientId}`;
      const recipientName = items[0].recipient.name;
      const card = reminderCard({ messageId: key, recipientName, items: await reminderCardItems(tx, items, today), today, people });
      await tx.outbox.enqueue({
        id: deps.newId(),
        key,
        target: await personTarget(tx, recipientId),
        payload: { card },
        purpose: { kind: 'reminder', recipientName, items },
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    for (const item of plan.escalate) await queueEscalation(deps, tx, item, thresholds.escalateAfter, now);
    // A snooze pressed while this run was planning wins over the state the run read before it.
    const states = [];
    for (const state of plan.states) {
      const current = await tx.reminders.get(state.key, state.recipientId);
      states.push(current?.snoozedUntil && current.snoozedUntil !== state.snoozedUntil ? { ...state, snoozedUntil: current.snoozedUntil, snoozes: current.snoozes } : state);
    }
    await tx.reminders.save(states);
  });
  deps.kickOutbox();
  return { people: plan.send.size, items: [...plan.send.values()].reduce((n, items) => n + items.length, 0), escalated: plan.escalate.length };
}

async function queueEscalation(deps: Deps, repos: Repositories, item: ReminderItem, after: number, now: string): Promise<void> {
  const project = await repos.projects.get(item.reference);
  const leader = project?.digitalLeader;
  if (!leader) return;
  const card = noticeCard(
    `Escalated: ${item.reference}`,
    [`${item.recipient.name} has been reminded ${after} times with no change: ${item.what}`, `Project: ${item.projectTitle}.`, item.why],
    { verb: 'project.view', title: 'Open project', data: { reference: item.reference } },
  );
  await repos.outbox.enqueue({
    id: deps.newId(),
    key: `escalation:${item.key}:${item.recipient.aadObjectId}:${item.fingerprint}`,
    target: await personTarget(repos, leader.aadObjectId),
    payload: { card },
    purpose: { kind: 'notice' },
    nextAttemptAt: now,
    createdAt: now,
  });
}
