import { listMyRequests } from '../../app/requests/list-my-requests';
import { PAGE_SIZE } from '../../domain/paging';
import { myRequestsCard } from '../../presenters/my-requests';
import { page } from './schemas';
import { view } from './verb';

export const requestList = view('request.list', { page }, async ({ deps, actor }, data) => {
  const { page: current, result, actionNeeded } = await listMyRequests(deps, actor, data.page ?? 1);
  return myRequestsCard(result, current, PAGE_SIZE, actionNeeded);
});
