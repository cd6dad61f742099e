import { DomainError } from './errors';
import type { AgendaItem } from './meetings';

/**
 * How the chair or the Minute Taker arranged the agenda of the next meeting: the order they put items in and the
 * items they took off. It is kept (with a version, so a stale agenda card is refused) and applied to every new
 * draft until the meeting starts, when the arranged agenda becomes the meeting's and the plan starts afresh.
 *
 * Removing an item takes it off the agenda of the coming meeting only: if it is still relevant after that
 * meeting, the next draft brings it back (an item a member added is taken up by the meeting and does not).
 */
export interface AgendaPlan {
  /** Item ids in the order arranged; items drafted since go after them, in draft order. */
  order: string[];
  removed: string[];
  version: number;
  /** The last change in words, with who made it and when: what a stale card is told. */
  lastChange: { what: string; by: string; at: string } | null;
}

export const EMPTY_AGENDA_PLAN: AgendaPlan = { order: [], removed: [], version: 0, lastChange: null };

/** The draft as arranged: the items on the agenda, and the items taken off it that are still drafted. */
export function arrangeAgenda(draft: readonly AgendaItem[], plan: AgendaPlan): { items: AgendaItem[]; removed: AgendaItem[] } {
  const removed = new Set(plan.removed);
  const position = new Map(plan.order.map((id, i) => [id, i]));
  const kept = draft.filter((i) => !removed.has(i.id));
  const arranged = kept.filter((i) => position.has(i.id)).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { items: [...arranged, ...kept.filter((i) => !position.has(i.id))], removed: draft.filter((i) => removed.has(i.id)) };
}

export type AgendaChange = 'up' | 'down' | 'remove' | 'restore';

const quoted = (item: AgendaItem): string => `"${item.title.length > 80 ? `${item.title.slice(0, 79)}…` : item.title}"`;

/** Moves an item up or down, takes it off, or puts it back; an item no longer drafted is told so. */
export function changeAgenda(plan: AgendaPlan, draft: readonly AgendaItem[], itemId: string, change: AgendaChange, by: string, now: string): AgendaPlan {
  const { items, removed } = arrangeAgenda(draft, plan);
  const ids = items.map((i) => i.id);
  const save = (order: string[], removedIds: string[], what: string): AgendaPlan => ({ order, removed: removedIds, version: plan.version + 1, lastChange: { what, by, at: now } });
  if (change === 'restore') {
    const item = removed.find((i) => i.id === itemId);
    if (!item) throw new DomainError('STALE_CARD', 'That item is not among the items taken off the agenda any more.', { itemId });
    return save([...ids, itemId], plan.removed.filter((id) => id !== itemId), `put ${quoted(item)} back on the agenda`);
  }
  const at = ids.indexOf(itemId);
  if (at < 0) throw new DomainError('STALE_CARD', 'That item is no longer on the drafted agenda (it was dealt with, or taken off).', { itemId });
  const item = items[at];
  if (change === 'remove') return save(ids.filter((id) => id !== itemId), [...plan.removed, itemId], `took ${quoted(item)} off the agenda`);
  const to = change === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= ids.length) throw new DomainError('ILLEGAL_TRANSITION', `${quoted(item)} is already ${change === 'up' ? 'first' : 'last'} on the agenda.`, { itemId });
  [ids[at], ids[to]] = [ids[to], ids[at]];
  return save(ids, plan.removed, `moved ${quoted(item)} ${change} to number ${to + 1}`);
}
