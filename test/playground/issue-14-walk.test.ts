/**
 * Issue 14's "Done means", walked as a council adopting dsg-bot would: the import's template filled in with one
 * mistake, which the dry run names by sheet, row and column; fixed and applied; the projects in `programme` in
 * the Microsoft 365 Agents Playground's own web UI (headless Chromium); `programme export` answering with a
 * signed link whose workbook imports again with no changes; `npm run sar` writing one person's file; and
 * `npm run backup` making a copy that opens. The command lines run for real (their sources through tsx, as
 * `npm run` runs them after a build) on the walk's database while the bot runs. Screenshots land in
 * test-artifacts/walks/issue-14/ (the kept set is docs/walks/issue-14/).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { setUpDsg, useWalk } from './support/walk-bot';

jest.setTimeout(120_000);
const ROOT = path.join(__dirname, '..', '..');
const w = useWalk('issue-14');
/** The council officer's working folder: the template, the filled-in workbook, the export, the files made. */
const work = mkdtempSync(path.join(tmpdir(), 'walk-14-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One of the project's command lines (src/<entry>.ts, which npm run builds and runs), from the working folder. */
function cli(entry: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH, ...w.db.env, BACKUP_DIR: path.join(work, 'backups') };
  return new Promise((resolve) => {
    execFile(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', `${entry}.ts`), ...args], { cwd: work, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

/** Fills the template's sheets as someone would in Excel: dates as dates, amounts as numbers. */
async function fillIn(template: string, out: string, strandOfTheThird: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const put = (sheet: string, row: number, values: Record<string, unknown>) => {
    const ws = book.getWorksheet(sheet)!;
    const headers = ws.getRow(1).values as unknown[];
    for (const [header, value] of Object.entries(values)) ws.getRow(row).getCell(headers.indexOf(header)).value = value as ExcelJS.CellValue;
  };
  put('projects', 2, { Reference: 'ICT-001', Title: 'Garden waste permits online', Strand: 'Digital Customers', Status: 'In delivery', Priority: 'High', Route: 'Re-use', 'Project Lead': MOCK_USERS.dsgChair.email, 'Planned annual cash saving (GBP)': 12000, 'Approved on': new Date(Date.UTC(2026, 3, 14)) });
  put('projects', 3, { Reference: 'ICT-002', Title: 'Depot timesheets app', Strand: 'Digital Employees', Status: 'Approved', Route: 'Buy', 'Project Manager': 'agency.pm@contractor.example' });
  put('projects', 4, { Reference: 'ICT-003', Title: 'School meals payments', Strand: strandOfTheThird, Status: 'Completed', Route: 'Share', 'Approved on': '01/09/2025', 'Completed on': '14/03/2026' });
  put('milestones', 2, { Project: 'ICT-001', Title: 'Pilot in one area', Due: new Date(Date.UTC(2027, 0, 14)) });
  put('milestones', 3, { Project: 'ICT-001', Title: 'Go live', Due: '2027-03-31' });
  put('milestones', 4, { Project: 'ICT-002', Title: 'Supplier chosen', Due: '30/11/2026', Status: 'Done', 'Completed on': '28/11/2026' });
  put('benefits', 2, { Project: 'ICT-003', 'Financial year': '2025/26', 'Realised cash saving (GBP)': 4500, Note: 'Fewer cash-handling hours' });
  await book.xlsx.writeFile(out);
}

// The DSG channel is set up first: the bot reads the team's roster, which the import matches people against.
beforeAll(() => setUpDsg(w.ui));

it('imports the filled-in template (a mistake named first), shows it in programme, exports it, and answers a SAR and a backup', () => w.ui.walk(async () => {
  const { ui, t } = w;
  // 1. The template, filled in with one mistake: a strand that does not exist.
  const template = await cli('import-programme', '--template');
  expect(template).toEqual({ code: 0, out: expect.stringContaining('Wrote programme-template.xlsx') });
  await fillIn(path.join(work, 'programme-template.xlsx'), path.join(work, 'programme.xlsx'), 'Digital Schools');
  const mistaken = await cli('import-programme', 'programme.xlsx', '--apply');
  expect(mistaken.code).toBe(1);
  expect(mistaken.out).toContain('1 problem in programme.xlsx:\n  projects, row 4, column C (Strand): unknown strand "Digital Schools": use one of Digital Customers,');
  expect(mistaken.out).toContain('Nothing was imported.');
  writeFileSync(path.join(ui.folder, '01-import-names-the-mistake.txt'), mistaken.out);

  // 2. Fixed, and applied: the Project Lead is matched by email to the DSG's roster; the agency PM is listed.
  await fillIn(path.join(work, 'programme-template.xlsx'), path.join(work, 'programme.xlsx'), 'Digital Learning');
  const applied = await cli('import-programme', 'programme.xlsx', '--apply');
  expect(applied.code).toBe(0);
  expect(applied.out).toContain('"agency.pm@contractor.example" for ICT-002');
  expect(applied.out).toContain('projects: 3 added, 0 updated, 0 unchanged');
  expect(applied.out).toContain('milestones: 3 added');
  writeFileSync(path.join(ui.folder, '02-import-applied.txt'), applied.out);

  await ui.say('programme');
  const programme = await ui.waitForText(/3 projects in the Digital Programme/);
  const shown = await programme.innerText();
  for (const title of ['Garden waste permits online', 'Depot timesheets app', 'School meals payments']) expect(shown).toContain(title);
  expect(shown).toMatch(/Lead: DSG Chair/);
  await ui.shot('03-programme-shows-the-imported-projects', programme);

  // 3. programme export: a signed link to the workbook, which imports again with no changes.
  await ui.say('programme export');
  const exportCard = await ui.waitForText('The Digital Programme as a workbook');
  expect(await exportCard.innerText()).toMatch(/The link works until .*keep it within the DSG/);
  await ui.shot('04-programme-export-download-button', exportCard);
  // The button opens the signed link in the browser, which downloads the workbook.
  const download = await ui.download('Download the Digital Programme (.xlsx)', exportCard);
  expect(download.url()).toMatch(new RegExp(`^${t.bot.url}/exports/programme/\\d{4}-\\d{2}\\.xlsx\\?expires=\\d+&token=`));
  expect(download.suggestedFilename()).toMatch(/^dsg-programme-\d{4}-\d{2}\.xlsx$/);
  await download.saveAs(path.join(work, 'export.xlsx'));
  const again = await cli('import-programme', 'export.xlsx');
  expect(again.code).toBe(0);
  expect(again.out).toContain('No changes: export.xlsx says what the programme holds already.');
  writeFileSync(path.join(ui.folder, '05-export-imports-with-no-changes.txt'), again.out);

  // 4. A subject access request for the council officer, who has used the bot: their file, JSON and HTML.
  const sar = await cli('data-protection-cli', 'sar', '--email', MOCK_TENANT.currentUser.email);
  expect(sar).toEqual({ code: 0, out: expect.stringMatching(/^Found Council Officer: /) });
  const files = readdirSync(path.join(work, 'subject-access')).sort();
  expect(files).toEqual([expect.stringMatching(/^subject-access-.*\.html$/), expect.stringMatching(/^subject-access-.*\.json$/)]);
  const held = JSON.parse(readFileSync(path.join(work, 'subject-access', files[1]), 'utf8')) as { person: unknown };
  expect(JSON.stringify(held.person)).toContain(MOCK_TENANT.currentUser.email);
  // The readable page, as the person will open it.
  const page = await ui.page.context().browser()!.newPage();
  try {
    await page.goto(`file://${path.join(work, 'subject-access', files[0])}`);
    expect(await page.locator('body').innerText()).toContain(MOCK_TENANT.currentUser.email);
    await page.screenshot({ path: path.join(ui.folder, '06-subject-access-page.png') });
  } finally {
    await page.close();
  }

  // 5. A backup while the bot runs, which opens and holds the imported programme.
  const backup = await cli('backup');
  expect(backup).toEqual({ code: 0, out: expect.stringContaining('integrity checked') });
  const [copy] = readdirSync(path.join(work, 'backups'));
  const opened = new BetterSqlite3(path.join(work, 'backups', copy), { readonly: true });
  try {
    const tables = opened.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    expect(tables.n).toBeGreaterThan(10);
    expect(opened.prepare('SELECT count(*) AS n FROM projects').get()).toEqual({ n: 3 });
  } finally {
    opened.close();
  }
}));
