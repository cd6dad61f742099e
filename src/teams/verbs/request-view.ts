import { viewRequest } from '../../app/requests/view-request';
import { requestDetailCard } from '../../presenters/request-detail';
import { reference } from './schemas';
import { view } from './verb';

export const requestView = view('request.view', { reference }, async ({ deps, actor }, data) => {
  const found = await viewRequest(deps, actor, data.reference);
  return requestDetailCard(found.request, found.history, found.canWithdraw);
});
