import { z } from 'zod';
import { startRequest } from '../../app/requests/start-request';
import { draftOfferCard } from '../../presenters/draft-offer';
import { requestFormCard } from '../../presenters/request-form';
import { card } from '../reply';
import { verb } from './verb';

export const requestNew = verb('request.new', z.object({ fresh: z.coerce.boolean().optional() }).loose(), async ({ deps, actor }, data) => {
  const start = await startRequest(deps, actor, data.fresh === true);
  return start.kind === 'draft-offer'
    ? card(draftOfferCard(start.draft))
    : card(requestFormCard({ formId: start.formId, values: {}, errors: {} }));
});
