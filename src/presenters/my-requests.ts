import { strandName } from '../domain/catalogue';
import { ukDate } from '../domain/dates';
import type { Page } from '../domain/paging';
import { type ProjectRequest, STATUS_LABELS, waitingForRequesterSince } from '../domain/request';
import { type AdaptiveCardJson, render } from './render';

/**
 * One page of the person's own requests (`page.items` in the order given: the repository puts newest first), under
 * "Action needed" for those waiting for their answer to the DSG's question.
 */
export function myRequestsCard(page: Page<ProjectRequest>, pageNo: number, pageSize: number, actionNeeded: readonly ProjectRequest[] = []): AdaptiveCardJson {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, not ${pageSize}`);
  const current = Number.isInteger(pageNo) && pageNo >= 1 ? pageNo : 1;
  const pages = Math.max(1, Math.ceil(page.total / pageSize));
  return render('my-requests', {
    items: page.items.map((r) => ({
      reference: r.reference,
      title: r.title,
      statusLabel: STATUS_LABELS[r.status] ?? r.status,
      strandName: strandName(r.strand),
      updated: ukDate(r.updatedAt),
    })),
    actionNeeded: actionNeeded.flatMap((r) => {
      const since = waitingForRequesterSince(r);
      return since ? [{ reference: r.reference, title: r.title, since: ukDate(since) }] : [];
    }),
    page: current,
    pages,
    total: page.total,
    hasPrevious: current > 1,
    hasNext: current < pages,
  });
}
