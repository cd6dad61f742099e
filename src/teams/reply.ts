import type { AdaptiveCardJson } from '../presenters/render';

/**
 * What a verb handler answers: a card (which replaces the card that was pressed) or a short message. A card
 * marked `below` is a new message in the same conversation instead, and the pressed card stays as it was: how
 * navigation answers a press on a record someone still needs (see `view` in verbs/verb.ts).
 */
export type Reply = { card: AdaptiveCardJson; below?: true } | { text: string };

export const card = (c: AdaptiveCardJson): Reply => ({ card: c });
export const below = (c: AdaptiveCardJson): Reply => ({ card: c, below: true });
export const text = (t: string): Reply => ({ text: t });

/** Said under the pressed card when the answer went below it as a new message. */
export const OPENED_BELOW = 'Opened below.';

/**
 * The body of an `adaptiveCard/action` invoke response for a reply. A card replaces the pressed card; a message
 * leaves it as it is and is shown beside it for a moment, so a reply sent `below` answers the invoke with one.
 */
export function invokeBody(reply: Reply): object {
  if ('card' in reply && !reply.below) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card };
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'text' in reply ? reply.text : OPENED_BELOW };
}
