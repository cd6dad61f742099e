import type { ImportProblem } from '../../domain/programme-import';
import type { SheetInput } from '../../domain/programme-workbook';
import type { Solution } from '../../domain/solutions';
import { planCatalogueImport } from '../../domain/solutions-import';
import type { Deps } from '../deps';

/** Who an import is recorded as in the audit trail (it is run from the command line by an administrator). */
export const IMPORT_ACTOR = { id: 'import-catalogue', name: 'import-catalogue (command line)' };

export type CatalogueImportResult = { kind: 'problems'; problems: ImportProblem[] } | { kind: 'checked'; count: number } | { kind: 'imported'; count: number };

/**
 * The re-use catalogue from a sheet: a dry run reports every problem by row and column, or how many entries would
 * be added; with `apply`, every entry is added in one transaction (audited), or none if anything is wrong.
 */
export async function importSolutions(deps: Pick<Deps, 'store' | 'clock' | 'newId'>, sheet: SheetInput, apply: boolean): Promise<CatalogueImportResult> {
  const existing = await deps.store.solutions.list();
  const plan = planCatalogueImport(sheet, existing.map((s) => s.name));
  if (plan.problems.length) return { kind: 'problems', problems: plan.problems };
  if (!apply) return { kind: 'checked', count: plan.entries.length };
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    for (const details of plan.entries) {
      const solution: Solution = { id: deps.newId(), ...details, retired: false, version: 1, createdAt: at, updatedAt: at };
      if (!(await tx.solutions.insert(solution))) throw new Error(`"${solution.name}" was added to the catalogue meanwhile; nothing was imported. Run the import again.`);
      await tx.audit.record({ at, actorId: IMPORT_ACTOR.id, actorName: IMPORT_ACTOR.name, action: 'solution.import', subjectType: 'solution', subjectId: solution.id, outcome: 'done', before: null, after: solution, detail: null });
    }
  });
  return { kind: 'imported', count: plan.entries.length };
}
