import { STRANDS } from '../../domain/catalogue';
import type { Deps } from '../deps';
import { LIST_PAGE_SIZE } from '../triage/list-pending';

const STRAND_ORDER = new Map<string, number>(STRANDS.map((s, i) => [s.id, i]));
const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** `programme`: the Digital Programme (the strategy's Appendix C as a living list), by strand then priority. */
export async function listProgramme(deps: Deps, page: number) {
  const all = (await deps.store.projects.listWithRequests()).sort(
    (a, b) =>
      (STRAND_ORDER.get(a.request.strand) ?? 99) - (STRAND_ORDER.get(b.request.strand) ?? 99) ||
      PRIORITY_ORDER[a.project.priority] - PRIORITY_ORDER[b.project.priority] ||
      a.request.reference.localeCompare(b.request.reference),
  );
  const pages = Math.max(1, Math.ceil(all.length / LIST_PAGE_SIZE));
  const pageNo = Math.min(Math.max(1, page), pages);
  return {
    items: all.slice((pageNo - 1) * LIST_PAGE_SIZE, pageNo * LIST_PAGE_SIZE),
    page: pageNo,
    total: all.length,
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}
