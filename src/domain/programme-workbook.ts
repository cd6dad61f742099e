/**
 * The programme workbook: the sheets and columns that `npm run import` reads, `--template` writes and
 * `programme export` fills, defined once here (README documents the same list). Also how each kind of cell
 * is read (text, date, whole pounds, a choice, yes/no, a link, a person's email) and written back, so the
 * export reads in again with no changes. Pure: no I/O; the spreadsheet library stays in src/spreadsheet/.
 */
import { isIsoDate } from './calendar';
import { parseFinancialYear } from './annual-report';
import { ROUTES, STRANDS } from './catalogue';
import { escapeFormula, unescapeFormula } from './open-data';
import { BUSINESS_CASE_LABELS, DPIA_LABELS, PRIORITY_LABELS } from './project';
import { LIMITS } from './request-form';
import { STATUS_LABELS } from './request';

/** A cell as the spreadsheet edge hands it over: formulas already replaced by their results. */
export type CellValue = string | number | boolean | Date | null;

/** One sheet as read: its header row and the rows under it, with their row numbers in the file. */
export interface SheetInput {
  name: string;
  header: string[];
  rows: { row: number; cells: CellValue[] }[];
}

/** One sheet to write: column headers, widths and formats, and rows of cells in the same order (made as they are written). */
export interface SheetOutput {
  name: string;
  columns: { header: string; width: number; format?: 'date' | 'pounds' | 'datetime' }[];
  rows: Iterable<CellValue[]>;
}

/** Rows made from `items` one at a time, as the writer asks for them, so a large sheet is never held whole. */
export const rowsOf = <T>(items: Iterable<T>, row: (item: T) => CellValue[]): Iterable<CellValue[]> => ({
  *[Symbol.iterator]() {
    for (const item of items) yield row(item);
  },
});

/** The largest file the import reads. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The most rows a sheet may have (a guard against files that are not a programme). */
export const MAX_SHEET_ROWS = 100_000;
/** Excel holds at most this many characters in a cell. */
export const MAX_CELL_CHARS = 32_767;
/** The most one amount may be, as the request form allows. */
export const MAX_POUNDS = LIMITS.amountMax;

export interface ColumnSpec {
  header: string;
  /** A required column must be in the sheet; a column left out is left as it is on re-import. */
  required: boolean;
  width: number;
  format?: 'date' | 'pounds';
  /** What to write in it, for README and the template's guide sheet. */
  doc: string;
}

const col = (header: string, required: boolean, width: number, doc: string, format?: ColumnSpec['format']): ColumnSpec => ({ header, required, width, doc, ...(format && { format }) });
const labels = (list: Record<string, string>) => Object.values(list).join(', ');
const PERSON_DOC = 'Email address or UPN of someone in the DSG team in Teams; anyone else is listed and the role left empty';

export const PROJECT_COLUMNS = {
  reference: col('Reference', true, 16, 'Your own code for the project (any text, once in the file), or its DP- reference once it has one. Rows are matched on it: importing again updates'),
  title: col('Title', true, 40, `Up to ${LIMITS.title} characters`),
  strand: col('Strand', true, 24, STRANDS.map((s) => s.name).join(', ')),
  status: col('Status', true, 12, 'Approved, In delivery or Completed'),
  priority: col('Priority', false, 10, `${labels(PRIORITY_LABELS)} (blank: Medium)`),
  isPriority: col('Priority project', false, 10, 'Yes or No (blank: No)'),
  route: col('Route', false, 14, 'Re-use, Share, Buy or Build: how it is delivered, re-use first (needed for a new project)'),
  problem: col('Problem', false, 40, 'The problem it solves'),
  outcome: col('Outcome', false, 40, 'The outcome for customers'),
  digitalLeader: col('Digital Leader', false, 28, PERSON_DOC),
  projectLead: col('Project Lead', false, 28, PERSON_DOC),
  projectManager: col('Project Manager', false, 28, PERSON_DOC),
  businessCase: col('Business case', false, 14, `${labels(BUSINESS_CASE_LABELS)} (blank: Not started)`),
  businessCaseLink: col('Business case link', false, 30, 'https:// address of the business case'),
  businessCaseDate: col('Business case date', false, 12, 'The date it was approved', 'date'),
  planLink: col('Plan link', false, 30, 'https:// address of the implementation plan'),
  resourcingConfirmed: col('Resourcing confirmed', false, 12, 'Yes or No (blank: No)'),
  resourcingNote: col('Resourcing note', false, 30, 'Who and what is committed'),
  dpia: col('DPIA', false, 12, `${labels(DPIA_LABELS)}; blank when no personal data is involved`),
  plannedAnnualCash: col('Planned annual cash saving (GBP)', false, 14, 'Whole pounds, like 12000', 'pounds'),
  nonCash: col('Non-cash benefits', false, 30, 'Benefits that are not cash'),
  oneOffCost: col('One-off cost (GBP)', false, 14, 'Whole pounds', 'pounds'),
  approvedOn: col('Approved on', false, 12, 'Date, like 2026-04-14 or 14/04/2026 (blank: the day of the import)', 'date'),
  completedOn: col('Completed on', false, 12, 'For a project first imported as Completed: the date it was completed, so the annual report counts it in that year (blank: the day of the import)', 'date'),
} as const satisfies Record<string, ColumnSpec>;

