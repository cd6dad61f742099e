/**
 * Data protection from the command line, for the council's data protection officer or an administrator:
 *   npm run sar -- --email person@council.example [--out <folder>]     what dsg-bot holds about one person (JSON + HTML)
 *   npm run erase-person -- --email person@council.example [--yes]     pseudonymise that person everywhere
 * (--aad-object-id <id> instead of --email for someone the bot knows only by their Entra ID object id.)
 * Reads the same settings as the bot (environment or .env) and opens its database; safe while the bot runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import dotenv from 'dotenv';
import { erasePerson } from './app/data-protection/erase-person';
import type { PersonQuery } from './app/data-protection/ports';
import { auditExport, exportCounts, subjectAccessExport } from './app/data-protection/subject-access';
import { subjectAccessFiles } from './presenters/subject-access-page';
import { ConfigError, loadConfig } from './config';
import { runCli } from './cli';
import { isDomainError } from './domain/errors';
import { openStore } from './storage/open-store';

const USAGE = `Usage:
  npm run sar -- --email <address> [--out <folder>]   (default folder: ./subject-access)
  npm run erase-person -- --email <address> [--yes]
  Either command takes --aad-object-id <id> instead of --email.`;

type Args = { command: 'sar' | 'erase'; query: PersonQuery; out: string; yes: boolean };

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== 'sar' && command !== 'erase') return `Unknown command ${command ?? '(none)'}.`;
  let email: string | undefined;
  let aad: string | undefined;
  let out = 'subject-access';
  let yes = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (flag === '--yes' && command === 'erase') yes = true;
    else if (['--email', '--aad-object-id', '--out'].includes(flag) && value && !value.startsWith('--')) {
      if (flag === '--email') email = value;
      if (flag === '--aad-object-id') aad = value;
      if (flag === '--out' && command === 'sar') out = value;
      else if (flag === '--out') return '--out is for npm run sar.';
      i += 1;
    } else return `Unknown or incomplete argument ${flag}.`;
  }
  if (!email === !aad) return 'Give the person: --email <address> or --aad-object-id <id> (one of them).';
  return { command, query: email ? { email } : { aadObjectId: aad! }, out: path.resolve(out), yes };
}

const operator = () => `command line (${userInfo().username})`;

async function confirm(summary: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(`${summary}\nThis cannot be undone. Type ERASE to erase them: `)).trim() === 'ERASE';
  } finally {
    rl.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  dotenv.config({ quiet: true });
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig({ ...process.env, PLAYGROUND: 'off' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  const deps = { store, clock: { now: () => new Date() }, roles: { adminAadIds: config.adminAadIds } };
  try {
    const data = await subjectAccessExport(deps, args.query);
    const summary = `Found ${data.person.names.join(', ') || 'someone with no name'}: ${Object.entries(exportCounts(data)).map(([k, n]) => `${n} ${k}`).join(', ')}.`;
    if (args.command === 'sar') {
      const files = subjectAccessFiles(data);
      const stem = path.join(args.out, `subject-access-${data.generatedAt.slice(0, 10)}-${(data.person.aadObjectIds[0] ?? data.person.teamsIds[0]).replace(/[^\w-]/g, '_')}`);
      mkdirSync(args.out, { recursive: true });
      writeFileSync(`${stem}.json`, files.json, { mode: 0o600 });
      writeFileSync(`${stem}.html`, files.html, { mode: 0o600 });
      await auditExport(deps, data, operator(), 'subject access export written by npm run sar');
      console.log(`${summary}\nWrote ${stem}.json and ${stem}.html (readable only by you). Send them to the person securely; a subject access request is answered within one month.`);
      return 0;
    }
    if (!args.yes && !(await confirm(summary))) {
      console.error(`${summary}\nNothing was erased. Run again with --yes to erase them (or answer ERASE when asked).`);
      return 1;
    }
    const result = await erasePerson(deps, args.query, operator());
    console.log(
      result.status === 'erased'
        ? `Erased: ${Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(', ')}. Decisions and completed projects keep the role without the name. The erasure is in the audit trail.`
        : 'Nothing to do: dsg-bot holds nothing more about this person that erasure would change.',
    );
    return 0;
  } catch (error) {
    if (!isDomainError(error) || !['NOT_FOUND', 'INVALID_FIELD'].includes(error.code)) throw error;
    if (args.command === 'erase' && error.code === 'NOT_FOUND') {
      const result = await erasePerson(deps, args.query, operator()).catch(() => null);
      if (result?.status === 'nothing') {
        console.log(`Nothing to do: this person was erased on ${result.erasedAt ?? 'an earlier run'}, and dsg-bot holds nothing more about them.`);
        return 0;
      }
    }
    console.error(error.message);
    return 2;
  } finally {
    await store.close();
  }
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
