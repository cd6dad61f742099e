/** A bot with the DSG set up, and what its people do with it: press card buttons, submit requests. */
import form from '../../fixtures/request-form.json';
import { MOCK_TENANT, MOCK_USERS } from '../../../src/playground/mock-tenant';
import type { Store } from '../../../src/app/ports';
import { seedDemo } from '../../../src/demo/seed';
import { channelMention, invokeAction, message } from './activities';
import { action, attachedCard, invokeCard, isCardOf, wordsOf } from './card-reading';
import type { FakeConnector, Member, RecordedActivity } from './fake-connector';
import { type Engine, startTestBot, type TestBot, TestDatabase } from './test-bot';

export type User = (typeof MOCK_USERS)[keyof typeof MOCK_USERS];
export const DSG_ENV = { DSG_ADMIN_AAD_IDS: MOCK_USERS.dsgAdmin.aadObjectId };

/**
 * Starts the bot on `db` and sets up the DSG in the Playground team's General channel. The DSG is the team's
 * roster: everyone in the team but the Council Officer (or `roster`). With `at`, the bot's clock starts there.
 */
export async function startDsgBot(db: TestDatabase, connector?: FakeConnector, roster: readonly Member[] = MOCK_TENANT.users, at?: string): Promise<TestBot> {
  const t = await startTestBot(db, DSG_ENV, connector, at);
  t.connector.setRoster(MOCK_TENANT.team.id, [...roster]);
  await t.post(message('hi', t.opts));
  await t.post(channelMention('setup dsg', { ...t.opts, from: MOCK_USERS.dsgAdmin }));
  await t.connector.waitFor((a) => typeof a.activity.text === 'string' && a.activity.text.includes('This channel is now the DSG channel'));
  return t;
}

/**
 * The demo programme seeded at `at`, then the bot started on it with its clock at `at` and the DSG set up in the
 * General channel by an admin (the chair said hi first, so the bot knows them). With `connector` (started, its url
 * the bot's TEAMS_SERVICE_URL in `env`), 1:1 chats the bot starts with demo people reach it too.
 */
export async function startDemoDsgBot(db: TestDatabase, at: string, env: Record<string, string> = DSG_ENV, connector?: FakeConnector): Promise<TestBot> {
  await db.read((store) => seedDemo(store, { now: () => new Date(at) }));
  const t = await startTestBot(db, env, connector, at);
  t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
  await t.post(message('hi', { ...t.opts, from: MOCK_USERS.dsgChair }));
  await t.post(channelMention('setup dsg', { ...t.opts, from: MOCK_USERS.dsgAdmin }));
  return t;
}

/** For a describe block: a new database of `engine` and a DSG bot on it, started before its tests and stopped after. */
export function useDsgBot(engine: Engine): { readonly db: TestDatabase; readonly t: TestBot } {
  const running = {} as { db: TestDatabase; t: TestBot };
  beforeAll(async () => {
    running.db = await TestDatabase.create(engine);
    running.t = await startDsgBot(running.db);
  });
  afterAll(async () => {
    await running.t?.stop();
    await running.db?.dispose();
  });
  return running;
}

/** Presses a card button (in a channel thread of the DSG channel, or in personal chat) and returns the invoke response's body. */
export async function press(t: TestBot, verb: string, data: Record<string, unknown>, from: User, inChannel = false): Promise<any> {
  const opts = inChannel ? { ...t.opts, from, conversationType: 'channel' as const, threadId: '1700000000999' } : { ...t.opts, from };
  const res = await t.post(invokeAction(verb, data, opts));
  if (res.status !== 200) throw new Error(`${verb}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Submits a request through the form (anyway, if similar ones are shown first) and returns its reference. */
export async function submitRequest(t: TestBot, from: User, title: string): Promise<string> {
  const { formId } = action(invokeCard(await press(t, 'request.new', { fresh: true }, from)), 'request.next').data;
  let card = invokeCard(await press(t, 'request.submit', { formId, ...form, title, problem: `${title}: ${form.problem}` }, from));
  if (!wordsOf(card).includes('Submitted as')) card = invokeCard(await press(t, 'request.confirm', { formId }, from));
  return /DP-\d{4}-\d{4}/.exec(wordsOf(card))![0];
}

/** A sent activity carrying the triage card of this request (not one that lists it among possible duplicates). */
export const triageCardOf = (reference: string) => (a: RecordedActivity) => !!a.activity.attachments && isCardOf(attachedCard(a.activity), reference);

/** Waits until `check` holds, reading again every 100 ms; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether every outbox message with these keys has been sent. */
export const allSent = (db: TestDatabase, keys: readonly string[]) => () =>
  db.read(async (store: Store) => (await Promise.all(keys.map((key) => store.outbox.get(key)))).every((m) => m?.status === 'sent'));
