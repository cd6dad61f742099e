import { type MilestoneListKind, milestoneDetail, programmeMilestones } from '../../domain/digest';
import { PAGE_SIZE } from '../../domain/paging';
import type { Deps } from '../deps';

/**
 * `milestone.list`: every milestone of the programme due soon, overdue, or completed since a date (the lists a
 * digest cuts to "and N more"), a page at a time, each with its line in the digest's words.
 */
export async function listMilestones(deps: Deps, which: MilestoneListKind, since: string | undefined, page: number) {
  const today = deps.calendar.londonDate(deps.clock.now());
  const from = since ?? today;
  const all = programmeMilestones(await deps.store.projects.listWithRequests(), which, today, from);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const pageNo = Math.min(Math.max(1, page), pages);
  return {
    which,
    since: from,
    items: all.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE).map((pm) => ({ ...pm, detail: milestoneDetail(pm, which, today) })),
    page: pageNo,
    pages,
    total: all.length,
  };
}
