import { z } from 'zod';
import { viewRequest } from '../../app/requests/view-request';
import { requestDetailCard } from '../../presenters/request-detail';
import { card } from '../reply';
import { reference } from './schemas';
import { verb } from './verb';

export const requestView = verb('request.view', z.object({ reference }).loose(), async ({ deps, actor }, data) => {
  const view = await viewRequest(deps, actor, data.reference);
  return card(requestDetailCard(view.request, view.history, view.canWithdraw));
});
