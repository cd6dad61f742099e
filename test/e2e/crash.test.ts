/**
 * A crash between queueing and sending loses nothing and repeats nothing: the bot runs as its own process,
 * is killed with SIGKILL while a message is queued but undelivered, and a new process delivers it once.
 */
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, invokeAction, message } from './support/activities';
import { action, attachedCard, invokeCard, wordsOf } from './support/card-reading';
import { FakeConnector, type RecordedActivity } from './support/fake-connector';
import { BotProcess } from './support/bot-process';
import { TestDatabase } from './support/test-bot';

let db: TestDatabase;
let connector: FakeConnector;
let bot: BotProcess | null = null;

async function startProcess(): Promise<void> {
  if (bot) return bot.start();
  bot = await BotProcess.start({ ...db.env, DSG_ADMIN_AAD_IDS: MOCK_USERS.dsgAdmin.aadObjectId, TEAMS_SERVICE_URL: connector.url });
}

const post = async (activity: object): Promise<any> => (await bot!.post(activity)).body;

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
  await bot?.kill();
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
  await bot!.kill();
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
