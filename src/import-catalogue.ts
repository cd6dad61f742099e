/**
 * `npm run import-catalogue -- catalogue.csv [--apply]` fills the re-use catalogue from a CSV file (the same
 * DATABASE_URL / SQLITE_PATH as the bot): a dry run by default, every problem by row and column; `--apply` adds
 * every entry, or none if any row is wrong. The published /open/catalogue.csv reads back as it is.
 */
import { randomUUID } from 'node:crypto';
import dotenv from 'dotenv';
import { type CatalogueImportResult, importSolutions } from './app/solutions/import-solutions';
import { loadConfig } from './config';
import { runCli } from './cli';
import { MAX_IMPORT_BYTES } from './domain/programme-workbook';
import { where } from './import-programme';
import { readCsv } from './spreadsheet/workbook';
import { openStore } from './storage/open-store';

const USAGE = [
  'Usage:',
  '  npm run import-catalogue -- catalogue.csv           check the file against the catalogue (saves nothing)',
  '  npm run import-catalogue -- catalogue.csv --apply   add every entry in it, or none if any row is wrong',
  'Columns: Name, What it does, Owning service, Strands (required); Keywords, Shared with partners, Shared with, Contract ends, Link.',
  'Every column is published as open data: name services and organisations, not people; an email address is refused.',
].join('\n');

/** What the import found, as the terminal shows it. */
export function catalogueReportText(result: CatalogueImportResult, file: string): string {
  if (result.kind === 'problems') {
    return [`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`, ...result.problems.map((p) => `  ${where(p)}: ${p.message}`), 'Nothing was imported. Fix the problems above and run the import again.'].join('\n');
  }
  const entries = `${result.count} entr${result.count === 1 ? 'y' : 'ies'}`;
  return result.kind === 'checked' ? `${file}: ${entries} to add, no problems. Run again with --apply to import them.` : `${file}: ${entries} added to the re-use catalogue.`;
}

async function main(args: string[]): Promise<number> {
  const apply = args.includes('--apply');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--apply');
  if (unknown.length || files.length !== 1 || !files[0].toLowerCase().endsWith('.csv')) {
    console.error(`${unknown.length ? `Unknown option ${unknown.join(' ')}\n` : ''}${USAGE}`);
    return 2;
  }
  const read = await readCsv(files[0], 'catalogue', MAX_IMPORT_BYTES);
  if (!read.ok) {
    console.error(`Refused: ${read.reason}\nNothing was imported.`);
    return 1;
  }
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    const result = await importSolutions({ store, clock: { now: () => new Date() }, newId: randomUUID }, read.sheets[0], apply);
    (result.kind === 'problems' ? console.error : console.log)(catalogueReportText(result, files[0]));
    return result.kind === 'problems' ? 1 : 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
