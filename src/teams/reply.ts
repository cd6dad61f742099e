import type { AdaptiveCardJson } from '../presenters/render';

/** What a verb handler answers: a card (which replaces the card that was pressed) or a short message. */
export type Reply = { card: AdaptiveCardJson } | { text: string };

export const card = (c: AdaptiveCardJson): Reply => ({ card: c });
export const text = (t: string): Reply => ({ text: t });

/** The body of an `adaptiveCard/action` invoke response for a reply. */
export function invokeBody(reply: Reply): object {
  return 'card' in reply
    ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.text };
}
