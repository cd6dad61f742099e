/**
 * Spreadsheets in and out, the only place that knows exceljs: reads an .xlsx workbook or a .csv file into
 * plain sheets (header row, then rows of cells with formulas replaced by their results), and writes plain
 * sheets as an .xlsx workbook, streamed so a large programme does not sit in memory twice.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CellValue, MAX_SHEET_ROWS, type SheetInput, type SheetOutput } from '../domain/programme-workbook';

export type ReadResult = { ok: true; sheets: SheetInput[] } | { ok: false; reason: string };

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/** Why a file cannot be read as a spreadsheet (missing, too large, or not one), or null. */
async function refusal(path: string, maxBytes: number, kind: 'xlsx' | 'csv'): Promise<string | null> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return `${path} is not a file.`;
    size = info.size;
  } catch {
    return `${path} does not exist.`;
  }
  if (size > maxBytes) return `${path} is ${(size / 1024 / 1024).toFixed(1)} MB; the import reads files of up to ${maxBytes / 1024 / 1024} MB.`;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    if (kind === 'xlsx' && !head.subarray(0, 4).equals(ZIP_MAGIC)) return `${path} is not an .xlsx workbook (an Excel file saved as "Excel Workbook (.xlsx)" was expected).`;
    if (kind === 'csv' && head.includes(0)) return `${path} is not a CSV file (text with commas between the columns was expected).`;
  } finally {
    await handle.close();
  }
  return null;
}

/** A cell's value as the domain reads it: rich text joined, hyperlinks as their text, formulas as their results. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return plain(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

function sheetOf(worksheet: ExcelJS.Worksheet): SheetInput {
  const header: string[] = [];
  const rows: SheetInput['rows'] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = plain(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    if (number === 1) header.push(...cells.map((c) => (c === null ? '' : String(c).trim())));
    else rows.push({ row: number, cells });
  });
  return { name: worksheet.name, header, rows };
}

const tooLong = (sheets: SheetInput[]): string | null => {
  const long = sheets.find((s) => s.rows.length > MAX_SHEET_ROWS);
  return long ? `The "${long.name}" sheet has ${long.rows.length.toLocaleString('en-GB')} rows; the import reads up to ${MAX_SHEET_ROWS.toLocaleString('en-GB')}.` : null;
};

/** Every sheet of an .xlsx workbook, or why it cannot be read. */
export async function readWorkbook(path: string, maxBytes: number): Promise<ReadResult> {
  const refused = await refusal(path, maxBytes, 'xlsx');
  if (refused) return { ok: false, reason: refused };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    return { ok: false, reason: `${path} could not be read as an .xlsx workbook (${error instanceof Error ? error.message : String(error)}).` };
  }
  const sheets = workbook.worksheets.map(sheetOf);
  const long = tooLong(sheets);
  return long ? { ok: false, reason: long } : { ok: true, sheets };
}

/** A .csv file as one sheet named `sheetName`; every value is read as text (the domain reads dates and amounts). */
export async function readCsv(path: string, sheetName: string, maxBytes: number): Promise<ReadResult> {
  const refused = await refusal(path, maxBytes, 'csv');
  if (refused) return { ok: false, reason: refused };
  const workbook = new ExcelJS.Workbook();
  try {
    const worksheet = await workbook.csv.read(createReadStream(path), { sheetName, map: (datum: string) => (datum === '' ? null : datum) } as never);
    const sheet = sheetOf(worksheet);
    // A UTF-8 byte order mark (Excel's "CSV UTF-8") is not part of the first header.
    if (sheet.header[0]) sheet.header[0] = sheet.header[0].replace(/^\uFEFF/, '');
    const long = tooLong([sheet]);
    return long ? { ok: false, reason: long } : { ok: true, sheets: [sheet] };
  } catch (error) {
    return { ok: false, reason: `${path} could not be read as a CSV file (${error instanceof Error ? error.message : String(error)}).` };
  }
}

const FORMATS = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', pounds: '#,##0' } as const;

/** Writes `sheets` as an .xlsx workbook to `out` (bold, frozen header row; dates and pounds formatted). */
export async function writeWorkbook(sheets: readonly SheetOutput[], out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'dsg-bot';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width, ...(c.format && { style: { numFmt: FORMATS[c.format] } }) }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    for (const row of sheet.rows) worksheet.addRow(row).commit();
    worksheet.commit();
  }
  await workbook.commit();
}

/** The workbook as bytes. */
export async function workbookBuffer(sheets: readonly SheetOutput[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeWorkbook(sheets, out);
  await ended;
  return Buffer.concat(chunks);
}
