/**
 * The re-use catalogue from a CSV file, through the real CSV reader and a real SQLite store: a dry run reports every
 * problem by row and column and imports nothing; a clean file is checked, then added in one go; the published
 * /open/catalogue.csv reads back; a name already in the catalogue is a problem on its row.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/app/ports';
import { importSolutions } from '../../src/app/solutions/import-solutions';
import { catalogueCsv, openCatalogue } from '../../src/domain/open-data';
import { MAX_IMPORT_BYTES } from '../../src/domain/programme-workbook';
import { catalogueReportText } from '../../src/import-catalogue';
import { readCsv } from '../../src/spreadsheet/workbook';
import { openStore } from '../../src/storage/open-store';

const HEADER = 'Name,What it does,Owning service,Strands,Keywords,Shared with partners,Shared with,Contract ends,Link';
const GOOD = [
  'Community hall and room booking,Book and pay for halls online,Customer Services,Digital Customers; estates,booking; halls,No,,2027-03-31,https://intranet.council.example/rooms',
  'Shared GIS,Maps for planning,Planning and Roads,business-services,maps,Yes,The neighbouring councils,,',
];

let dir: string;
let store: Store;
const deps = () => ({ store, clock: { now: () => new Date('2026-12-04T10:00:00Z') }, newId: randomUUID });

async function sheetOf(lines: string[]) {
  const file = join(dir, `${randomUUID()}.csv`);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  const read = await readCsv(file, 'catalogue', MAX_IMPORT_BYTES);
  if (!read.ok) throw new Error(read.reason);
  return read.sheets[0];
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dsg-catalogue-'));
  store = await openStore({ sqlitePath: join(dir, 'dsg.sqlite') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing the re-use catalogue from CSV', () => {
  it('reports each problem by row and column and imports nothing, even with --apply', async () => {
    const sheet = await sheetOf([
      HEADER,
      GOOD[0],
      'Payroll,,jo.bloggs@council.example,Digital Parks,,maybe,,31/03/2027,http://x',
      'community HALL and room booking,Again,Customer Services,customers,,,,,',
    ]);
    const result = await importSolutions(deps(), sheet, true);
    const report = catalogueReportText(result, 'catalogue.csv').split('\n');
    expect(report[0]).toBe('catalogue.csv: 7 problems:');
    expect(report).toContain('  catalogue, row 3, column C (Owning service): Give the owning service (like "Customer Services"), not a person or an email address.');
    expect(report).toContain('  catalogue, row 4, column A (Name): "community HALL and room booking" is already in row 2; give each entry its own name');
    expect(report.at(-1)).toBe('Nothing was imported. Fix the problems above and run the import again.');
    expect(result.kind).toBe('problems');
    if (result.kind !== 'problems') return;
    expect(result.problems.map((p) => [p.row, p.letter, p.column])).toEqual([
      [3, 'B', 'What it does'],
      [3, 'C', 'Owning service'],
      [3, 'D', 'Strands'],
      [3, 'F', 'Shared with partners'],
      [3, 'H', 'Contract ends'],
      [3, 'I', 'Link'],
      [4, 'A', 'Name'],
    ]);
    expect(await store.solutions.list()).toEqual([]);
  });

  it('checks a clean file, then adds every entry with --apply; a name already there is then a problem', async () => {
    const sheet = await sheetOf([HEADER, ...GOOD]);
    expect(catalogueReportText(await importSolutions(deps(), sheet, false), 'c.csv')).toBe('c.csv: 2 entries to add, no problems. Run again with --apply to import them.');
    expect(await store.solutions.list()).toEqual([]);
    expect(catalogueReportText(await importSolutions(deps(), sheet, true), 'c.csv')).toBe('c.csv: 2 entries added to the re-use catalogue.');
    const added = await store.solutions.list();
    expect(added.map((s) => [s.name, s.strands, s.sharedWith, s.contractEnds])).toEqual([
      ['Community hall and room booking', ['customers', 'estates'], null, '2027-03-31'],
      ['Shared GIS', ['business-services'], 'The neighbouring councils', null],
    ]);
    expect((await store.audit.listFor('solution', added[0].id)).map((e) => e.action)).toEqual(['solution.import']);

    const again = await importSolutions(deps(), await sheetOf([HEADER, GOOD[1]]), true);
    expect(again.kind === 'problems' && again.problems.map((p) => [p.row, p.column, p.message])).toEqual([[2, 'Name', '"Shared GIS" is already in the catalogue; give each entry its own name']]);
  });

  it('reads back the published catalogue CSV into an empty catalogue, and refuses an unknown column', async () => {
    await importSolutions(deps(), await sheetOf([HEADER, ...GOOD]), true);
    const published = catalogueCsv(openCatalogue(await store.solutions.list(), '2026-12-04'));
    await store.close();
    store = await openStore({ sqlitePath: join(dir, 'other.sqlite') });
    const back = await importSolutions(deps(), await sheetOf(published.trimEnd().split('\r\n')), true);
    expect(back).toEqual({ kind: 'imported', count: 2 });

    const odd = await importSolutions(deps(), await sheetOf([`${HEADER},Owner's email`, `${GOOD[0].replace('Community hall', 'Sports hall')},x`]), false);
    expect(odd.kind === 'problems' && odd.problems.map((p) => [p.row, p.letter, p.message])).toEqual([[1, 'J', `"Owner's email" is not a catalogue column; the columns are Name, What it does, Owning service, Strands, Keywords, Shared with partners, Shared with, Contract ends, Link`]]);
  });
});
