import type { CellValue, SheetInput } from '../../src/domain/programme-workbook';
import { templateSheets } from '../../src/domain/programme-workbook';

/** The template's headers, by sheet. */
export const HEADERS: Record<string, string[]> = Object.fromEntries(templateSheets().map((s) => [s.name, s.columns.map((c) => c.header)]));

/** A sheet with the template's headers (or `header`) and rows given by header name, numbered from row 2 as in a file. */
export function sheet(name: 'projects' | 'milestones' | 'benefits', rows: Record<string, CellValue>[], header = HEADERS[name]): SheetInput {
  return { name, header, rows: rows.map((r, i) => ({ row: i + 2, cells: header.map((h) => r[h] ?? null) })) };
}

/** A new project row: an Approved Digital Customers project to re-use a solution. */
export const projectRow = (overrides: Record<string, CellValue> = {}): Record<string, CellValue> => ({
  Reference: 'ICT-1',
  Title: 'Online library renewals',
  Strand: 'Digital Customers',
  Status: 'Approved',
  Route: 'Re-use',
  ...overrides,
});
