/**
 * The bot's SQLite WAL is written back into the database by a thread of its own: pages written reach the database
 * file without the bot's connection checkpointing (its own limit is far off), and closing the store stops the
 * thread and closes both connections (SQLite removes the -wal file only when the last one closes).
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCheckpointer } from '../../src/storage/checkpointer';
import { openStore } from '../../src/storage/open-store';
import type { Store } from '../../src/app/ports';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsg-checkpoint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** About 4 MB of drafts: 1,000 pages of WAL, far below the bot's own checkpoint at 10,000. */
async function writeDrafts(store: Store): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < 1000; i++) {
    await store.drafts.save({ formId: `form-${i}`, personId: '29:someone', values: { problem: 'x'.repeat(4000) }, createdAt: at, updatedAt: at });
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

it('writes the WAL back into the database in the background, and stops with the store', async () => {
  const file = path.join(dir, 'bot.sqlite');
  const store = await openStore({ sqlitePath: file, checkpointInBackground: true });
  const before = statSync(file).size;
  await writeDrafts(store);
  expect(await until(() => statSync(file).size > before + 4_000_000, 5000)).toBe(true);
  await store.close();
  expect(existsSync(`${file}-wal`)).toBe(false);
});

it('leaves the WAL to the connection when the option is off (the command-line tools)', async () => {
  const file = path.join(dir, 'tool.sqlite');
  const store = await openStore({ sqlitePath: file });
  const before = statSync(file).size;
  await writeDrafts(store);
  // SQLite's own checkpoint at 1,000 pages has run by now, in the writing connection.
  expect(statSync(file).size).toBeGreaterThan(before + 3_000_000);
  await store.close();
  expect(existsSync(`${file}-wal`)).toBe(false);
});

it('says once when it cannot checkpoint, and ends the thread rather than failing on every tick', async () => {
  const file = path.join(dir, 'not-a-database.sqlite');
  writeFileSync(file, 'This file is text, not an SQLite database, and a checkpoint of it fails.\n');
  const errors: string[] = [];
  const checkpointer = startCheckpointer(file, 20, (message) => errors.push(message));
  await until(() => errors.length > 0, 5000);
  await new Promise((r) => setTimeout(r, 300));
  expect(errors).toEqual([expect.stringMatching(/not a database/)]);
  await checkpointer.stop();
});
