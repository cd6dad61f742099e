import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/storage/open-store';
import { storeContract, type TestDatabase } from './contract';

/** A fresh database file in a directory of its own under the OS temp dir (the store creates `nested/`). */
function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'dsg-store-'));
  const sqlitePath = join(dir, 'nested', 'dsg.sqlite');
  return Promise.resolve({
    open: (logger) => openStore({ sqlitePath, logger }),
    async exec(sqlText) {
      const db = new Database(sqlitePath);
      try {
        const statement = db.prepare(sqlText);
        return statement.reader ? (statement.all() as Record<string, unknown>[]) : (statement.run(), []);
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

storeContract('SQLite', createSqliteDatabase);

describe('SQLite specifics', () => {
  it('creates the parent directory, uses WAL, and leaves nothing behind once dropped', async () => {
    const database = await createSqliteDatabase();
    const store = await database.open();
    try {
      expect(await database.exec('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
