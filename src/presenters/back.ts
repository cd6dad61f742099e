import type { AdaptiveCardJson } from './render';

/** The lists a detail card can be opened from, and so go Back to. */
export const BACK_LISTS = ['request.list', 'request.pending', 'programme.show'] as const;

/**
 * Where Back goes: a list, at the page the person was on; or the similar requests shown for their idea (a match
 * opened from them), with its choices.
 */
export type BackTo = { verb: (typeof BACK_LISTS)[number]; page: number } | { verb: 'request.similar'; formId: string };

const BACK_TITLES: Record<BackTo['verb'], string> = {
  'request.list': 'Back to My requests',
  'request.pending': 'Back to pending requests',
  'programme.show': 'Back to the programme',
  'request.similar': 'Back to my idea',
};

/**
 * The card with Back as its first action, which draws what it was opened from in its place (`here`: paging and
 * Back stay within the card the person opened).
 */
export function withBack(card: AdaptiveCardJson, to: BackTo): AdaptiveCardJson {
  const { verb, ...where } = to;
  const title = BACK_TITLES[verb];
  const data = { ...where, here: true };
  const back = { type: 'Action.Execute', title, verb, data, fallback: { type: 'Action.Submit', title, data: { verb, ...data } } };
  return { ...card, actions: [back, ...(card.actions ?? [])] };
}
