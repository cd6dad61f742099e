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
export {
  CARD_BUDGET_BYTES,
  DECISION_DUE_DAYS,
  HISTORY_PAGE_SIZE,
  MAX_BENEFIT_YEARS_SHOWN,
  MAX_MILESTONES_SHOWN,
  MAX_QUESTIONS_SHOWN,
  TRIAGE_TEXT_CHARS,
  historyCard,
  noticeCard,
  pendingCard,
  programmeCard,
  projectCard,
  questionCard,
  settingsCard,
  subFormProblemsNotice,
  triageCard,
  type PersonChoice,
  type ProjectCardInput,
  type TriageCardInput,
} from './dsg-cards';
export {
  MAX_REMINDER_ITEMS_SHOWN,
  MAX_SETTLED_ITEMS_SHOWN,
  reminderCard,
  reminderInputId,
  reminderInputsOf,
  type ReminderCardInput,
  type ReminderCardItem,
} from './reminder-card';
export { actionWords, changeWords, daysSince, decisionLine, isHttpsUrl, pounds } from './format';
export { DIGEST_BUDGET_BYTES, digestCard } from './digest-card';
export { annualReportCard } from './report-card';
