import { helpShow } from './help';
import { requestConfirm, requestDiscard, requestDraft, requestEdit, requestSubmit } from './request-form';
import { requestList } from './request-list';
import { requestNew } from './request-new';
import { requestView } from './request-view';
import { requestWithdraw } from './request-withdraw';
import type { Verb } from './verb';

/** Every verb the bot answers, from cards (Action.Execute / Action.Submit) and typed commands alike. */
export const VERBS: ReadonlyMap<string, Verb> = new Map(
  [helpShow, requestNew, requestList, requestView, requestWithdraw, requestSubmit, requestConfirm, requestDraft, requestEdit, requestDiscard].map(
    (v) => [v.name, v as Verb],
  ),
);
