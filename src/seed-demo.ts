/**
 * `npm run seed-demo [-- --force]`: fills the bot's database (the same DATABASE_URL / SQLITE_PATH as the
 * bot, from the environment or .env) with a realistic demo Digital Programme for trying things out.
 * Everyone in it is fictional and named by role. Refuses a database already in use unless `--force`.
 */
import path from 'node:path';
import dotenv from 'dotenv';
import { type Config, ConfigError, loadConfig } from './config';
import { runCli } from './cli';
import { meetingWords } from './domain/meeting-plans';
import { REQUEST_STATUSES, STATUS_LABELS } from './domain/request';
import { SeedRefused, type SeedResult, seedDemo } from './demo/seed';
import { openStore } from './storage/open-store';

export { seedDemo, SeedRefused, type SeedOptions, type SeedResult } from './demo/seed';

const USAGE = 'Usage: npm run seed-demo [-- --force]\n  --force  add the demo programme even if the database already holds requests or has a DSG channel';

/** Where the data goes, for people to read (no password). */
function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `SQLite at ${path.resolve(config.sqlitePath)}`;
  try {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

export function summaryText(result: SeedResult, where: string): string {
  const byStatus = REQUEST_STATUSES.filter((s) => result.byStatus[s] > 0)
    .map((s) => `${STATUS_LABELS[s].toLowerCase()} ${result.byStatus[s]}`)
    .join(', ');
  return [
    `Seeded the demo Digital Programme into ${where}:`,
    `  ${result.requests} requests (${result.firstReference} to ${result.lastReference}); ${result.waitingOverTwoWeeks} waiting for a decision for more than 14 days`,
    `  by status: ${byStatus}`,
    `  ${result.projects} projects, ${result.milestones} milestones (${result.overdueMilestones} overdue, ${result.dueSoonMilestones} due within 7 days), ${result.realisedBenefits} realised benefits`,
    `  ${result.peopleAdded} role-named people added; DSG settings ${
      result.settings === 'kept' ? 'kept as they were' : result.settings === 'saved' ? 'saved (chair and a Digital Leader for every strand)' : 'filled in where empty'
    }; next meetings ${result.meetings.map(meetingWords).join(' and ') || 'none'}`,
    `  ${result.solutionsAdded} re-use catalogue entries added (one contract ending within 6 months; type "catalogue" to see them)`,
    `  ${result.gates.requests} stage gate requests (${result.gates.waiting} waiting for the DSG; ${result.gates.overdueConditions} conditions overdue)`,
    result.channelSetUp
      ? '  The DSG channel is already set up.'
      : '  No DSG channel yet: say "setup dsg" in a Teams channel as a DSG admin; the waiting requests are posted there then.',
  ].join('\n');
}

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--force');
  if (unknown.length) {
    console.error(`Unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const where = describeDatabase(config);
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    const result = await seedDemo(store, { now: () => new Date() }, { force: args.includes('--force') });
    console.log(summaryText(result, where));
    return 0;
  } catch (error) {
    if (error instanceof SeedRefused) {
      console.error(`Database: ${where}\n${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

if (require.main === module) runCli(() => main());
