import type { AdaptiveCardJson } from './render';

/** The lists a detail card can be opened from, and so go Back to. */
export const BACK_VERBS = ['request.list', 'request.pending', 'programme.show'] as const;

/** Where Back goes: the list, at the page the person was on. */
export interface BackTo {
  verb: (typeof BACK_VERBS)[number];
  page: number;
}

const BACK_TITLES: Record<BackTo['verb'], string> = {
  'request.list': 'Back to My requests',
  'request.pending': 'Back to pending requests',
  'programme.show': 'Back to the programme',
};

/**
 * The card with Back as its first action, which draws the list page it was opened from in its place (`here`:
 * paging and Back stay within the card the person opened).
 */
export function withBack(card: AdaptiveCardJson, to: BackTo): AdaptiveCardJson {
  const title = BACK_TITLES[to.verb];
  const data = { page: to.page, here: true };
  const back = { type: 'Action.Execute', title, verb: to.verb, data, fallback: { type: 'Action.Submit', title, data: { verb: to.verb, ...data } } };
  return { ...card, actions: [back, ...(card.actions ?? [])] };
}
