/**
 * "Show more" on a long card: the card first shows what matters, and one button (Action.ToggleVisibility, so
 * nothing is asked of the bot) shows the parts hidden at first; it then becomes "Show less". The card's template
 * has two ActionSets, `<prefix>-show-more` and `<prefix>-show-less` (hidden at first), both toggling `showMore`.
 */
export function showMoreTargets(prefix: string, hiddenIds: readonly string[]): string[] {
  return hiddenIds.length > 0 ? [...hiddenIds, `${prefix}-show-more`, `${prefix}-show-less`] : [];
}
