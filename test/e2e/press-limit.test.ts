/**
 * Too many presses, through POST /api/messages: each person gets a burst of 10 commands or card presses, then 1 a
 * second (PRESS_LIMIT_BURST, PRESS_LIMIT_PER_SECOND). Past it they are asked, politely, to slow down (in the invoke
 * response for a press, as a text reply for a typed command), nothing of that press is done, and everyone else is
 * still served.
 */
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { invokeAction, message, personalChatId, submit } from './support/activities';
import { action, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

/** The shipped defaults (test bots otherwise lift the limit for their scripted personas). */
const DEFAULT_LIMIT = { PRESS_LIMIT_BURST: '', PRESS_LIMIT_PER_SECOND: '' };
const SLOW_DOWN = /^Sorry, that is a lot of presses in a short time, so I have not done that one\. Please wait (a second|\d+ seconds) and try again\.$/;

let db: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startTestBot(db, DEFAULT_LIMIT);
});
afterAll(async () => {
  await t?.stop();
  await db?.dispose();
});

const person = (n: string) => ({ ...MOCK_USERS.councilOfficer, id: `29:presses-${n}`, aadObjectId: `presses-${n}`, name: `Presser ${n}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isCard = (body: any) => body?.type === 'application/vnd.microsoft.card.adaptive';

describe('with the default limit (a burst of 10, then 1 a second)', () => {
  it('serves a burst of 10 presses, asks for the rest to slow down, and still serves someone else at once', async () => {
    const masher = person('masher');
    const burst = await Promise.all(Array.from({ length: 25 }, () => t.post(invokeAction('help.show', {}, { ...t.opts, from: masher }))));
    expect(burst.every((r) => r.status === 200)).toBe(true);
    const served = burst.filter((r) => isCard(r.body));
    const refused = burst.filter((r) => !isCard(r.body));
    // 10, or 11 on a machine so slow that the burst took over a second (one press comes back each second).
    expect(served.length).toBeGreaterThanOrEqual(10);
    expect(served.length).toBeLessThanOrEqual(11);
    expect(refused).toHaveLength(25 - served.length);
    for (const r of refused) expect(invokeMessage(r.body)).toMatch(SLOW_DOWN);

    const other = await t.post(invokeAction('help.show', {}, { ...t.opts, from: person('bystander') }));
    expect(wordsOf(invokeCard(other.body))).toContain('How to use dsg-bot');
    // The masher still waits.
    expect(invokeMessage((await t.post(invokeAction('help.show', {}, { ...t.opts, from: masher }))).body)).toMatch(SLOW_DOWN);
  });

  it('answers a typed command over the limit with a text reply', async () => {
    const typist = person('typist');
    await Promise.all(Array.from({ length: 12 }, () => t.post(message('help', { ...t.opts, from: typist }))));
    const chat = personalChatId(typist);
    const replies = async () => {
      await sleep(300);
      return t.connector.activities().filter((a) => a.conversationId === chat);
    };
    const all = await replies();
    expect(all).toHaveLength(12);
    const slowDowns = all.filter((a) => typeof a.activity.text === 'string' && SLOW_DOWN.test(a.activity.text));
    expect(slowDowns.length).toBeGreaterThanOrEqual(1);
    expect(slowDowns.length).toBeLessThanOrEqual(2);
    expect(slowDowns.every((a) => a.activity.textFormat === 'plain')).toBe(true);
    expect(all.filter((a) => wordsOf(a.activity).includes('How to use dsg-bot'))).toHaveLength(12 - slowDowns.length);
  });

  it('submits a form once however often it is pressed at once: the extra presses are refused or told it is done', async () => {
    const submitter = person('submitter');
    const fresh = await t.post(invokeAction('request.new', { fresh: true }, { ...t.opts, from: submitter }));
    const { formId } = action(invokeCard(fresh.body), 'request.next').data;
    const presses = await Promise.all(Array.from({ length: 15 }, () => t.post(invokeAction('request.submit', { formId, ...form }, { ...t.opts, from: submitter }))));
    const cards = presses.filter((r) => isCard(r.body));
    const words = presses.filter((r) => !isCard(r.body)).map((r) => invokeMessage(r.body));
    expect(cards).toHaveLength(1);
    expect(words.filter((w) => SLOW_DOWN.test(w)).length).toBeGreaterThanOrEqual(5);
    expect(words.every((w) => SLOW_DOWN.test(w) || /already submitted as DP-\d{4}-\d{4}/.test(w))).toBe(true);
    const stored = await db.read((store) => store.requests.listByRequester(submitter.id, 0, 10));
    expect(stored.total).toBe(1);
  });
});

describe('with PRESS_LIMIT_BURST=3 and PRESS_LIMIT_PER_SECOND=1', () => {
  let limited: TestBot;
  beforeAll(async () => {
    limited = await startTestBot(db, { PRESS_LIMIT_BURST: '3', PRESS_LIMIT_PER_SECOND: '1' }, t.connector);
  });
  afterAll(() => limited?.stop());

  it('serves 3 presses at once, then one a second', async () => {
    const from = person('configured');
    const press = async () => (await limited.post(invokeAction('help.show', {}, { ...limited.opts, from }))).body;
    for (let i = 0; i < 3; i++) expect(isCard(await press())).toBe(true);
    expect(invokeMessage(await press())).toBe('Sorry, that is a lot of presses in a short time, so I have not done that one. Please wait a second and try again.');
    await sleep(1_100);
    expect(isCard(await press())).toBe(true);
    expect(invokeMessage(await press())).toMatch(SLOW_DOWN);
  });

  it("never counts Teams' own refreshes of a card as presses, but a refresh a person presses counts", async () => {
    const from = person('refreshed');
    const refresh = async (trigger: 'automatic' | 'manual') =>
      (await limited.post(invokeAction('triage.refresh', { reference: 'DP-2026-9999' }, { ...limited.opts, from, trigger }))).body;
    // Each refresh is answered (here: that there is no such request), never with "slow down".
    for (let i = 0; i < 6; i++) expect(invokeMessage(await refresh('automatic'))).toMatch(/DP-2026-9999/);
    for (let i = 0; i < 3; i++) expect(invokeMessage(await refresh('manual'))).toMatch(/DP-2026-9999/);
    expect(invokeMessage(await refresh('manual'))).toMatch(SLOW_DOWN);
  });

  it('answers an Action.Submit press over the limit with a text reply, and does not touch the card', async () => {
    const from = person('submit-fallback');
    for (let i = 0; i < 4; i++) await limited.post(submit({ verb: 'help.show' }, { ...limited.opts, from, replyToId: `17000000009${i}` }));
    const said = await limited.connector.waitFor((a) => a.conversationId === personalChatId(from) && typeof a.activity.text === 'string' && SLOW_DOWN.test(a.activity.text));
    expect(said.kind).not.toBe('update');
    await sleep(200);
    expect(limited.connector.activities().some((a) => a.kind === 'update' && a.id === '170000000093')).toBe(false);
  });
});
