/**
 * The spreadsheet edge and the import's command line: what is refused before any row is read (not a
 * spreadsheet, too large, a sheet or column missing), .csv files read one sheet each, and the round trip:
 * a programme imported from a workbook, exported, and read back again finds nothing to change.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { programmeWorkbook } from '../../src/app/programme-sheets/export-programme';
import { importProgramme } from '../../src/app/programme-sheets/import-programme';
import { buildAnnualReport } from '../../src/app/reports/annual-report';
import type { Store } from '../../src/app/ports';
import { WorkingCalendar } from '../../src/domain/calendar';
import { type ColumnSpec, IMPORT_SHEET_NAMES, IMPORT_SHEETS, MAX_IMPORT_BYTES, templateSheets } from '../../src/domain/programme-workbook';
import { readFiles, reportText } from '../../src/import-programme';
import { readWorkbook, workbookBuffer } from '../../src/spreadsheet/workbook';
import { openStore } from '../../src/storage/open-store';
import { projectRow, sheet } from '../support/programme-sheets';

const dir = mkdtempSync(path.join(tmpdir(), 'dsg-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('files the import refuses, with what was expected', () => {
  it('is not a spreadsheet', async () => {
    expect(await readFiles([file('notes.xlsx', 'just some text')])).toEqual({ ok: false, message: expect.stringMatching(/notes\.xlsx is not an \.xlsx workbook \(an Excel file saved as "Excel Workbook \(\.xlsx\)" was expected\)\.$/) });
    expect(await readFiles([file('scan.pdf', '%PDF-1.7')])).toEqual({ ok: false, message: expect.stringMatching(/^Expected one \.xlsx workbook, or \.csv files named projects\.csv, milestones\.csv and benefits\.csv; got .*scan\.pdf\.$/) });
    expect(await readFiles([file('projects.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))])).toEqual({ ok: false, message: expect.stringMatching(/projects\.csv is not a CSV file/) });
    expect(await readFiles([file('programme.csv', 'Reference,Title\n')])).toEqual({ ok: false, message: expect.stringMatching(/name each \.csv file for its sheet, ending in projects\.csv, milestones\.csv or benefits\.csv\.$/) });
    expect(await readFiles([path.join(dir, 'missing.xlsx')])).toEqual({ ok: false, message: expect.stringMatching(/missing\.xlsx does not exist\.$/) });
  });

  it('is over 10 MB', async () => {
    const big = file('big.xlsx', 'PK\x03\x04');
    truncateSync(big, MAX_IMPORT_BYTES + 1);
    expect(await readFiles([big])).toEqual({ ok: false, message: expect.stringMatching(/big\.xlsx is 10\.0 MB; the import reads files of up to 10 MB\.$/) });
  });

  it('lacks a sheet or a column: refused, saying which were expected', async () => {
    const [projects] = templateSheets();
    const workbook = file('partial.xlsx', await workbookBuffer([{ ...projects, columns: projects.columns.filter((c) => c.header !== 'Strand') }]));
    const read = await readFiles([workbook]);
    if (!read.ok) throw new Error(read.message);
    const store = await openStore({ sqlitePath: path.join(dir, 'refused.sqlite') });
    try {
      const result = await importProgramme({ store, clock: { now: () => new Date() }, newId: () => 'x' }, { fileName: read.name, sheets: read.sheets, requiredSheets: read.required, apply: true });
      expect(reportText(result, read.name, true).split('\n')).toEqual([
        'Refused: partial.xlsx is not a programme workbook as expected.',
        '  projects, row 1: the header row has no "Strand" column; expected at least Reference, Title, Strand, Status (every column: see README or the template)',
        '  milestones: there is no "milestones" sheet (found "projects"); expected the sheets projects, milestones, benefits, as in the template (npm run import -- --template)',
        '  benefits: there is no "benefits" sheet (found "projects"); expected the sheets projects, milestones, benefits, as in the template (npm run import -- --template)',
        'Nothing was imported.',
      ]);
    } finally {
      await store.close();
    }
  });

  it('reads .csv files one sheet each, every value as text, a byte order mark left out', async () => {
    const projects = file('council-projects.csv', '\uFEFFReference,Title,Strand,Status,Route,Approved on,Planned annual cash saving (GBP)\r\nICT-1,"Renewals, online",Digital Customers,Approved,Re-use,14/04/2026,"£12,000"\r\n');
    const milestones = file('milestones.csv', 'Project,Title,Due\nICT-1,Go live,2027-03-01\n');
    const read = await readFiles([projects, milestones]);
    expect(read).toEqual({
      ok: true,
      name: 'council-projects.csv, milestones.csv',
      required: ['projects'],
      sheets: [
        { name: 'projects', header: ['Reference', 'Title', 'Strand', 'Status', 'Route', 'Approved on', 'Planned annual cash saving (GBP)'], rows: [{ row: 2, cells: ['ICT-1', 'Renewals, online', 'Digital Customers', 'Approved', 'Re-use', '14/04/2026', '£12,000'] }] },
        { name: 'milestones', header: ['Project', 'Title', 'Due'], rows: [{ row: 2, cells: ['ICT-1', 'Go live', '2027-03-01'] }] },
      ],
    });
  });
});

describe('the round trip', () => {
  let store: Store;
  const now = new Date('2026-11-27T10:00:00Z');
  let ids = 0;
  const deps = () => ({ store, clock: { now: () => now }, newId: () => `m-${++ids}`, calendar: undefined });

  beforeAll(async () => {
    store = await openStore({ sqlitePath: path.join(dir, 'round-trip.sqlite') });
    await store.roster.put('19:team', [{ id: '29:lee', aadObjectId: 'aad-lee', name: 'Lee Lead', email: 'lee@council.example' }], now.toISOString());
  });
  afterAll(() => store.close());

  it('imports a workbook, exports the programme, and reads the export back with nothing to change', async () => {
    const sheets = [
      sheet('projects', [
        projectRow({ Title: '=HYPERLINK("http://evil.example")', 'Project Lead': 'lee@council.example', 'Project Manager': 'Pat (agency)', Priority: 'High', 'Priority project': 'Yes', 'Business case': 'Approved', 'Business case date': '2026-05-01', 'Business case link': 'https://sp.example/bc', DPIA: 'Not started', 'Planned annual cash saving (GBP)': 9000, 'One-off cost (GBP)': '£25,000', 'Non-cash benefits': '-20% calls', 'Approved on': '2026-04-14' }),
        projectRow({ Reference: 'ICT-2', Title: 'E-billing', Strand: 'Digital Business Services', Status: 'Completed', Route: 'Buy', Problem: '+ paper bills', 'Approved on': '2024-05-01', 'Completed on': '2025-03-14' }),
      ]),
      sheet('milestones', [
        { Project: 'ICT-1', Title: 'Go live', Due: '2027-03-01' },
        { Project: 'ICT-1', Title: 'Discovery', Due: '2026-05-01', Status: 'Done', 'Completed on': '2026-05-03' },
        { Project: 'ICT-2', Title: 'Supplier', Due: '2026-02-01', Status: 'Missed' },
      ]),
      sheet('benefits', [
        { Project: 'ICT-2', 'Financial year': '2025/26', 'Realised cash saving (GBP)': 4000, Note: '@postage' },
        { Project: 'ICT-2', 'Financial year': '2026/27', 'Realised cash saving (GBP)': 0 },
      ]),
    ];
    const imported = await importProgramme(deps(), { fileName: 'programme.xlsx', sheets, requiredSheets: IMPORT_SHEET_NAMES, apply: true });
    expect(imported.kind === 'checked' && [imported.applied, imported.plan.problems]).toEqual([true, []]);
    // The annual report counts the completion in the year it happened, not the year of the import.
    const report = (year: string) => buildAnnualReport({ store, clock: { now: () => now }, calendar: new WorkingCalendar([]) }, year);
    expect([(await report('2024/25')).projectsCompleted, (await report('2026/27')).projectsCompleted]).toEqual([1, 0]);

    const exported = file('export.xlsx', await workbookBuffer(await programmeWorkbook({ store, calendar: new WorkingCalendar([]) }, '2026/27')));
    const read = await readWorkbook(exported, MAX_IMPORT_BYTES);
    if (!read.ok) throw new Error(read.reason);
    const projects = read.sheets[0];
    // Formula characters are escaped; people the roster knows are written by email.
    expect(projects.rows[0].cells.slice(0, 2)).toEqual(['DP-2026-0001', '\'=HYPERLINK("http://evil.example")']);
    expect(projects.rows[0].cells[projects.header.indexOf('Project Lead')]).toBe('lee@council.example');
    // A project imported as completed keeps its completion date, as the annual report counts it.
    expect(projects.rows[1].cells[projects.header.indexOf('Completed on')]).toEqual(new Date('2025-03-14T00:00:00Z'));

    const again = await importProgramme(deps(), { fileName: 'export.xlsx', sheets: read.sheets, requiredSheets: IMPORT_SHEET_NAMES, apply: true });
    if (again.kind !== 'checked') throw new Error('refused');
    expect(again.plan.problems).toEqual([]);
    // Pat was never matched, so the Project Manager stayed empty, and the export leaves it blank.
    expect(imported.kind === 'checked' && imported.plan.unmatched.map((u) => u.value)).toEqual(['Pat (agency)']);
    expect(again.plan.unmatched).toEqual([]);
    expect(again.plan.counts).toEqual({
      projects: { added: 0, updated: 0, unchanged: 2 },
      milestones: { added: 0, updated: 0, unchanged: 3 },
      benefits: { added: 0, updated: 0, unchanged: 2 },
    });
    // The terminal says so in words, rather than "would change" over a column of noughts.
    expect(reportText(again, 'export.xlsx', true).split('\n')).toEqual([
      'No changes: export.xlsx says what the programme holds already; nothing was saved.',
      '  projects: 0 added, 0 updated, 2 unchanged',
      '  milestones: 0 added, 0 updated, 3 unchanged',
      '  realised benefits (per year): 0 added, 0 updated, 2 unchanged',
    ]);
    expect(reportText({ ...again, applied: false }, 'export.xlsx', false).split('\n')[0]).toBe('No changes: export.xlsx says what the programme holds already.');
    expect((await store.projects.listWithRequests()).map((r) => [r.request.reference, r.request.title])).toEqual([['DP-2024-0001', 'E-billing'], ['DP-2026-0001', '=HYPERLINK("http://evil.example")']]);
  });
});

describe('README', () => {
  it('documents every column of every sheet the import reads, as the template\'s guide does', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    for (const name of IMPORT_SHEET_NAMES) {
      for (const c of Object.values(IMPORT_SHEETS[name] as Record<string, ColumnSpec>)) expect(readme).toContain(`| ${c.header} | ${c.required ? 'yes' : ''} | ${c.doc} |`);
    }
  });
});
