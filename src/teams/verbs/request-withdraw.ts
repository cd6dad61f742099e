import { z } from 'zod';
import { viewRequest } from '../../app/requests/view-request';
import { checkWithdraw, undoWithdrawRequest, withdrawRequest } from '../../app/requests/withdraw-request';
import { STATUS_LABELS } from '../../domain/request';
import { withConfirmation, withdrawConfirmation } from '../../presenters/confirm';
import { requestDetailCard } from '../../presenters/request-detail';
import { card } from '../reply';
import { reference, step, version } from './schemas';
import { verb } from './verb';
import { requestDetail } from './request-view';

/** Withdraw asks first, on the request's card; once withdrawn, the card offers Undo withdrawal. */
export const requestWithdraw = verb('request.withdraw', z.object({ reference, version, step }).loose(), async ({ deps, actor }, d) => {
  if (d.step === 'cancel') return requestDetail(deps, actor, d.reference);
  if (d.step === 'confirm') {
    await withdrawRequest(deps, actor, d.reference, d.version);
    return requestDetail(deps, actor, d.reference, `${d.reference} is withdrawn. Changed your mind? Undo withdrawal puts it back where it was, until the DSG acts on it.`);
  }
  const { request, question } = await checkWithdraw(deps, actor, d.reference, d.version);
  const view = await viewRequest(deps, actor, d.reference);
  return card(withConfirmation(requestDetailCard(view.request, view.history, view.canWithdraw, { checked: view.checked }), withdrawConfirmation(request, question)));
});

export const requestUndoWithdraw = verb('request.undo-withdraw', z.object({ reference, version }).loose(), async ({ deps, actor }, d) => {
  const restored = await undoWithdrawRequest(deps, actor, d.reference, d.version);
  return requestDetail(deps, actor, d.reference, `Withdrawal undone: ${d.reference} is ${STATUS_LABELS[restored.status].toLowerCase()} again, and the DSG can see it.`);
});
