import { strandName } from '../domain/catalogue';
import { type Page, pageOf } from '../domain/paging';
import { type ProjectRequest, daysWaiting, waitingForRequesterSince, waitingTooLong } from '../domain/request';
import { countOf } from '../domain/words';
import { daysWords, statusLabel, waitingForRequesterWords } from './format';
import { type AdaptiveCardJson, render } from './render';

/** Requests awaiting a decision, oldest first (`page.items` in the order given: the repository sorts them). */
export function pendingCard(page: Page<ProjectRequest>, pageNo: number, pageSize: number, today: string): AdaptiveCardJson {
  const { page: current, pages } = pageOf(pageNo, pageSize, page.total);
  return render('pending', {
    summary:
      page.total === 0
        ? 'Nothing is waiting for a decision.'
        : `${countOf(page.total, 'request')} awaiting a decision, oldest first. Page ${current} of ${pages}.`,
    items: page.items.map((r) => {
      const days = daysWaiting(r, today);
      const askedSince = waitingForRequesterSince(r);
      return {
        reference: r.reference,
        title: r.title,
        statusLabel: statusLabel(r.status),
        strandName: strandName(r.strand),
        age: askedSince ? waitingForRequesterWords(askedSince) : days === 0 ? 'submitted today' : `waiting ${daysWords(days)}`,
        overdue: waitingTooLong(r, today),
      };
    }),
    page: current,
    hasPrevious: current > 1,
    hasNext: current < pages,
  });
}
