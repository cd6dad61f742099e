/**
 * The chair is reminded to set a DSG meeting when none is set within two months of the last one, through the
 * reminder engine, with "Add a meeting" and Snooze inline. Against the running bot, its clock on 28 Nov 2026 and
 * the last meeting held on 1 Oct 2026 (the next is wanted by 1 Dec 2026): a meeting set for 30 Nov keeps the chair's
 * reminders quiet; once it is cancelled, a meeting set for March (later than the two months) does not, and the next
 * run sends the chair the item.
 */
import { startMeeting } from '../../src/domain/meetings';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { message, personalChatId } from './support/activities';
import { action, attachedCard, executes, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { DSG_ENV, press, startDsgBot } from './support/dsg';
import { FakeConnector } from './support/fake-connector';
import { startTestBot, type TestBot, TestDatabase } from './support/test-bot';

const { dsgAdmin, dsgChair } = MOCK_USERS;
const AT = '2026-11-28T09:00:00.000Z';
const LAST = '2026-10-01';
const chairChat = personalChatId(dsgChair);
const ITEM = /No DSG meeting is set within two months of the one on 1 Oct 2026: add one by 1 Dec 2026/;

let db: TestDatabase;
let t: TestBot;
let connector: FakeConnector;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  // The connector outlives the bot's restart below (a bot started without one stops its own).
  connector = new FakeConnector();
  await connector.start();
  t = await startDsgBot(db, connector, MOCK_TENANT.users, AT);
  await t.post(message('hi', { ...t.opts, from: dsgChair }));
  const settings = invokeCard(await press(t, 'settings.show', { here: true }, dsgAdmin, true));
  invokeCard(await press(t, 'settings.save', { ...action(settings, 'settings.save').data, chair: dsgChair.aadObjectId }, dsgAdmin, true));
  // The last meeting, held on 1 Oct and its minutes published.
  await db.read(async (store) => {
    const held = startMeeting('held-1-oct', LAST, '10:00', [], dsgChair.name, `${LAST}T09:00:00.000Z`);
    await store.meetings.insert({ ...held, status: 'ended', endedAt: `${LAST}T11:00:00.000Z`, publishedAt: `${LAST}T12:00:00.000Z`, publishedBy: dsgChair.name });
  });
  let card = invokeCard(await press(t, 'settings.show', { here: true }, dsgChair, true));
  for (const date of ['2026-11-30', '2027-03-15']) card = invokeCard(await press(t, 'meeting.add', { ...action(card, 'meeting.add').data, date, startTime: '10:00', place: 'Committee Room 2' }, dsgChair, true));
  expect(wordsOf(card)).toMatch(/30 Nov 2026 at 10:00[\s\S]*15 Mar 2027 at 10:00/);
}, 30_000);
afterAll(async () => {
  await t?.stop();
  await connector?.stop();
  await db?.dispose();
});

const meetingItemsToChair = () => t.connector.activities().filter((a) => a.conversationId === chairChat && !!a.activity.attachments && ITEM.test(wordsOf(attachedCard(a.activity))));

it('sends the chair nothing about meetings while one is set within two months of the last', async () => {
  const answer = invokeMessage(await press(t, 'reminders.run', {}, dsgChair));
  expect(answer).toMatch(/^(Nothing to send|Reminders queued)/);
  await new Promise((r) => setTimeout(r, 1500));
  expect(meetingItemsToChair()).toEqual([]);
});

it('reminds the chair, with Add a meeting and Snooze, when the only meeting set is later than two months after the last', async () => {
  // The chair cancels 30 Nov: 15 Mar 2027 is still set, but it is more than two months after 1 Oct.
  const card = invokeCard(await press(t, 'settings.show', { here: true }, dsgChair, true));
  const cancel = executes(card).find((a) => a.verb === 'meeting.cancel' && a.data.meeting === '2026-11-30')!;
  const asked = invokeCard(await press(t, 'meeting.cancel', cancel.data, dsgChair, true));
  const cancelled = invokeCard(await press(t, 'meeting.cancel', executes(asked).find((a) => a.title === 'Cancel the meeting')!.data, dsgChair, true));
  expect(wordsOf(cancelled)).not.toContain('30 Nov 2026');
  expect(wordsOf(cancelled)).toContain('15 Mar 2027');

  // An hour later (a new run, not the same minute's).
  await t.stop();
  t = await startTestBot(db, DSG_ENV, connector, '2026-11-28T10:00:00.000Z');
  expect(invokeMessage(await press(t, 'reminders.run', {}, dsgChair))).toMatch(/^Reminders queued: \d+ items? for/);
  const sent = await t.connector.waitFor((a) => a.conversationId === chairChat && !!a.activity.attachments && ITEM.test(wordsOf(attachedCard(a.activity))), 10_000);
  const reminder = attachedCard(sent.activity);
  expect(wordsOf(reminder)).toContain('the next one set, on 15 Mar 2027, is later than that');
  expect(executes(reminder).map((a) => a.title)).toEqual(expect.arrayContaining(['Add a meeting']));
  expect(action(reminder, 'reminder.snooze')).toBeTruthy();
  expect(meetingItemsToChair()).toHaveLength(1);
});
