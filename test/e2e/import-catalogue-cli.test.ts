/**
 * `npm run import-catalogue` as a person runs it: the command line itself, run for real against a SQLite database
 * from an empty directory (no .env read). A file with a wrong row exits 1, naming each problem by row and column,
 * and imports nothing even with --apply; a clean file is checked (exit 0, nothing saved), then added with --apply;
 * a mistyped option is answered with the usage (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/storage/open-store';

const ROOT = path.resolve(__dirname, '..', '..');
const HEADER = 'Name,What it does,Owning service,Strands,Keywords,Shared with partners,Shared with,Contract ends,Link';
const HALLS = 'Community hall and room booking,Book and pay for halls online,Customer Services,Digital Customers; estates,booking; halls,No,,2027-03-31,https://intranet.council.example/rooms';
const GIS = 'Shared GIS,Maps for planning,Planning and Roads,business-services,maps,Yes,The neighbouring councils,,';

let dir: string;
const sqlitePath = () => path.join(dir, 'dsg.sqlite');

/** The command line, as `npm run import-catalogue -- <args>` runs it (its source, through tsx). */
function cli(...args: string[]) {
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'import-catalogue.ts'), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, SQLITE_PATH: sqlitePath() },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const csv = (name: string, lines: string[]) => {
  writeFileSync(path.join(dir, name), `${lines.join('\r\n')}\r\n`);
  return name;
};

async function entries(): Promise<string[]> {
  const store = await openStore({ sqlitePath: sqlitePath() });
  try {
    return (await store.solutions.list()).map((s) => s.name).sort();
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsg-import-catalogue-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('refuses a file with a wrong row: exit 1, every problem by row and column, nothing imported even with --apply', async () => {
  const bad = csv('bad.csv', [HEADER, HALLS, 'Payroll,Pays staff,jo.bloggs@council.example,Digital Parks,,maybe,,31/03/2027,']);
  const run = cli(bad, '--apply');
  expect(run.status).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines[0]).toBe('bad.csv: 4 problems:');
  expect(lines).toContain('  catalogue, row 3, column C (Owning service): Give the owning service (like "Customer Services"), not a person or an email address.');
  expect(lines.some((l) => l.startsWith('  catalogue, row 3, column D (Strands): '))).toBe(true);
  expect(lines.some((l) => l.startsWith('  catalogue, row 3, column F (Shared with partners): '))).toBe(true);
  expect(lines.some((l) => l.startsWith('  catalogue, row 3, column H (Contract ends): '))).toBe(true);
  expect(lines.at(-1)).toBe('Nothing was imported. Fix the problems above and run the import again.');
  expect(run.stdout).toBe('');
  expect(await entries()).toEqual([]);
});

it('checks a clean file without saving, then adds every entry with --apply', async () => {
  const good = csv('good.csv', [HEADER, HALLS, GIS]);
  const dry = cli(good);
  expect({ status: dry.status, stdout: dry.stdout.trim() }).toEqual({ status: 0, stdout: 'good.csv: 2 entries to add, no problems. Run again with --apply to import them.' });
  expect(await entries()).toEqual([]);
  const applied = cli(good, '--apply');
  expect({ status: applied.status, stdout: applied.stdout.trim() }).toEqual({ status: 0, stdout: 'good.csv: 2 entries added to the re-use catalogue.' });
  expect(await entries()).toEqual(['Community hall and room booking', 'Shared GIS']);
});

it('answers a mistyped option or a missing file name with the usage, exit 2', () => {
  const typo = cli('good.csv', '--aply');
  expect(typo.status).toBe(2);
  expect(typo.stderr).toMatch(/^Unknown option --aply\nUsage:\n {2}npm run import-catalogue -- catalogue\.csv /);
  expect(cli().status).toBe(2);
});
