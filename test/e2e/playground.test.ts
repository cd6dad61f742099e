/**
 * The Microsoft 365 Agents Playground still drives the bot in closed local mode: its requests (JSON, a loopback
 * Host, its own loopback connector as serviceUrl) get through, for its current user and for the raw activities it
 * sends as anyone else, and the bot's replies reach it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/log';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { PLAYGROUND_CONFIG_FILE, type RunningPlayground, startPlayground } from '../../src/playground/playground';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';
import { freePort } from '../support/free-port';

jest.setTimeout(60_000);
const ROOT = path.join(__dirname, '..', '..');

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let db: TestDatabase;
let t: TestBot;
let playground: RunningPlayground;
let workDir: string;
const lines: string[] = [];
const logs = () => lines.map((l) => JSON.parse(l) as Record<string, any>);

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startTestBot(db, {}, undefined, undefined, { log: createLogger('debug', { write: (l: string) => void lines.push(l) }) });
  // A copy of the project's config in a temp dir, so a running dev instance's devTools/ log is left alone.
  workDir = mkdtempSync(path.join(os.tmpdir(), 'playground-bot-'));
  copyFileSync(path.join(ROOT, PLAYGROUND_CONFIG_FILE), path.join(workDir, PLAYGROUND_CONFIG_FILE));
  playground = await startPlayground({ botEndpoint: `${t.bot.url}/api/messages`, port: await freePort(), workDir, logger: createLogger('silent') });
});
afterAll(async () => {
  await playground?.stop();
  await t?.stop();
  await db?.dispose();
  rmSync(workDir, { recursive: true, force: true });
});

/** The bot's HTTP log lines for POST /api/messages. */
const posts = () => logs().filter((l) => l.msg === 'http' && l.method === 'POST' && l.url === '/api/messages');

it("takes the Playground's messages from its user and answers them through its connector", async () => {
  const chat = encodeURIComponent(MOCK_TENANT.personalChat.id);
  const sent = await fetch(`${playground.url}/_conversation/v1/conversations/${chat}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: MOCK_TENANT.currentUser.id }, text: 'help', textFormat: 'plain' }),
  });
  expect(sent.status).toBe(200);
  await eventually(() => db.knowsPerson(MOCK_TENANT.currentUser.id), 'the bot to record the Playground user');
  await eventually(() => posts().length > 0, 'the POST to be logged');
  expect(posts().map((l) => l.status)).toEqual([200]);
  // The reply went to the Playground's connector: a failed send would be logged as the turn failing.
  await new Promise((r) => setTimeout(r, 300));
  expect(logs().filter((l) => l.level >= 40)).toEqual([]);
});

it('takes the raw activities it sends for anyone else', async () => {
  const template = await fetch(`${playground.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(MOCK_TENANT.personalChat.id)}`);
  expect(template.status).toBe(200);
  const activity = { ...(await template.json()), type: 'message', text: 'help', from: { id: MOCK_USERS.dsgChair.id, name: MOCK_USERS.dsgChair.name, aadObjectId: MOCK_USERS.dsgChair.aadObjectId } };
  const sent = await fetch(`${playground.url}/_internal/v1/customActivities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(sent.status).toBe(200);
  await eventually(() => db.knowsPerson(MOCK_USERS.dsgChair.id), 'the bot to record the other user');
  expect(posts().every((l) => l.status === 200)).toBe(true);
  expect(logs().filter((l) => l.level >= 40)).toEqual([]);
});