export const MILESTONE_COLUMNS = {
  project: col('Project', true, 16, 'The project\'s Reference, as in the projects sheet (or its DP- reference)'),
  id: col('Milestone ID', false, 38, 'Leave blank for a new milestone; an export fills it in. Without it, a milestone is matched on its project and title'),
  title: col('Title', true, 40, 'Up to 200 characters, once per project'),
  due: col('Due', true, 12, 'Date, like 2027-01-14 or 14/01/2027', 'date'),
  status: col('Status', false, 10, 'Planned, Done or Missed (blank: Planned)'),
  completedOn: col('Completed on', false, 12, 'Date a Done milestone was met', 'date'),
} as const satisfies Record<string, ColumnSpec>;

export const BENEFIT_COLUMNS = {
  project: col('Project', true, 16, 'The project\'s Reference, as in the projects sheet (or its DP- reference)'),
  financialYear: col('Financial year', true, 12, 'April to March, like 2025/26; one row per project and year'),
  cashSaving: col('Realised cash saving (GBP)', true, 14, 'Whole pounds saved in that year', 'pounds'),
  note: col('Note', false, 40, 'How it was measured'),
} as const satisfies Record<string, ColumnSpec>;

/** The sheets the import reads, in the workbook's order. */
export const IMPORT_SHEETS = { projects: PROJECT_COLUMNS, milestones: MILESTONE_COLUMNS, benefits: BENEFIT_COLUMNS } as const;
export type ImportSheet = keyof typeof IMPORT_SHEETS;
export const IMPORT_SHEET_NAMES = Object.keys(IMPORT_SHEETS) as ImportSheet[];

/** Column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** How a header is matched: case, spaces and punctuation do not matter. */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

// --- Reading cells ---

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

const shown = (v: CellValue): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** Text of a cell, trimmed, with the export's formula escape taken off; null when blank. */
export function readText(v: CellValue, max: number): Parsed<string | null> {
  if (v === null) return ok(null);
  const text = unescapeFormula((v instanceof Date ? shown(v) : typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v)).trim());
  if (!text) return ok(null);
  if (text.length > max) return fail(`is ${text.length.toLocaleString('en-GB')} characters long; keep it to ${max.toLocaleString('en-GB')}`);
  return ok(text);
}

/** Days from 1899-12-30 (Excel's day 0) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/** A date: a date cell, an Excel day number, or text like 2027-01-14 or 14/01/2027. */
export function readDate(v: CellValue): Parsed<string | null> {
  if (v === null) return ok(null);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail('is not a date') : ok(v.toISOString().slice(0, 10));
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 2_958_465) return fail(`${v} is not a date: write it like 2027-01-14 or 14/01/2027`);
    return ok(new Date((v - EXCEL_EPOCH_DAYS) * 86_400_000).toISOString().slice(0, 10));
  }
  const text = String(v).trim();
  if (!text) return ok(null);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : text;
  return isIsoDate(iso) ? ok(iso) : fail(`"${text}" is not a date: write it like 2027-01-14 or 14/01/2027`);
}

/** Whole pounds, 0 to £100,000,000: a number, or text like 12000, 12,000 or £12,000. */
export function readPounds(v: CellValue): Parsed<number | null> {
  if (v === null) return ok(null);
  if (v instanceof Date || typeof v === 'boolean') return fail(`${shown(v)} is not an amount in pounds`);
  const text = typeof v === 'number' ? String(v) : v.trim().replace(/^£/, '').replace(/[,\s]/g, '');
  if (!text) return ok(null);
  const n = Number(text);
  if (!/^-?\d+(\.\d+)?(e\d+)?$/i.test(text) || !Number.isFinite(n)) return fail(`"${shown(v)}" is not an amount in pounds: write it like 12000`);
  if (!Number.isInteger(n)) return fail(`${shown(v)} is not a whole number of pounds: leave out the pence`);
  if (n < 0) return fail(`${shown(v)} is negative: give an amount of £0 or more`);
  if (n > MAX_POUNDS) return fail(`${shown(v)} is more than £${MAX_POUNDS.toLocaleString('en-GB')}`);
  return ok(n);
}

