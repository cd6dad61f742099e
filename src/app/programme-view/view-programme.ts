import { countedProject, programmeFigures } from '../../domain/figures';
import { financialYearOf } from '../../domain/project';
import { publishedRecords } from '../../domain/open-data';
import { programmeItem } from '../../domain/programme-view';
import type { Deps } from '../deps';
import { withStages } from '../gates/project-gates';
import { healthRules } from '../projects/view-project';
import type { ProgrammeResponse } from '../../domain/programme-view-types';
import { type SignedIn, viewerFor } from './viewer';

/** GET /api/programme: the approved, in-delivery and completed projects; people's names only for a signed-in viewer. */
export async function viewProgramme(deps: Deps, signedIn: SignedIn | null): Promise<ProgrammeResponse> {
  const now = deps.clock.now();
  const today = deps.calendar.londonDate(now);
  const records = await withStages(deps, deps.store, publishedRecords(await deps.store.projects.listWithRequests()));
  const viewer = signedIn ? (await viewerFor(deps, signedIn, records)).viewer : null;
  const financialYear = financialYearOf(today);
  const rules = healthRules(deps);
  return {
    generatedAt: now.toISOString(),
    financialYear,
    figures: programmeFigures(
      records.map((r) => countedProject(r, financialYear)),
      financialYear,
    ),
    viewer,
    projects: records.map((r) => programmeItem(r, today, viewer ? 'signed-in' : 'public', rules)),
  };
}
