/** Adaptive Cards for Teams, as plain JSON: no botbuilder here, so any host can send them. */
export { CARDS_DIR, MAX_CARD_BYTES, cardBytes, clearTemplateCache, render, type AdaptiveCardJson } from './render';
export * from './types';
export {
  MAX_HISTORY_SHOWN,
  draftOfferCard,
  helpCard,
  historyLines,
  myRequestsCard,
  problemsNotice,
  requestDetailCard,
  requestFormCard,
  requestSubmittedCard,
  similarRequestsCard,
  welcomeCard,
  type RequestFormInput,
} from './cards';
export { actionWords, pounds } from './format';
