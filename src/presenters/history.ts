import { type AuditEvent, actionWords, isHistoryEvent } from '../domain/audit';
import { ukDateTime } from '../domain/dates';
import { pageOf } from '../domain/paging';
import { countOf } from '../domain/words';
import { changeWords, nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';
import type { AuditLine } from './types';

/** History lines per page, newest first. */
export const HISTORY_PAGE_SIZE = 15;

/** A record's audit trail in words, newest first, 15 lines a page ("and N earlier changes"). */
export function historyCard(reference: string, title: string, events: readonly AuditEvent[], pageNo = 1): AdaptiveCardJson {
  const done = events.filter(isHistoryEvent).sort((a, b) => b.at.localeCompare(a.at));
  const { page: asked, pages } = pageOf(pageNo, HISTORY_PAGE_SIZE, done.length);
  const page = Math.min(asked, pages);
  const shown = done.slice((page - 1) * HISTORY_PAGE_SIZE, page * HISTORY_PAGE_SIZE);
  const earlier = done.length - (page - 1) * HISTORY_PAGE_SIZE - shown.length;
  const lines: AuditLine[] = shown.map((e) => {
    const line: AuditLine = {
      when: ukDateTime(e.at),
      who: nonBlank(e.actorName) ?? 'dsg-bot',
      what: actionWords(e.action, e.after),
    };
    const change = changeWords(e.before, e.after).join('; ');
    if (change) line.change = change;
    return line;
  });
  return render('history', {
    reference,
    title: nonBlank(title) ?? reference,
    summary:
      done.length === 0
        ? 'No changes are recorded yet.'
        : `${countOf(done.length, 'change')}, newest first.${pages > 1 ? ` Page ${page} of ${pages}.` : ''}`,
    lines,
    ...(earlier > 0 && { earlierNote: `and ${countOf(earlier, 'earlier change')}` }),
    page,
    hasEarlier: earlier > 0,
    hasLater: page > 1,
  });
}
