import type { ReminderItem } from '../domain/reminders';
import { noticeCard } from './notice';
import type { AdaptiveCardJson } from './render';

/** What `reminders preview` shows: each person and their items, escalations, and what could not be delivered. */
export interface RemindersPreviewInput {
  people: { name: string; items: ReminderItem[] }[];
  escalate: ReminderItem[];
  undelivered: { key: string; reason: string }[];
}

const itemWords = (items: readonly ReminderItem[]) => items.map((i) => `${i.reference} ${i.what}`).join('; ');

/** `reminders preview`: who the next run would remind of what, for the chair or an admin only. */
export function remindersPreviewCard(preview: RemindersPreviewInput): AdaptiveCardJson {
  const lines = preview.people.map((p) => `${p.name}: ${itemWords(p.items)}`);
  if (preview.escalate.length) lines.push(`Escalated to Digital Leaders: ${itemWords(preview.escalate)}`);
  if (!lines.length) lines.push('Nobody would be reminded of anything right now.');
  if (preview.undelivered.length) {
    lines.push(`Could not be delivered (latest ${preview.undelivered.length}): ${preview.undelivered.map((m) => `${m.key} (${m.reason})`).join('; ')}`);
  }
  return noticeCard({ title: 'Reminders at the next run', lines });
}
