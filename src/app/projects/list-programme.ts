import { byProgrammeOrder } from '../../domain/open-data';
import type { Deps } from '../deps';
import { PAGE_SIZE } from '../../domain/paging';

/** `programme`: the Digital Programme (the strategy's Appendix C as a living list), by strand then priority. */
export async function listProgramme(deps: Deps, page: number) {
  const all = (await deps.store.projects.listWithRequests()).sort(byProgrammeOrder);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const pageNo = Math.min(Math.max(1, page), pages);
  return {
    items: all.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE),
    page: pageNo,
    total: all.length,
    today: deps.calendar.londonDate(deps.clock.now()),
  };
}
