/**
 * `npm run import -- programme.xlsx [--apply]` brings an existing programme into the bot's database (the same
 * DATABASE_URL / SQLITE_PATH as the bot): a dry run by default, every problem by sheet, row and column;
 * `--apply` saves it all or nothing. `.csv` files are read one sheet each (projects.csv, milestones.csv,
 * benefits.csv). `npm run import -- --template [file.xlsx]` writes an empty workbook to fill in.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import dotenv from 'dotenv';
import { randomUUID } from 'node:crypto';
import { importProgramme, type ImportResult } from './app/programme-sheets/import-programme';
import { loadConfig } from './config';
import { runCli } from './cli';
import type { ImportProblem } from './domain/programme-import';
import { IMPORT_SHEET_NAMES, type ImportSheet, MAX_IMPORT_BYTES, type SheetInput, templateSheets } from './domain/programme-workbook';
import { readCsv, readWorkbook, workbookBuffer } from './spreadsheet/workbook';
import { openStore } from './storage/open-store';

const USAGE = [
  'Usage:',
  '  npm run import -- programme.xlsx             check the workbook against the programme (saves nothing)',
  '  npm run import -- programme.xlsx --apply     import it: everything in one go, or nothing',
  '  npm run import -- projects.csv [milestones.csv] [benefits.csv] [--apply]',
  '  npm run import -- --template [file.xlsx]     write an empty workbook to fill in (programme-template.xlsx)',
].join('\n');

type Files = { ok: true; sheets: SheetInput[]; required: ImportSheet[]; name: string } | { ok: false; message: string };

/** Reads the workbook, or each .csv file as the sheet its name ends with. */
export async function readFiles(files: readonly string[]): Promise<Files> {
  const kinds = new Set(files.map((f) => path.extname(f).toLowerCase()));
  if (files.length === 1 && kinds.has('.xlsx')) {
    const read = await readWorkbook(files[0], MAX_IMPORT_BYTES);
    return read.ok ? { ok: true, sheets: read.sheets, required: IMPORT_SHEET_NAMES, name: path.basename(files[0]) } : { ok: false, message: read.reason };
  }
  if (kinds.size !== 1 || !kinds.has('.csv')) {
    return { ok: false, message: `Expected one .xlsx workbook, or .csv files named projects.csv, milestones.csv and benefits.csv; got ${files.join(', ')}.` };
  }
  const sheets: SheetInput[] = [];
  for (const file of files) {
    const stem = path.basename(file, path.extname(file)).toLowerCase();
    const sheet = IMPORT_SHEET_NAMES.find((name) => stem === name || stem.endsWith(`-${name}`) || stem.endsWith(`_${name}`));
    if (!sheet) return { ok: false, message: `${file}: name each .csv file for its sheet, ending in projects.csv, milestones.csv or benefits.csv.` };
    const read = await readCsv(file, sheet, MAX_IMPORT_BYTES);
    if (!read.ok) return { ok: false, message: read.reason };
    sheets.push(...read.sheets);
  }
  return { ok: true, sheets, required: ['projects'], name: files.map((f) => path.basename(f)).join(', ') };
}

/** Where a problem is: sheet, row and column (letter and header). */
export const where = (p: Pick<ImportProblem, 'sheet' | 'row' | 'column' | 'letter'>): string =>
  [p.sheet, p.row !== null && `row ${p.row}`, p.column && `column ${p.letter ?? '?'} (${p.column})`].filter(Boolean).join(', ');

const counted = (what: string, c: { added: number; updated: number; unchanged: number }, verbs: [string, string]) =>
  `  ${what}: ${c.added} ${verbs[0]}, ${c.updated} ${verbs[1]}, ${c.unchanged} unchanged`;

/** What the import found, as the terminal shows it. */
export function reportText(result: ImportResult, file: string, apply: boolean): string {
  if (result.kind === 'refused') {
    return [`Refused: ${file} is not a programme workbook as expected.`, ...result.problems.map((p) => `  ${where(p)}: ${p.message}`), 'Nothing was imported.'].join('\n');
  }
  const { plan, applied } = result;
  const lines: string[] = [];
  if (plan.problems.length) {
    lines.push(`${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'} in ${file}:`);
    for (const p of plan.problems) lines.push(`  ${where(p)}: ${p.message}`);
  }
  if (plan.unmatched.length) {
    lines.push(`${plan.unmatched.length} ${plan.unmatched.length === 1 ? 'person is' : 'people are'} not in the Teams roster the bot knows (matched by email or UPN); their role is left as it is, empty for a new project, and the owners reminder will ask for it:`);
    for (const u of plan.unmatched) lines.push(`  ${where({ sheet: 'projects', ...u })}: "${u.value}" for ${u.project}`);
  }
  const verbs: [string, string] = applied ? ['added', 'updated'] : ['to add', 'to update'];
  const same = !plan.problems.length && Object.values(plan.counts).every((c) => c.added === 0 && c.updated === 0);
  if (same) lines.push(`No changes: ${file} says what the programme holds already${applied ? '; nothing was saved' : ''}.`);
  else lines.push(applied ? `Imported ${file}:` : `${apply ? 'Not imported' : 'Dry run (nothing saved)'}: ${file}${plan.problems.length ? ' has problems to fix first' : ' would change'}:`);
  lines.push(counted('projects', plan.counts.projects, verbs), counted('milestones', plan.counts.milestones, verbs), counted('realised benefits (per year)', plan.counts.benefits, verbs));
  if (applied && result.added.length) lines.push(`New projects: ${result.added.map((a) => (a.given === a.reference ? a.reference : `${a.given} → ${a.reference}`)).join(', ')}`);
  if (!applied && !plan.problems.length && !same) lines.push(`Run again with --apply to import it.`);
  if (!applied && plan.problems.length) lines.push('Nothing was imported. Fix the problems above and run the import again.');
  return lines.join('\n');
}

async function main(args: string[]): Promise<number> {
  const apply = args.includes('--apply');
  const template = args.includes('--template');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--apply' && a !== '--template');
  if (unknown.length || (template && apply) || (!template && files.length === 0) || (template && files.length > 1)) {
    console.error(`${unknown.length ? `Unknown option ${unknown.join(' ')}\n` : ''}${USAGE}`);
    return 2;
  }
  if (template) {
    const out = files[0] ?? 'programme-template.xlsx';
    if (path.extname(out).toLowerCase() !== '.xlsx') {
      console.error(`The template is an .xlsx workbook: give a file name ending in .xlsx, not ${out}.`);
      return 2;
    }
    await writeFile(out, await workbookBuffer(templateSheets()), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? new UsageError(`${out} already exists; give another file name, like npm run import -- --template my-programme.xlsx`) : error;
    });
    console.log(`Wrote ${out}: sheets projects, milestones and benefits to fill in, and a guide to each column. Then: npm run import -- ${out}`);
    return 0;
  }
  const read = await readFiles(files);
  if (!read.ok) {
    console.error(`Refused: ${read.message}\nNothing was imported.`);
    return 1;
  }
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    const result = await importProgramme({ store, clock: { now: () => new Date() }, newId: randomUUID }, { fileName: read.name, sheets: read.sheets, requiredSheets: read.required, apply });
    const text = reportText(result, read.name, apply);
    const failed = result.kind === 'refused' || result.plan.problems.length > 0;
    (failed ? console.error : console.log)(text);
    return failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

class UsageError extends Error {}

if (require.main === module) runCli(() => main(process.argv.slice(2)), (error) => (error instanceof UsageError ? error.message : undefined));
