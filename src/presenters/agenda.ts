import { AGENDA_SOURCE_LABELS, type AgendaView } from '../domain/meetings';
import { ukDate } from '../domain/dates';
import { countsDown, fitToSize } from './fit';
import { clip } from './format';
import type { AdaptiveCardJson } from './render';

/** The agenda drafted for the next meeting: each item with why it is there; DSG members add items from it. */
export function agendaCard(view: AgendaView): AdaptiveCardJson {
  const items = view.running ? view.running.agenda : view.items;
  const when = view.running ? `the DSG meeting running now (${ukDate(view.running.date)})` : view.nextDate ? `the DSG meeting on ${ukDate(view.nextDate)}` : 'the next DSG meeting (no date is set yet)';
  return fitToSize('agenda', countsDown(items.length), (shown) => ({
    title: `Agenda for ${when}`,
    subtitle: view.running ? `Fixed when the meeting started: ${items.length} item${items.length === 1 ? '' : 's'}` : `Drafted from the Digital Programme on ${ukDate(view.today)}: ${items.length} item${items.length === 1 ? '' : 's'}`,
    ...(view.notice && { notice: view.notice }),
    hasItems: items.length > 0,
    items: items.slice(0, shown).map((item, i) => ({
      position: String(i + 1),
      title: clip(item.reference && !item.title.startsWith(item.reference) ? `${item.reference} ${item.title}` : item.title, 200),
      sourceLabel: AGENDA_SOURCE_LABELS[item.source],
      detail: clip(item.detail, 300),
    })),
    more: items.length - shown,
    moreText: `${items.length - shown} more item${items.length - shown === 1 ? '' : 's'} are not shown here: the Programme tab's Meetings page lists them all.`,
    canAdd: !view.running,
    ...(view.running && { runningId: view.running.id }),
  }));
}
