import { z } from 'zod';
import { viewRequest } from '../../app/requests/view-request';
import { withdrawRequest } from '../../app/requests/withdraw-request';
import { requestDetailCard } from '../../presenters/request-detail';
import { card } from '../reply';
import { reference, version } from './schemas';
import { verb } from './verb';

export const requestWithdraw = verb('request.withdraw', z.object({ reference, version }).loose(), async ({ deps, actor }, data) => {
  await withdrawRequest(deps, actor, data.reference, data.version);
  const view = await viewRequest(deps, actor, data.reference);
  return card(requestDetailCard(view.request, view.history, view.canWithdraw));
});
