import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { dsgContext } from './dsg-context';
import { DECIDABLE_STATUSES } from '../../domain/request';
import { refuse } from '../refuse';
import { PAGE_SIZE } from '../../domain/paging';

/** How many requests await a DSG decision: the one count `pending` pages through and greetings mention. */
export const pendingCount = async (deps: Deps): Promise<number> => (await deps.store.requests.listByStatus(DECIDABLE_STATUSES, 0, 1)).total;

/** `pending`: requests awaiting a DSG decision, oldest first, for the DSG and admins. */
export async function listPending(deps: Deps, actor: Actor, page: number) {
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('triage.view', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, 'request.pending', { subjectType: 'settings', subjectId: 'dsg' }, 'Only the Digital Strategy Group can see the requests awaiting a decision.');
  }
  const first = await deps.store.requests.listByStatus(DECIDABLE_STATUSES, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
  const pageNo = Math.min(page, pages);
  const result = pageNo === page ? first : await deps.store.requests.listByStatus(DECIDABLE_STATUSES, (pageNo - 1) * PAGE_SIZE, PAGE_SIZE);
  return { result, page: pageNo, today: deps.calendar.londonDate(deps.clock.now()) };
}
