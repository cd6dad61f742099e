import type { FieldErrors, FormValues } from '../domain/request-form';

/**
 * The data each template in `cards/` expects, exactly as the template reads it.
 * Optional fields are shown only when present (`$when`); every other field must be set,
 * or the template leaves its `${...}` in the card.
 */

export interface Choice {
  title: string;
  value: string;
}

export interface WelcomeData {
  firstName?: string;
  /** Set when the welcome answers a message the bot did not understand. */
  notUnderstood?: true;
}

export interface HelpData {
  principles: { name: string; summary: string }[];
}

export interface RequestFormData {
  formId: string;
  /** Every form field, as text ('' when empty). */
  values: Required<FormValues>;
  errors: FieldErrors;
  notice?: string;
  choices: { strands: Choice[]; principles: Choice[]; beneficiaries: Choice[]; routes: Choice[] };
}

export interface SimilarRequestsData {
  formId: string;
  title: string;
  matches: { reference: string; title: string; statusLabel: string; strandName: string }[];
}

export interface RequestSubmittedData {
  reference: string;
  title: string;
  summary: string;
  strandName: string;
  digitalLeaderTitle: string;
  submittedAt: string;
}

export interface MyRequestsData {
  items: { reference: string; title: string; statusLabel: string; strandName: string; updated: string }[];
  page: number;
  pages: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export interface HistoryLine {
  when: string;
  who: string;
  what: string;
}

export interface RequestDetailData {
  reference: string;
  title: string;
  statusLabel: string;
  strandName: string;
  digitalLeaderTitle: string;
  requesterName: string;
  submitted: string;
  updated: string;
  problem: string;
  outcome: string;
  beneficiaries: string;
  principles: string;
  principlesHow: string;
  reuseChecked: string;
  routeName: string;
  routeJustification?: string;
  personalData: string;
  oneOffCost?: string;
  annualBenefit?: string;
  desiredStart?: string;
  history: HistoryLine[];
  /** Shown under the history when older entries were left out, e.g. '12 earlier changes are not shown.' */
  historyNote?: string;
  canWithdraw: boolean;
  version: number;
}

export interface DraftOfferData {
  formId: string;
  title: string;
  savedAt: string;
}

export interface CardDataMap {
  welcome: WelcomeData;
  help: HelpData;
  'request-form': RequestFormData;
  'similar-requests': SimilarRequestsData;
  'request-submitted': RequestSubmittedData;
  'my-requests': MyRequestsData;
  'request-detail': RequestDetailData;
  'draft-offer': DraftOfferData;
}

export type CardName = keyof CardDataMap;

export const CARD_NAMES: readonly CardName[] = [
  'welcome',
  'help',
  'request-form',
  'similar-requests',
  'request-submitted',
  'my-requests',
  'request-detail',
  'draft-offer',
];
