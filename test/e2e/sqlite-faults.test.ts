/**
 * SQLite faults on the real engine, through the running bot: another process holding the write lock (the bot
 * waits, up to its busy_timeout of 5 s, then succeeds; past that the person is told nothing was saved) and a
 * full disk (a 4 MB tmpfs filled up: SQLITE_FULL): each refused submission gets the same clear answer, stores
 * nothing, and the bot carries on once it is over. (A read-only database: test/storage/outage.test.ts.)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import form from '../fixtures/request-form.json';
import { invokeAction } from './support/activities';
import { invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { startTestBot, type TestBot, type TestDatabase } from './support/test-bot';

const UNAVAILABLE = 'Sorry, dsg-bot cannot reach its database just now, so nothing was saved. Please try again in a minute.';
const ROOT = path.resolve(__dirname, '../..');

/** A submission nobody could mistake for another; the reference it got, or what the bot said instead. */
async function submit(t: TestBot, extra: Record<string, string> = {}): Promise<{ formId: string; reference?: string; said?: string; ms: number }> {
  const words = Array.from({ length: 8 }, () => `w${randomUUID().slice(0, 8)}`).join(' ');
  const formId = randomUUID();
  const started = Date.now();
  const res = await t.post(invokeAction('request.submit', { formId, ...form, title: `Idea ${words.slice(0, 40)}`, problem: `Residents cannot ${words} today.`, ...extra }, t.opts));
  const ms = Date.now() - started;
  expect(res.status).toBe(200);
  if (res.body?.type === 'application/vnd.microsoft.activity.message') return { formId, said: invokeMessage(res.body), ms };
  return { formId, reference: /DP-\d{4}-\d{4}/.exec(wordsOf(invokeCard(res.body)))?.[0], ms };
}

/** Form ids stored in the bot's database (read with a connection of the test's own). */
function storedFormIds(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('select form_id from requests').all() as { form_id: string }[]).map((r) => r.form_id);
  } finally {
    db.close();
  }
}

/** Another process takes the write lock (BEGIN IMMEDIATE) on `file` and holds it for `ms`. Resolves once it holds it. */
async function holdWriteLock(file: string, ms: number): Promise<ChildProcess> {
  const script = `const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));

describe('SQLite faults', () => {
  let dir: string;
  let t: TestBot;
  let file: string;

  afterEach(async () => {
    await t?.stop();
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      // not mounted
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function startOn(folder: string): Promise<void> {
    file = path.join(folder, 'bot.sqlite');
    t = await startTestBot({ engine: 'sqlite', env: { SQLITE_PATH: file } } as unknown as TestDatabase);
  }

  it('waits for another process holding the write lock for 3 s, then saves; past 5 s says nothing was saved', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-lock-'));
    await startOn(dir);
    expect((await submit(t)).reference).toBeDefined();

    const holder = await holdWriteLock(file, 3_000);
    const waited = await submit(t);
    expect(waited.reference).toMatch(/^DP-/);
    expect(waited.ms).toBeGreaterThanOrEqual(2_000);
    await exited(holder);

    const hog = await holdWriteLock(file, 7_000);
    const refused = await submit(t);
    expect(refused.said).toBe(UNAVAILABLE);
    await exited(hog);
    expect((await submit(t)).reference).toMatch(/^DP-/);
    expect(storedFormIds(file)).not.toContain(refused.formId);
    expect(storedFormIds(file)).toContain(waited.formId);
  }, 40_000);

  it('says nothing was saved when the disk is full, and saves again once there is room', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsg-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`This test mounts a 4 MB tmpfs to fill it up, which needs root (as CI runs): ${(error as Error).message}`);
    }
    await startOn(dir);
    expect((await submit(t)).reference).toBeDefined();

    // Fill the disk, then write until the database needs a page it cannot have.
    const filler = path.join(dir, 'filler');
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    const answers = [];
    const long = 'x'.repeat(3_900);
    for (let i = 0; i < 40; i++) {
      const answer = await submit(t, { outcome: long, principlesHow: long, reuseChecked: long });
      answers.push(answer);
      if (answer.said) break;
    }
    const refused = answers[answers.length - 1];
    expect(refused.said).toBe(UNAVAILABLE);
    expect(answers.slice(0, -1).every((a) => a.reference)).toBe(true);

    unlinkSync(filler);
    const after = await submit(t);
    expect(after.reference).toMatch(/^DP-/);
    const stored = storedFormIds(file);
    expect(stored).not.toContain(refused.formId);
    expect(stored).toContain(after.formId);
  }, 60_000);
});
