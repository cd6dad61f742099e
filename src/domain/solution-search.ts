/**
 * Searching the re-use catalogue, the one definition for the bot's `catalogue [words]` and the Programme tab's
 * Catalogue page. Kept apart from solutions.ts (its validation needs zod) so the tab can bundle it as it is.
 */

/** What an entry is searched by: an entry of the catalogue, or the tab's view of one. */
export interface SearchableSolution {
  name: string;
  whatItDoes: string;
  owningService: string;
  keywords: readonly string[];
  retired: boolean;
}

/** Entries whose name, what they do, service or keywords contain every word searched for (all of them when none); retired ones last, then by name. */
export function searchSolutions<T extends SearchableSolution>(solutions: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = solutions.filter((s) => {
    const text = `${s.name} ${s.whatItDoes} ${s.owningService} ${s.keywords.join(' ')}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return [...found].sort((a, b) => Number(a.retired) - Number(b.retired) || a.name.localeCompare(b.name, 'en-GB'));
}
