import type { ReminderItem } from '../domain/reminders';
import { type AdaptiveCardJson, render } from './render';

/** What `reminders preview` shows: each person and their items, escalations, and what could not be delivered. */
export interface RemindersPreviewInput {
  people: { name: string; items: ReminderItem[] }[];
  escalate: ReminderItem[];
  undelivered: { key: string; reason: string }[];
}

const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;

/**
 * `reminders preview`, for the chair and admins only: who the next run would remind of what, grouped by person
 * with a count each and one line per item. Each reference sits in a column of its own sized to it, so it never
 * breaks across lines. Run now runs it.
 */
export function remindersPreviewCard(preview: RemindersPreviewInput): AdaptiveCardJson {
  const group = (name: string, list: readonly ReminderItem[]) => ({ name, count: items(list.length), items: list.map((i) => ({ reference: i.reference, what: i.what })) });
  const groups = preview.people.map((p) => group(p.name, p.items));
  if (preview.escalate.length) groups.push(group('Escalated to Digital Leaders', preview.escalate));
  const total = preview.people.reduce((n, p) => n + p.items.length, 0);
  const escalated = preview.escalate.length ? `, and ${items(preview.escalate.length)} escalated to Digital Leaders` : '';
  const summary = total || escalated
    ? `${items(total)} for ${preview.people.length} ${preview.people.length === 1 ? 'person' : 'people'}${escalated}.`
    : 'Nobody would be reminded of anything right now.';
  return render('reminders-preview', {
    summary,
    groups,
    undelivered: preview.undelivered.map((m) => ({ text: `${m.key} – ${m.reason}` })),
    canRun: groups.length > 0,
  });
}
