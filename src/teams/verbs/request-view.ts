import { z } from 'zod';
import { openRequest } from '../../app/requests/open-request';
import { requestDetailCard } from '../../presenters/request-detail';
import { requestSummaryCard } from '../../presenters/request-summary';
import { card, type Reply } from '../reply';
import { reference } from './schemas';
import { triageReply } from './triage';
import { verb, type VerbContext } from './verb';

const opened = z.object({ reference }).loose();

/** A request, in the view for this person's role (the requester's, the DSG's triage card, or read-only). */
async function open({ deps, actor }: VerbContext, data: z.output<typeof opened>): Promise<Reply> {
  const o = await openRequest(deps, actor, data.reference);
  switch (o.view) {
    case 'requester':
      return card(requestDetailCard(o.requester.request, o.requester.history, o.requester.canWithdraw, o.requester.question));
    case 'triage':
      return triageReply(o.triage);
    case 'read-only':
      return card(requestSummaryCard(o.summary.request, o.summary.inProgramme));
  }
}

/** Every place a request is opened from: My requests, a digest, a notice, a similar request, a typed reference. */
export const requestView = verb('request.view', opened, open);
/** Pending's Open button (and triage cards already sent): the same view per role as `request.view`. */
export const requestTriage = verb('request.triage', opened, open);
