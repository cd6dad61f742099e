import { type OpenProject, openProgramme, toCsv } from '../domain/open-data';
import type { Deps } from './deps';

/** What publishing the open data needs: the store only. */
export type OpenDataDeps = Pick<Deps, 'store'>;

/** The published Digital Programme (approved, in delivery or completed; non-personal fields only). */
export async function openProgrammeJson(deps: OpenDataDeps): Promise<OpenProject[]> {
  return openProgramme(await deps.store.projects.listWithRequests());
}

/** The same programme as RFC 4180 CSV, safe to open in a spreadsheet. */
export async function openProgrammeCsv(deps: OpenDataDeps): Promise<string> {
  return toCsv(await openProgrammeJson(deps));
}
