import { checkShape, type ImportPlan, type ImportProblem, importedFrom, planImport } from '../../domain/programme-import';
import type { ImportSheet, SheetInput } from '../../domain/programme-workbook';
import { parseReference } from '../../domain/request';
import { termsOf } from '../../domain/similarity';
import type { Deps } from '../deps';
import type { AuditEvent } from '../../domain/audit';
import type { Repositories } from '../ports';

export interface ImportInput {
  /** The file's name as the person gave it (audited as "imported from <file>"). */
  fileName: string;
  sheets: SheetInput[];
  /** The sheets that must be there: all three in a workbook; with .csv files, projects only. */
  requiredSheets: readonly ImportSheet[];
  /** Save the changes (all or nothing); otherwise only say what they would be. */
  apply: boolean;
}

export type ImportResult =
  /** The file is not a programme workbook (a sheet or a required column is missing): nothing was read. */
  | { kind: 'refused'; problems: ImportProblem[] }
  | { kind: 'checked'; plan: ImportPlan; applied: boolean; added: { given: string; reference: string }[] };

/** The name imported changes are recorded under. */
export const IMPORT_ACTOR = 'Programme import (npm run import)';

/**
 * `npm run import -- programme.xlsx [--apply]`: checks the workbook against the programme held now and says
 * what it would add and update, every problem by sheet, row and column. With `apply`, and no problems, saves
 * it all in one transaction (or nothing), each project audited as imported from the file.
 */
export async function importProgramme(deps: Pick<Deps, 'store' | 'clock' | 'newId'>, input: ImportInput): Promise<ImportResult> {
  const shape = checkShape(input.sheets, input.requiredSheets);
  if (shape.length) return { kind: 'refused', problems: shape };
  const now = deps.clock.now().toISOString();
  const plan = (repos: Repositories) => planFrom(repos, input, now, deps.newId);
  if (!input.apply) return { kind: 'checked', plan: await plan(deps.store), applied: false, added: [] };
  return deps.store.transaction(async (tx) => {
    // Planned again inside the transaction, so nothing changed in between is overwritten.
    const checked = await plan(tx);
    if (checked.problems.length) return { kind: 'checked', plan: checked, applied: false, added: [] };
    const added = await save(tx, checked, input.fileName, now);
    return { kind: 'checked', plan: checked, applied: true, added };
  });
}

async function planFrom(repos: Repositories, input: ImportInput, now: string, newId: () => string): Promise<ImportPlan> {
  const records = await repos.projects.listWithRequests();
  const importKeys = await repos.programmeSheets.importKeys();
  const directory = await repos.programmeSheets.directory();
  return planImport(input.sheets, { fileName: input.fileName, now, records, importKeys, directory, newId });
}

async function save(tx: Repositories, plan: ImportPlan, fileName: string, now: string): Promise<{ given: string; reference: string }[]> {
  const detail = importedFrom(fileName);
  const audit = (reference: string, action: string, before: unknown, after: unknown): Promise<void> => {
    const event: AuditEvent = { at: now, actorId: null, actorName: IMPORT_ACTOR, action, subjectType: 'request', subjectId: reference, outcome: 'done', before, after, detail };
    return tx.audit.record(event);
  };
  const added: { given: string; reference: string }[] = [];
  for (const add of plan.adds) {
    const reference = await tx.requests.nextReference(Number(add.request.createdAt.slice(0, 4)));
    const id = `import-${reference}`;
    await tx.requests.insert({ ...add.request, id, reference, formId: id }, termsOf(add.request.title, add.request.problem));
    const { realisedBenefits, ...project } = add.project;
    await tx.projects.insert({ ...project, realisedBenefits: [], reference });
    for (const benefit of realisedBenefits) await tx.projects.addRealisedBenefit(reference, benefit);
    if (!parseReference(add.given)) await tx.programmeSheets.rememberKey(add.key, reference, now);
    await audit(reference, 'programme.import', null, { title: add.request.title, status: add.request.status, milestones: project.milestones.length, realisedBenefits: realisedBenefits.length });
    added.push({ given: add.given, reference });
  }
  for (const update of plan.updates) {
    const { reference, before } = update;
    const stale = () => new Error(`${reference} changed while it was being imported; nothing was saved. Run the import again.`);
    if (update.request) {
      const reindex = update.request.title !== before.request.title || update.request.problem !== before.request.problem;
      if (!(await tx.requests.update(update.request, before.request.version, reindex ? termsOf(update.request.title, update.request.problem) : undefined))) throw stale();
    }
    if (update.project && !(await tx.projects.update(update.project, before.project.version))) throw stale();
    for (const milestone of update.milestones) await tx.projects.saveMilestone(reference, milestone);
    for (const year of update.benefits) await tx.programmeSheets.replaceBenefits(reference, year.financialYear, year.benefits);
    await audit(reference, 'programme.import', null, { changes: update.changes });
    // A status change is recorded as Teams records one, so the annual report counts a completion the same way.
    if (update.status) await audit(reference, 'project.status', { status: update.status.from }, { status: update.status.to });
  }
  return added;
}
