import { type AdaptiveCardJson, MAX_CARD_BYTES, cardBytes, render } from './render';
import type { CardDataMap, CardName } from './types';

/**
 * Bytes a card is fitted to: under MAX_CARD_BYTES with room for what the sender adds around it (a mention
 * entity, the activity itself).
 */
export const CARD_BUDGET_BYTES = MAX_CARD_BYTES - 1024;

/**
 * The one way every card is made to fit: renders `name` at the first of `levels` (from the most detail to the
 * least) whose card is at most `budget` bytes. A level that fits means every later level fits too, so after the
 * first level (which fits almost always) the first fitting one is found by halving: a few renders at most,
 * however many levels. The last level is returned even if it does not fit, for the tests to catch.
 */
export function fitToSize<N extends CardName, L>(name: N, levels: readonly L[], build: (level: L) => CardDataMap[N], budget = CARD_BUDGET_BYTES): AdaptiveCardJson {
  if (levels.length === 0) throw new RangeError('fitToSize needs at least one level');
  const first = render(name, build(levels[0]));
  if (cardBytes(first) <= budget || levels.length === 1) return first;
  let lo = 1;
  let hi = levels.length - 1;
  let best: AdaptiveCardJson | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const card = render(name, build(levels[mid]));
    if (cardBytes(card) <= budget) {
      best = card;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return best ?? render(name, build(levels[levels.length - 1]));
}

/** `[total, total - 1, …, 0]`: levels for "as many list entries as fit". */
export const countsDown = (total: number): number[] => Array.from({ length: Math.max(0, total) + 1 }, (_, i) => total - i);
