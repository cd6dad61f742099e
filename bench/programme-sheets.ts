/**
 * The programme workbook: import and export at size. A generated 2,000-project, 10,000-milestone workbook is
 * read and checked (the dry run), then imported into an empty SQLite database (--apply), then imported again
 * (nothing to change); each timed from reading the file, as `npm run import` does. Then a 10,000-project,
 * 50,000-milestone programme is imported and exported as the .xlsx `programme export` serves, in a process of
 * its own with the bot's heap limit, so its peak RSS is the export's. Prints seconds and MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { programmeWorkbook } from '../src/app/programme-sheets/export-programme';
import { importProgramme } from '../src/app/programme-sheets/import-programme';
import { type CellValue, IMPORT_SHEET_NAMES, MAX_IMPORT_BYTES, type SheetOutput, templateSheets } from '../src/domain/programme-workbook';
import { STRANDS } from '../src/domain/catalogue';
import { WorkingCalendar } from '../src/domain/calendar';
import { readFiles } from '../src/import-programme';
import { readWorkbook, workbookBuffer } from '../src/spreadsheet/workbook';
import { openStore } from '../src/storage/open-store';
import { peakRssMb } from './support';

const NOW = new Date('2026-11-27T10:00:00Z');
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
/** CPU seconds since `from`, and how busy the machine was: on a shared machine the wall clock alone misleads. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(from);
  return `${((user + system) / 1e6).toFixed(2)} s of CPU, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
};
const people = Array.from({ length: 200 }, (_, i) => ({ id: `29:p${i}`, aadObjectId: `aad-${i}`, name: `Project Lead ${i}`, email: `lead.${i}@council.example` }));

/** A filled-in workbook: `projects` projects with `each` milestones each and a realised saving for every other one. */
function workbook(projects: number, each: number): SheetOutput[] {
  const [p, m, b] = templateSheets().map((sheet) => ({ ...sheet, rows: [] as CellValue[][] }));
  const row = (sheet: SheetOutput, cells: Record<string, CellValue>) => sheet.columns.map((c) => cells[c.header] ?? null);
  for (let i = 0; i < projects; i++) {
    const reference = `PRJ-${i + 1}`;
    p.rows.push(row(p, {
      Reference: reference, Title: `Project ${i + 1}: online service`, Strand: STRANDS[i % STRANDS.length].name, Status: ['Approved', 'In delivery', 'Completed'][i % 3], Priority: 'Medium',
      'Priority project': i % 2 ? 'Yes' : 'No', Route: 'Re-use', Problem: 'Paper forms and phone calls', Outcome: 'Online at any time', 'Project Lead': people[i % 200].email,
      'Project Manager': people[(i + 1) % 200].email, 'Business case': 'Drafting', 'Business case link': 'https://sp.example/bc', DPIA: i % 3 ? null : 'In progress',
      'Planned annual cash saving (GBP)': 1000 + i, 'Approved on': new Date(Date.UTC(2025, i % 12, 1 + (i % 28))),
    }));
    for (let k = 0; k < each; k++) m.rows.push(row(m, { Project: reference, Title: `Milestone ${k + 1}`, Due: new Date(Date.UTC(2026, (i + k) % 12, 1 + (k % 28))), Status: k === 0 ? 'Done' : 'Planned', 'Completed on': k === 0 ? new Date(Date.UTC(2026, 0, 5)) : null }));
    if (i % 2 === 0) b.rows.push(row(b, { Project: reference, 'Financial year': '2025/26', 'Realised cash saving (GBP)': 500 + i, Note: 'Measured by finance' }));
  }
  return [p, m, b];
}

async function exportOnly(sqlitePath: string): Promise<void> {
  const store = await openStore({ sqlitePath });
  try {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const bytes = await workbookBuffer(await programmeWorkbook({ store, calendar: new WorkingCalendar([]) }, '2026/27'));
    console.log(
      `export: ${(bytes.length / 1_048_576).toFixed(1)} MB .xlsx in ${seconds(start).toFixed(2)} s (target <= 5 s; ${cpuSeconds(cpu)}); peak RSS of the exporting process ${peakRssMb().toFixed(0)} MB (target <= 300 MB)`,
    );
    const out = path.join(path.dirname(sqlitePath), 'export.xlsx');
    writeFileSync(out, bytes);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsg-bench-sheets-'));
  try {
    const file = path.join(dir, 'programme.xlsx');
    writeFileSync(file, await workbookBuffer(workbook(2000, 5)));
    console.log(`workbook: 2,000 projects, 10,000 milestones, 1,000 realised savings; ${(statSync(file).size / 1_048_576).toFixed(1)} MB`);
    const store = await openStore({ sqlitePath: path.join(dir, 'import.sqlite') });
    await store.roster.put('19:team', people, NOW.toISOString());
    let ids = 0;
    const deps = { store, clock: { now: () => NOW }, newId: () => `m-${++ids}` };
    const run = async (apply: boolean) => {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const read = await readFiles([file]);
      if (!read.ok) throw new Error(read.message);
      const result = await importProgramme(deps, { fileName: 'programme.xlsx', sheets: read.sheets, requiredSheets: read.required, apply });
      if (result.kind !== 'checked' || result.plan.problems.length) throw new Error(`the generated workbook has problems: ${JSON.stringify(result).slice(0, 500)}`);
      return { s: seconds(start), cpu: cpuSeconds(cpu), counts: result.plan.counts };
    };
    const dry = await run(false);
    console.log(`import dry run: ${dry.s.toFixed(2)} s (target <= 3 s; ${dry.cpu}), ${dry.counts.projects.added} projects and ${dry.counts.milestones.added} milestones to add`);
    const applied = await run(true);
    console.log(`import --apply: ${applied.s.toFixed(2)} s (target <= 5 s; ${applied.cpu}) on SQLite`);
    const again = await run(true);
    console.log(`import --apply again: ${again.s.toFixed(2)} s (${again.cpu}), ${again.counts.projects.unchanged} projects unchanged, ${again.counts.projects.added + again.counts.projects.updated} changed`);
    await store.close();

    // The 10,000-project programme for the export, brought in by the import itself.
    const big = path.join(dir, 'big.xlsx');
    writeFileSync(big, await workbookBuffer(workbook(10_000, 5)));
    const bigStore = await openStore({ sqlitePath: path.join(dir, 'export.sqlite') });
    await bigStore.roster.put('19:team', people, NOW.toISOString());
    const read = await readWorkbook(big, MAX_IMPORT_BYTES * 10);
    if (!read.ok) throw new Error(read.reason);
    const start = process.hrtime.bigint();
    await importProgramme({ ...deps, store: bigStore }, { fileName: 'big.xlsx', sheets: read.sheets, requiredSheets: IMPORT_SHEET_NAMES, apply: true });
    console.log(`(10,000 projects and 50,000 milestones imported in ${seconds(start).toFixed(1)} s for the export)`);
    await bigStore.close();
    // The bot's own heap limit (npm start), as the export runs inside the bot.
    const child = spawnSync(process.execPath, ['--max-old-space-size=192', ...process.execArgv, __filename, '--export', path.join(dir, 'export.sqlite')], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`the export process failed (${child.status ?? child.signal})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const exportAt = process.argv.indexOf('--export');
(exportAt > 0 ? exportOnly(process.argv[exportAt + 1]) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
