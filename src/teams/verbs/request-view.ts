import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { viewRequest } from '../../app/requests/view-request';
import type { Actor } from '../../domain/people';
import { requestDetailCard } from '../../presenters/request-detail';
import { card, type Reply } from '../reply';
import { reference } from './schemas';
import { verb } from './verb';

/** A request's card as it stands now, for this person, with a line at the top when given. */
export async function requestDetail(deps: Deps, actor: Actor, ref: string, notice?: string): Promise<Reply> {
  const view = await viewRequest(deps, actor, ref);
  return card(requestDetailCard(view.request, view.history, view.canWithdraw, { canUndoWithdraw: view.canUndoWithdraw, notice }));
}

export const requestView = verb('request.view', z.object({ reference }).loose(), ({ deps, actor }, data) => requestDetail(deps, actor, data.reference));
