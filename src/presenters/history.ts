import { type AuditEvent, actionWords, isHistoryEvent } from '../domain/audit';
import { ukDateTime } from '../domain/dates';
import { PAGE_SIZE, pageOf } from '../domain/paging';
import { countOf } from '../domain/words';
import { changeWords, nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';
import type { AuditLine } from './types';

/** A record's audit trail in words, newest first, a page at a time (the one PAGE_SIZE) ("and N earlier changes"). */
export function historyCard(reference: string, title: string, events: readonly AuditEvent[], pageNo = 1): AdaptiveCardJson {
  const done = events.filter(isHistoryEvent).sort((a, b) => b.at.localeCompare(a.at));
  const { page: asked, pages } = pageOf(pageNo, PAGE_SIZE, done.length);
  const page = Math.min(asked, pages);
  const shown = done.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const earlier = done.length - (page - 1) * PAGE_SIZE - shown.length;
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
