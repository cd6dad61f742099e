import type { ImportProblem } from './programme-import';
import { SheetReader } from './programme-import';
import { type CellValue, type ColumnSpec, columnLetter, headerKey, type SheetInput } from './programme-workbook';
import { CATALOGUE_CSV_HEADER } from './open-data';
import { SOLUTION_FIELDS, type SolutionDetails, type SolutionField, solutionNameKey, validateSolution } from './solutions';

/**
 * The re-use catalogue from a spreadsheet (a .csv file, or a sheet): a header row with the columns below, then one
 * entry a row. Every problem is reported by row and column; nothing is imported while any row is wrong. The open
 * data CSV (/open/catalogue.csv) reads back: its "Contract status" and "Retired" columns are left aside.
 */
const spec = (header: string, required: boolean, doc: string): ColumnSpec => ({ header, required, width: 30, doc });

export const CATALOGUE_COLUMNS: Record<SolutionField, ColumnSpec> = {
  name: spec('Name', true, 'The name of the solution (unique in the catalogue)'),
  whatItDoes: spec('What it does', true, 'What it does, in a sentence or two'),
  owningService: spec('Owning service', true, 'The council service that owns it, never a person'),
  strands: spec('Strands', true, 'One or more strands, by name or id, separated by ; or ,'),
  keywords: spec('Keywords', false, 'Words to find it by, separated by ; or ,'),
  sharedWithPartners: spec('Shared with partners', false, 'Yes or No'),
  sharedWith: spec('Shared with', false, 'With whom, when it is shared'),
  contractEnds: spec('Contract ends', false, 'The licence or contract end date, yyyy-mm-dd'),
  link: spec('Link', false, 'A full https:// address'),
};

/** Columns of the published CSV that an import leaves aside. */
const LEFT_ASIDE = new Set(CATALOGUE_CSV_HEADER.filter((h) => !Object.values(CATALOGUE_COLUMNS).some((c) => c.header === h)).map(headerKey));

export interface CatalogueImportPlan {
  problems: ImportProblem[];
  entries: SolutionDetails[];
}

const text = (v: CellValue): string | undefined => (v === null ? undefined : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** Checks every row against the entry's rules and the names already in the catalogue; the entries to add when there is no problem. */
export function planCatalogueImport(sheet: SheetInput, existingNames: readonly string[]): CatalogueImportPlan {
  const problems: ImportProblem[] = [];
  const known = new Set(Object.values(CATALOGUE_COLUMNS).map((c) => headerKey(c.header)));
  sheet.header.forEach((h, i) => {
    const key = headerKey(h ?? '');
    if (key && !known.has(key) && !LEFT_ASIDE.has(key)) {
      problems.push({ sheet: sheet.name, row: 1, column: h, letter: columnLetter(i), message: `"${h}" is not a catalogue column; the columns are ${Object.values(CATALOGUE_COLUMNS).map((c) => c.header).join(', ')}` });
    }
  });
  const reader = new SheetReader(sheet, CATALOGUE_COLUMNS, problems);
  const missing = SOLUTION_FIELDS.filter((f) => CATALOGUE_COLUMNS[f].required && !reader.has(f));
  if (missing.length) {
    problems.push({ sheet: sheet.name, row: 1, column: null, letter: null, message: `the header row has no ${missing.map((f) => `"${CATALOGUE_COLUMNS[f].header}"`).join(' or ')} column` });
    return { problems, entries: [] };
  }
  const taken = new Map(existingNames.map((n) => [solutionNameKey(n), 'the catalogue']));
  const entries: SolutionDetails[] = [];
  for (const row of reader.rows()) {
    const values = Object.fromEntries(SOLUTION_FIELDS.map((f) => [f, text(row.cell(f))]).filter(([, v]) => v !== undefined));
    const result = validateSolution(values);
    if (!result.ok) {
      for (const field of SOLUTION_FIELDS) if (result.errors[field]) reader.problem(row.row, field, result.errors[field]);
      continue;
    }
    const key = solutionNameKey(result.details.name);
    const already = taken.get(key);
    if (already) {
      reader.problem(row.row, 'name', `"${result.details.name}" is already in ${already}; give each entry its own name`);
      continue;
    }
    taken.set(key, `row ${row.row}`);
    entries.push(result.details);
  }
  return { problems, entries: problems.length ? [] : entries };
}
