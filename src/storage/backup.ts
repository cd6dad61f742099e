import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export interface BackupResult {
  file: string;
  bytes: number;
  /** Older backups removed to keep the last `keep`. */
  removed: string[];
}

const NAME = /^dsg-bot-\d{8}T\d{6}Z\.sqlite$/;

/** `dsg-bot-20261127T093000Z.sqlite`: sorts by time. */
const nameAt = (now: Date): string => `dsg-bot-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.sqlite`;

/**
 * A consistent copy of the live SQLite database, made with SQLite's online backup API (better-sqlite3's
 * `backup`) on a connection of its own while the bot keeps writing: every page is copied in one step, so the
 * copy is the database as it stood at one moment. The copy is checked (`integrity_check`) before it counts;
 * then only the newest `keep` backups in `dir` are kept. Each copy is readable by its owner only.
 */
export async function backupSqlite(sqlitePath: string, dir: string, keep: number, now: Date): Promise<BackupResult> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a whole number of 1 or more, not ${keep}`);
  statSync(sqlitePath); // a missing database is an error, never an empty backup
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, nameAt(now));
  const source = new BetterSqlite3(sqlitePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(file, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    // One self-contained file (the live database's WAL mode would leave -wal and -shm files beside it).
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy ${file} failed its integrity check: ${String(check)}`);
  } catch (error) {
    copy.close();
    rmSync(file, { force: true });
    throw error;
  }
  copy.close();
  // It holds everyone's personal data: readable by the account that made it only, like a subject access export.
  chmodSync(file, 0o600);
  const backups = readdirSync(dir).filter((f) => NAME.test(f)).sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep)).map((f) => path.join(dir, f));
  for (const old of removed) rmSync(old, { force: true });
  return { file, bytes: statSync(file).size, removed };
}