/** One of a list: by its label or id, any case; null when blank. */
export function readChoice<T extends string>(v: CellValue, choices: readonly { id: T; name: string }[], what: string): Parsed<T | null> {
  if (v === null) return ok(null);
  const text = shown(v).trim();
  if (!text) return ok(null);
  const key = headerKey(text);
  const found = choices.find((c) => headerKey(c.name) === key || headerKey(c.id) === key);
  return found ? ok(found.id) : fail(`unknown ${what} "${text}": use one of ${choices.map((c) => c.name).join(', ')}`);
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

export function readYesNo(v: CellValue): Parsed<boolean | null> {
  if (v === null) return ok(null);
  if (typeof v === 'boolean') return ok(v);
  const text = shown(v).trim().toLowerCase();
  if (!text) return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail(`"${shown(v)}" is not Yes or No`);
}

/** An https:// link, as the project card asks for. */
export function readLink(v: CellValue): Parsed<string | null> {
  const text = readText(v, 2000);
  if (!text.ok || text.value === null) return text;
  return /^https:\/\/\S+$/i.test(text.value) ? text : fail(`"${text.value}" is not a link: write the full https:// address`);
}

export function readFinancialYear(v: CellValue): Parsed<string | null> {
  if (v === null) return ok(null);
  const text = shown(v).trim();
  if (!text) return ok(null);
  const year = parseFinancialYear(text);
  return year ? ok(year.name) : fail(`"${text}" is not a financial year: write it like 2025/26`);
}

/** A person's email address or UPN, lower-cased; anything else is kept as written, to be listed. */
export function readPerson(v: CellValue): Parsed<string | null> {
  return readText(v, 320);
}

// --- Writing cells ---

/** Text for a cell: a leading formula character is escaped (as in the open-data CSV), and the length kept within Excel's. */
export function textCell(value: string | null | undefined): CellValue {
  if (value === null || value === undefined || value === '') return null;
  const safe = escapeFormula(value);
  return safe.length > MAX_CELL_CHARS ? `${safe.slice(0, MAX_CELL_CHARS - 1)}…` : safe;
}

/** A calendar date as a date cell (midnight UTC, which the spreadsheet shows as that day). */
export const dateCell = (iso: string | null): CellValue => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export const yesNoCell = (value: boolean): CellValue => (value ? 'Yes' : 'No');

/** The labels the sheets use for statuses and choices (the same the cards show). */
export const CHOICES = {
  strands: STRANDS.map((s) => ({ id: s.id, name: s.name })),
  routes: ROUTES.map((r) => ({ id: r.id, name: r.name.startsWith('Re-use') ? 'Re-use' : r.name.startsWith('Share') ? 'Share' : r.name })),
  projectStatuses: (['approved', 'in-delivery', 'completed'] as const).map((id) => ({ id, name: STATUS_LABELS[id] })),
  priorities: Object.entries(PRIORITY_LABELS).map(([id, name]) => ({ id: id as keyof typeof PRIORITY_LABELS, name })),
  businessCase: Object.entries(BUSINESS_CASE_LABELS).map(([id, name]) => ({ id: id as keyof typeof BUSINESS_CASE_LABELS, name })),
  dpia: Object.entries(DPIA_LABELS).map(([id, name]) => ({ id: id as keyof typeof DPIA_LABELS, name })),
  milestoneStatuses: [
    { id: 'planned' as const, name: 'Planned' },
    { id: 'done' as const, name: 'Done' },
    { id: 'missed' as const, name: 'Missed' },
    { id: 'dropped' as const, name: 'Dropped' },
  ],
};

export const choiceName = (list: readonly { id: string; name: string }[], id: string | null): string | null => (id === null ? null : (list.find((c) => c.id === id)?.name ?? id));

/** The columns of a sheet to write, from its specs. */
export const columnsOf = (specs: Record<string, ColumnSpec>): SheetOutput['columns'] =>
  Object.values(specs).map((c) => ({ header: c.header, width: c.width, ...(c.format && { format: c.format }) }));

/** The template: the three sheets with their headers, and a guide sheet saying what goes in each column. */
export function templateSheets(): SheetOutput[] {
  const sheets: SheetOutput[] = IMPORT_SHEET_NAMES.map((name) => ({ name, columns: columnsOf(IMPORT_SHEETS[name]), rows: [] }));
  const guide: SheetOutput = {
    name: 'guide',
    columns: [
      { header: 'Sheet', width: 12 },
      { header: 'Column', width: 32 },
      { header: 'Required', width: 10 },
      { header: 'What to write', width: 100 },
    ],
    rows: IMPORT_SHEET_NAMES.flatMap((name) =>
      Object.values(IMPORT_SHEETS[name] as Record<string, ColumnSpec>).map((c) => [name, c.header, c.required ? 'Yes' : 'No', c.doc]),
    ),
  };
  return [...sheets, guide];
}
