import type { CatalogueResponse } from '../../domain/programme-view-types';
import { catalogueEntry } from '../../domain/programme-view';
import type { Deps } from '../deps';
import { type SignedIn, viewerFor } from '../programme-view/viewer';

/**
 * GET /api/catalogue: the re-use catalogue for the Programme tab's Catalogue page. Anyone may read it: it holds no
 * personal data and is published as open data; a signed-in viewer is named, as on the tab's other pages.
 */
export async function viewCataloguePage(deps: Deps, signedIn: SignedIn | null): Promise<CatalogueResponse> {
  const now = deps.clock.now();
  const today = deps.calendar.londonDate(now);
  const [solutions, signed] = await Promise.all([deps.store.solutions.list(), signedIn ? viewerFor(deps, signedIn, []) : null]);
  return { generatedAt: now.toISOString(), today, viewer: signed?.viewer ?? null, entries: solutions.map((s) => catalogueEntry(s, today)) };
}
