import type { Actor } from '../../domain/people';
import type { ProjectRequest } from '../../domain/request';
import type { Deps } from '../deps';
import { PAGE_SIZE, type Page } from '../../domain/paging';

/**
 * The actor's own requests, newest first, one page at a time (pages count from 1), and on every page those waiting
 * for their answer to the DSG's question (`actionNeeded`, newest first, at most a page of them).
 */
export async function listMyRequests(
  deps: Deps,
  actor: Actor,
  page: number,
): Promise<{ page: number; pages: number; result: Page<ProjectRequest>; actionNeeded: ProjectRequest[] }> {
  const size = PAGE_SIZE;
  let result = await deps.store.requests.listByRequester(actor.id, (page - 1) * size, size);
  const pages = Math.max(1, Math.ceil(result.total / size));
  if (page > pages) {
    // A stale "Next" after requests changed: show the last page rather than an empty one.
    page = pages;
    result = await deps.store.requests.listByRequester(actor.id, (page - 1) * size, size);
  }
  const actionNeeded = (await deps.store.requests.listByRequester(actor.id, 0, size, ['more-info-requested'])).items;
  return { page, pages, result, actionNeeded };
}
