/**
 * `npm run backup` under load: another thread keeps writing to the database (two audit rows per
 * transaction) while backups are taken; the newest copy passes its integrity check, holds only whole
 * transactions, opens as the bot's store (restored), and every table reads.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { seedDemo } from '../../src/demo/seed';
import { backupSqlite } from '../../src/storage/backup';
import { openStore } from '../../src/storage/open-store';

/** Writes pairs of audit rows, one transaction each, until told to stop (at most 30 s). */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const insert = db.prepare("insert into audit_events (at, actor_id, actor_name, action, subject_type, subject_id, outcome, detail) values (?, null, 'load', 'load.write', 'settings', ?, 'done', null)");
const pair = db.transaction((n) => { insert.run(new Date().toISOString(), 'load-' + n); insert.run(new Date().toISOString(), 'load-' + n); });
let n = 0;
let stop = false;
parentPort.on('message', () => { stop = true; });
const started = Date.now();
(function loop() {
  for (let i = 0; i < 20 && !stop; i++) pair(++n);
  if (n % 100 === 0) parentPort.postMessage({ written: n });
  if (stop || Date.now() - started > 30000) { db.close(); parentPort.postMessage({ done: n }); return; }
  setImmediate(loop);
})();
`;

describe('backup under load', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsg-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the database while writes go on, keeps the newest N, and the copy restores and reads', async () => {
    const live = path.join(dir, 'live.sqlite');
    const store = await openStore({ sqlitePath: live });
    const seeded = await seedDemo(store, { now: () => new Date('2026-11-27T10:00:00Z') });

    const worker = new Worker(WRITER, { eval: true, workerData: { path: live, module: require.resolve('better-sqlite3') } });
    let written = 0;
    const finished = new Promise<number>((resolve, reject) => {
      worker.on('message', (m: { written?: number; done?: number }) => {
        if (m.written) written = m.written;
        if (m.done !== undefined) resolve(m.done);
      });
      worker.on('error', reject);
    });
    let failed: unknown = null;
    finished.catch((error: unknown) => {
      failed = error;
    });
    for (const deadline = Date.now() + 20_000; written < 500; await new Promise((r) => setTimeout(r, 20))) {
      if (failed || Date.now() > deadline) throw failed ?? new Error(`the writer wrote only ${written} transactions in 20 s`);
    }

    const backups = path.join(dir, 'backups');
    const times = ['2026-11-27T10:00:00Z', '2026-11-27T11:00:00Z', '2026-11-27T12:00:00Z'];
    const results = [];
    for (const at of times) {
      // The bot's own connection writes too.
      await store.audit.record({ at, actorId: null, actorName: 'bot', action: 'bot.write', subjectType: 'settings', subjectId: 'bot', outcome: 'done', before: null, after: null, detail: null });
      results.push(await backupSqlite(live, backups, 2, new Date(at)));
    }
    worker.postMessage('stop');
    const total = await finished;
    await worker.terminate();
    await store.close();

    expect(readdirSync(backups)).toEqual(['dsg-bot-20261127T110000Z.sqlite', 'dsg-bot-20261127T120000Z.sqlite']);
    expect(results[2].removed).toEqual([path.join(backups, 'dsg-bot-20261127T100000Z.sqlite')]);
    // Everyone's personal data: readable by the account that made it only.
    expect(statSync(results[2].file).mode & 0o777).toBe(0o600);

    // Restore: the newest copy in place of the database, opened as the bot opens it.
    const restored = path.join(dir, 'restored.sqlite');
    copyFileSync(results[2].file, restored);
    const raw = new Database(restored);
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      // Only whole transactions: every load-N subject has both of its rows.
      const halves = raw.prepare("select count(*) as n from (select subject_id from audit_events where action = 'load.write' group by subject_id having count(*) <> 2)").get() as { n: number };
      expect(halves.n).toBe(0);
      const pairs = (raw.prepare("select count(distinct subject_id) as n from audit_events where action = 'load.write'").get() as { n: number }).n;
      expect(pairs).toBeGreaterThanOrEqual(500);
      expect(pairs).toBeLessThan(total);
      // Every table reads.
      const tables = (raw.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['audit_events', 'import_keys', 'milestones', 'projects', 'requests', 'settings', 'outbox', 'digest_runs']));
      for (const table of tables) expect(() => raw.prepare(`select * from "${table}"`).all()).not.toThrow();
    } finally {
      raw.close();
    }
    const reopened = await openStore({ sqlitePath: restored });
    try {
      expect(await reopened.projects.listWithRequests()).toHaveLength(seeded.projects);
      expect((await reopened.settings.get()).chair).not.toBeNull();
      expect(await reopened.audit.done(['bot.write'], '', '9999')).toHaveLength(3);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a database that is not there, and a keep of less than one', async () => {
    await expect(backupSqlite(path.join(dir, 'none.sqlite'), path.join(dir, 'b2'), 2, new Date())).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(backupSqlite(path.join(dir, 'none.sqlite'), path.join(dir, 'b2'), 0, new Date())).rejects.toThrow('keep must be a whole number of 1 or more, not 0');
  });
});
