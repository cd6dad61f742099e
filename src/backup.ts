/**
 * `npm run backup`: a consistent copy of the bot's SQLite database (SQLITE_PATH), safe while the bot runs,
 * into BACKUP_DIR (./backups), keeping the newest BACKUP_KEEP (14). With DATABASE_URL (PostgreSQL), it says
 * to use pg_dump instead (README "Backups").
 */
import path from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config';
import { runCli } from './cli';
import { backupSqlite } from './storage/backup';

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: the bot keeps its data in PostgreSQL, which npm run backup does not copy. Use pg_dump (README, "Backups"), e.g.\n  pg_dump --format=custom --file=backups/dsg-bot-$(date -u +%Y%m%dT%H%M%SZ).dump "$DATABASE_URL"');
    return 1;
  }
  const result = await backupSqlite(config.sqlitePath, config.backups.dir, config.backups.keep, new Date());
  console.log(
    `Backed up ${path.resolve(config.sqlitePath)} to ${path.resolve(result.file)} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity checked).` +
      (result.removed.length ? ` Removed ${result.removed.length} older backup${result.removed.length === 1 ? '' : 's'}, keeping the newest ${config.backups.keep}.` : ''),
  );
  return 0;
}

if (require.main === module) {
  runCli(main, (error) => {
    if (error instanceof ConfigError) return undefined;
    const missing = (error as NodeJS.ErrnoException)?.code === 'ENOENT';
    return `Backup failed: ${missing ? `there is no database at ${(error as NodeJS.ErrnoException).path} (SQLITE_PATH)` : error instanceof Error ? error.message : String(error)}`;
  });
}
