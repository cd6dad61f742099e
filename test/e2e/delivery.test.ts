/**
 * Delivery through the outbox against the fake Bot Connector: throttling is retried and delivers once,
 * a blocked person is marked unreachable and not retried, and two bot instances on one database never
 * send the same message twice.
 */
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, invokeAction, message, personalChatId } from './support/activities';
import { action, attachedCard, invokeCard, wordsOf } from './support/card-reading';
import { openStore } from '../../src/storage/open-store';
import { FakeConnector } from './support/fake-connector';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair } = MOCK_USERS;
type User = (typeof MOCK_USERS)[keyof typeof MOCK_USERS];
const ENV = { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId };

async function submitAs(t: TestBot, from: User, title: string): Promise<string> {
  const press = async (verb: string, data: Record<string, unknown>) => (await t.post(invokeAction(verb, data, { ...t.opts, from }))).body;
  const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.next').data;
  let card = invokeCard(await press('request.submit', { formId, ...form, title, problem: `${title} ${Math.random()}` }));
  if (!wordsOf(card).includes('Submitted as')) card = invokeCard(await press('request.confirm', { formId }));
  return /DP-\d{4}-\d{4}/.exec(wordsOf(card))![0];
}
/** New threads whose triage card is about this request (its Approve button names it). */
const threadsFor = (connector: FakeConnector, reference: string) =>
  connector.activities().filter((a) => {
    if (a.kind !== 'new' || !a.activity.attachments) return false;
    try {
      return action(attachedCard(a.activity), 'request.approve').data.reference === reference;
    } catch {
      return false;
    }
  });

describe('one bot', () => {
  let db: TestDatabase;
  let t: TestBot;
  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    t = await startTestBot(db, ENV);
    await t.post(message('hi', t.opts));
    await t.post(channelMention('setup dsg', { ...t.opts, from: dsgAdmin }));
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  it('retries a 429 after its Retry-After and delivers exactly once', async () => {
    t.connector.failNext({ method: 'POST', path: '/v3/conversations' }, [{ status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'Throttled' } } }]);
    const reference = await submitAs(t, councilOfficer, 'Throttled triage post');
    await t.connector.waitFor((a) => threadsFor(t.connector, reference).includes(a), 8000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(threadsFor(t.connector, reference)).toHaveLength(1);
    expect(t.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations' && r.status === 429)).toHaveLength(1);
  });

  it('marks a person who blocked the bot unreachable and does not retry', async () => {
    const reference = await submitAs(t, councilOfficer, 'Blocked notification');
    const post = await t.connector.waitFor((a) => a.kind === 'new' && wordsOf(a.activity).includes(reference));
    const chat = personalChatId(councilOfficer);
    t.connector.failNext((r) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${chat}/activities`), [{ status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'blocked' } } }]);
    const triage = (post.activity.attachments?.[0]?.content ?? {}) as object;
    await t.post(invokeAction('request.decline', { ...action(triage, 'request.decline').data, reason: 'Covered elsewhere', step: 'confirm' }, { ...t.opts, from: dsgChair, conversationType: 'channel' }));
    await new Promise((r) => setTimeout(r, 2500));
    const attempts = t.connector.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${chat}/activities`) && JSON.stringify(r.body).includes(`Declined: ${reference}`));
    expect(attempts).toHaveLength(1);
    expect(attempts[0].status).toBe(403);
    const store = await openStore({ sqlitePath: db.env.SQLITE_PATH });
    try {
      expect((await store.people.get(councilOfficer.id))?.reachable).toBe(false);
      // Talking to the bot again makes the person reachable again (the next message gets through).
      await t.post(message('my requests', t.opts));
      await t.connector.waitFor((a) => a.conversationId === chat && wordsOf(a.activity).includes('My requests'));
      expect((await store.people.get(councilOfficer.id))?.reachable).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('two bot instances on one PostgreSQL database', () => {
  let db: TestDatabase;
  let a: TestBot;
  let b: TestBot;
  beforeAll(async () => {
    db = await TestDatabase.create('postgres');
    a = await startTestBot(db, ENV);
    b = await startTestBot(db, ENV, a.connector);
    await a.post(message('hi', a.opts));
    await a.post(channelMention('setup dsg', { ...a.opts, from: dsgAdmin }));
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await db?.dispose();
  });

  it('posts each triage card exactly once, whichever instance took the request', async () => {
    const references: string[] = [];
    for (let i = 0; i < 6; i++) references.push(await submitAs(i % 2 ? b : a, councilOfficer, `Shared outbox request ${i}`));
    for (const reference of references) await a.connector.waitFor((x) => threadsFor(a.connector, reference).includes(x), 8000);
    await new Promise((r) => setTimeout(r, 2500));
    for (const reference of references) expect(threadsFor(a.connector, reference)).toHaveLength(1);
  });
});
