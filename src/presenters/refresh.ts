import type { AdaptiveCardJson } from './render';

/**
 * `card`, which Teams refreshes for each of `userIds` by asking the bot (`verb` with `data`, an
 * `adaptiveCard/action` invoke with trigger "automatic") for that person's own view; everyone else sees `card`.
 */
export const withRefresh = (card: AdaptiveCardJson, verb: string, data: Record<string, string>, userIds: readonly string[]): AdaptiveCardJson => ({
  ...card,
  refresh: { action: { type: 'Action.Execute', title: 'Show my view', verb, data }, userIds: [...userIds] },
});
