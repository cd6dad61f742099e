import { findRequest } from '../../app/requests/find-requests';
import { requestCompactCard } from '../../presenters/request-compact';
import { below } from '../reply';
import { reference } from './schemas';
import { verb } from './verb';
import { z } from 'zod';

/**
 * "Post in the conversation", at the end of raising a request from a message: the short card saying it was raised.
 * From a dialog it goes into the compose box of that conversation (src/teams/message-extension.ts); anywhere else it
 * is a new message below, to forward.
 */
export const requestShare = verb('request.share', z.object({ reference }).loose(), async ({ deps, actor }, data) =>
  below(requestCompactCard(await findRequest(deps, actor, data.reference), true)),
);
