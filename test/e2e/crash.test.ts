/**
 * A crash between queueing and sending loses nothing and repeats nothing: the bot runs as its own process,
 * is killed with SIGKILL while a message is queued but undelivered, and a new process delivers it once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, invokeAction, message } from './support/activities';
import { action, attachedCard, invokeCard, wordsOf } from './support/card-reading';
import { FakeConnector, type RecordedActivity } from './support/fake-connector';
import { TestDatabase } from './support/test-bot';

const ROOT = path.resolve(__dirname, '../..');
let db: TestDatabase;
let connector: FakeConnector;
let bot: ChildProcess | null = null;
let port = 0;

async function startProcess(): Promise<void> {
  port = 40_000 + Math.floor(Math.random() * 5000);
  bot = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...db.env, PORT: String(port), PLAYGROUND: 'off', LOG_LEVEL: 'silent', DSG_ADMIN_AAD_IDS: MOCK_USERS.dsgAdmin.aadObjectId, TEAMS_SERVICE_URL: connector.url },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot process did not start');
}

async function post(activity: object): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

const isTriagePostFor = (reference: string) => (a: RecordedActivity) => {
  if (a.kind !== 'new' || !a.activity.attachments) return false;
  try {
    return action(attachedCard(a.activity), 'request.approve').data.reference === reference;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  connector = new FakeConnector();
  await connector.start();
});
afterAll(async () => {
  bot?.kill('SIGKILL');
  await connector.stop();
  await db.dispose();
});

it('delivers a message queued before a SIGKILL exactly once after the restart', async () => {
  const opts = { serviceUrl: connector.url };
  await startProcess();
  await post(message('hi', opts));
  await post(channelMention('setup dsg', { ...opts, from: MOCK_USERS.dsgAdmin }));
  await connector.waitFor((a) => String(a.activity.text).includes('This channel is now the DSG channel'), 10_000);

  // Teams is failing: the triage post stays queued.
  connector.failNext({ method: 'POST', path: '/v3/conversations' }, Array.from({ length: 50 }, () => ({ status: 502 })));
  const { formId } = action(invokeCard(await post(invokeAction('request.new', { fresh: true }, opts))), 'request.next').data;
  const submitted = invokeCard(await post(invokeAction('request.submit', { formId, ...form }, opts)));
  const reference = /DP-\d{4}-\d{4}/.exec(wordsOf(submitted))![0];
  await new Promise((r) => setTimeout(r, 500));
  bot!.kill('SIGKILL');
  await new Promise((r) => bot!.once('exit', r));
  expect(connector.activities().filter(isTriagePostFor(reference))).toHaveLength(0);

  // Teams recovers; a new process picks the message up from the database.
  connector.reset();
  await startProcess();
  await connector.waitFor(isTriagePostFor(reference), 15_000);
  await new Promise((r) => setTimeout(r, 1500));
  expect(connector.activities().filter(isTriagePostFor(reference))).toHaveLength(1);
  // Nothing sent before the crash is sent again.
  expect(connector.activities().filter((a) => String(a.activity.text).includes('This channel is now the DSG channel'))).toHaveLength(0);
}, 60_000);
