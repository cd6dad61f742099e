import { z } from 'zod';
import { listMyRequests, MY_REQUESTS_PAGE_SIZE } from '../../app/requests/list-my-requests';
import { myRequestsCard } from '../../presenters/my-requests';
import { card } from '../reply';
import { verb } from './verb';

export const requestList = verb('request.list', z.object({ page: z.coerce.number().int().min(1).max(10_000).optional() }).loose(), async ({ deps, actor }, data) => {
  const { page, result, actionNeeded } = await listMyRequests(deps, actor, data.page ?? 1);
  return card(myRequestsCard(result, page, MY_REQUESTS_PAGE_SIZE, actionNeeded));
});
