import { byProgrammeOrder } from '../../domain/open-data';
import type { Deps } from '../deps';
import { healthOf } from '../../domain/health';
import { healthRules } from './view-project';
import { PAGE_SIZE } from '../../domain/paging';

/** `programme`: the Digital Programme (the strategy's Appendix C as a living list), by strand then priority. */
export async function listProgramme(deps: Deps, page: number) {
  const all = (await deps.store.projects.listWithRequests()).sort(byProgrammeOrder);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const pageNo = Math.min(Math.max(1, page), pages);
  const today = deps.calendar.londonDate(deps.clock.now());
  const rules = healthRules(deps);
  return {
    // Each with its health status, from the one definition.
    items: all.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE).map((r) => ({ ...r, health: healthOf(r.request.status, r.project.health, today, rules) })),
    page: pageNo,
    total: all.length,
    today,
  };
}
