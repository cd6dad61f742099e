import { countedProject, programmeFigures, type ProgrammeFigures } from '../domain/figures';
import { catalogueCsv, figuresCsv, type OpenProject, type OpenSolution, openCatalogue, openProgramme, toCsv } from '../domain/open-data';
import { financialYearOf } from '../domain/project';
import type { Deps } from './deps';
import { withStages } from './gates/project-gates';

/** What publishing the open data needs: the store, and the clock and calendar for the current financial year. */
export type OpenDataDeps = Pick<Deps, 'store' | 'clock' | 'calendar' | 'serviceStandard'>;

/** The published Digital Programme (approved, in delivery or completed; non-personal fields only). */
export async function openProgrammeJson(deps: OpenDataDeps): Promise<OpenProject[]> {
  return openProgramme(await withStages(deps, deps.store, await deps.store.projects.listWithRequests()));
}

/** The same programme as RFC 4180 CSV, safe to open in a spreadsheet. */
export async function openProgrammeCsv(deps: OpenDataDeps): Promise<string> {
  return toCsv(await openProgrammeJson(deps));
}

/** The programme's figures for the current financial year, each with its definition (the digest's, the tab's and the annual report's). */
export async function openFiguresJson(deps: OpenDataDeps): Promise<ProgrammeFigures> {
  const financialYear = financialYearOf(deps.calendar.londonDate(deps.clock.now()));
  const records = await deps.store.projects.listWithRequests();
  return programmeFigures(
    records.map((r) => countedProject(r, financialYear)),
    financialYear,
  );
}

/** The same figures as CSV. */
export async function openFiguresCsv(deps: OpenDataDeps): Promise<string> {
  return figuresCsv(await openFiguresJson(deps));
}

/** The re-use catalogue (every entry; no personal data), with each contract's state today. */
export async function openCatalogueJson(deps: OpenDataDeps): Promise<OpenSolution[]> {
  return openCatalogue(await deps.store.solutions.list(), deps.calendar.londonDate(deps.clock.now()));
}

/** The same catalogue as CSV. */
export async function openCatalogueCsv(deps: OpenDataDeps): Promise<string> {
  return catalogueCsv(await openCatalogueJson(deps));
}
