import { AGENDA_SOURCE_LABELS, type AgendaItem, type AgendaView } from '../domain/meetings';
import { ukDate } from '../domain/dates';
import { meetingWhen } from '../domain/meeting-plans';
import { countsDown, fitToSize } from './fit';
import { clip } from './format';
import { placeData } from './meeting-place';
import type { AdaptiveCardJson } from './render';

const itemTitle = (item: AgendaItem): string => clip(item.reference && !item.title.startsWith(item.reference) ? `${item.reference} ${item.title}` : item.title, 200);

/** What was typed into Add an item, and why it was not added, when the card comes back. */
export interface AgendaAddForm {
  text: string;
  error: string;
}

/**
 * The agenda drafted for the next meeting: each item with why it is there. Any DSG member adds items from it; the
 * chair, the Minute Taker and admins also move items up and down, take them off and put them back.
 */
export function agendaCard(view: AgendaView & { add?: AgendaAddForm }): AdaptiveCardJson {
  const items = view.running ? view.running.agenda : view.items;
  const arranging = view.canArrange && !view.running;
  const when = view.running ? `the DSG meeting running now (${ukDate(view.running.date)})` : view.next ? `the DSG meeting on ${meetingWhen(view.next)}` : 'the next DSG meeting (no date is set yet)';
  const planned = view.running ?? view.next;
  const { where, link } = planned ? placeData({ date: planned.date, startTime: null, place: planned.place }) : { where: undefined, link: undefined };
  return fitToSize('agenda', countsDown(items.length), (shown) => ({
    title: `Agenda for ${when}`,
    ...(where && { where }),
    ...(link && { link }),
    subtitle: view.running
      ? `Fixed when the meeting started: ${items.length} item${items.length === 1 ? '' : 's'}`
      : `Drafted from the Digital Programme on ${ukDate(view.today)}: ${items.length} item${items.length === 1 ? '' : 's'}${arranging ? '. The order you set is kept; items drafted since go at the end.' : ''}`,
    ...(view.notice && { notice: view.notice }),
    hasItems: items.length > 0,
    items: items.slice(0, shown).map((item, i) => ({
      position: String(i + 1),
      title: itemTitle(item),
      sourceLabel: AGENDA_SOURCE_LABELS[item.source],
      detail: clip(item.detail, 300),
      itemId: item.id,
      canUp: i > 0,
      canDown: i < items.length - 1,
    })),
    more: items.length - shown,
    moreText: `${items.length - shown} more item${items.length - shown === 1 ? '' : 's'} are not shown here: the Programme tab's Meetings page lists them all.`,
    canArrange: arranging,
    hasRemoved: arranging && view.removed.length > 0,
    removed: arranging ? view.removed.slice(0, shown).map((item) => ({ title: itemTitle(item), itemId: item.id })) : [],
    planVersion: view.planVersion,
    canAdd: !view.running,
    addText: view.add?.text ?? '',
    ...(view.add && { addError: view.add.error }),
    ...(view.running && { runningId: view.running.id }),
  }));
}
