/**
 * Activity-feed alerts end to end, as the Bot Connector receives them: a decision on a person's request, the DSG's
 * question about it, a role given to them and their reminder carry Teams' notification alert
 * (channelData.notification.alert); the triage card and the weekly digest in the DSG channel do not; a kind
 * switched off in ACTIVITY_ALERTS does not alert.
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, message, personalChatId } from './support/activities';
import { action, attachedCard, invokeCard, wordsOf } from './support/card-reading';
import { eventually, press, submitRequest, triageCardOf } from './support/dsg';
import { FakeConnector, type RecordedActivity } from './support/fake-connector';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, projectLeadLearning2 } = MOCK_USERS;
/** A business case is due at once; the reminder rhythm and the pre-meeting check never run by themselves. */
const ENV = { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, REMIND_BUSINESS_CASE_DAYS: '0', REMINDER_SCHEDULE: '0 3 1 1 *', DIGEST_MEETING_CHECK_SCHEDULE: '0 3 1 1 *' };
/** A Friday: no weekly digest is due. */
const FRIDAY = '2026-12-04T10:00:00Z';
/** Just after the weekly digest's Monday 09:00. */
const MONDAY = '2026-12-07T09:00:20Z';

const settle = () => new Promise((r) => setTimeout(r, 1500));

let db: TestDatabase;
let connector: FakeConnector;
let t: TestBot;

/** What Teams is asked to do about notifying: the activity's channelData.notification, if any. */
const notificationOf = (sent: RecordedActivity) => (sent.activity.channelData as { notification?: { alert?: boolean } } | undefined)?.notification;
const said = (conversationId: string, words: string) => (a: RecordedActivity) => a.kind === 'new' && a.conversationId === conversationId && wordsOf(a.activity).includes(words);

async function approve(reference: string): Promise<void> {
  const triage = attachedCard((await t.connector.waitFor(triageCardOf(reference))).activity);
  await press(t, 'request.approve', { ...action(triage, 'request.approve').data, priority: 'high', isPriority: 'false' }, dsgChair, true);
}

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  // The connector outlives the bot's restart below.
  connector = new FakeConnector();
  await connector.start();
  t = await startTestBot(db, ENV, connector, FRIDAY);
  t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
  for (const user of [councilOfficer, dsgChair, projectLeadLearning2]) await t.post(message('hi', { ...t.opts, from: user }));
  await t.post(channelMention('setup dsg', { ...t.opts, from: dsgAdmin }));
});
afterAll(async () => {
  await t?.stop();
  await connector?.stop();
  await db?.dispose();
});

let reference: string;
/** The triage card after the lead was assigned. */
let assigned: unknown;

it('alerts the requester to the decision on their request, and not the DSG channel to its triage card', async () => {
  reference = await submitRequest(t, councilOfficer, 'Online booking for bulky uplifts');
  const triage = await t.connector.waitFor(triageCardOf(reference));
  expect(triage.conversationId).toContain(MOCK_TENANT.team.general.id);
  expect(notificationOf(triage)).toBeUndefined();
  await approve(reference);
  const told = await t.connector.waitFor(said(personalChatId(councilOfficer), `Approved: ${reference}`));
  expect(notificationOf(told)).toEqual({ alert: true, alertInMeeting: false });
  // The channel card redrawn for the decision does not alert either.
  const updated = await t.connector.waitFor((a) => a.kind === 'update' && wordsOf(a.activity).includes('Approved by DSG Chair'));
  expect(notificationOf(updated)).toBeUndefined();
});

it('alerts the person made Project Lead, and then to their reminder', async () => {
  const triage = attachedCard((await t.connector.waitFor((a) => a.kind === 'update' && wordsOf(a.activity).includes('Approved by DSG Chair'))).activity);
  assigned = invokeCard(await press(t, 'request.assign', { ...action(triage, 'request.assign').data, projectLead: projectLeadLearning2.aadObjectId }, dsgChair, true));
  const leadChat = personalChatId(projectLeadLearning2);
  const role = await t.connector.waitFor(said(leadChat, `You are the Project Lead: ${reference}`));
  expect(wordsOf(role.activity)).toContain('DSG Chair made you the Project Lead of "Online booking for bulky uplifts".');
  expect(notificationOf(role)?.alert).toBe(true);

  await press(t, 'reminders.run', {}, dsgAdmin);
  const reminder = await t.connector.waitFor(said(leadChat, 'need your attention'));
  expect(wordsOf(reminder.activity)).toContain('Add the business case.');
  expect(notificationOf(reminder)?.alert).toBe(true);
});

it("alerts the requester to the DSG's question about their request", async () => {
  const asked = await submitRequest(t, councilOfficer, 'Mobile app for reporting potholes');
  const triage = attachedCard((await t.connector.waitFor(triageCardOf(asked))).activity);
  await press(t, 'request.ask', { ...action(triage, 'request.ask').data, question: 'Which roads would it cover first?' }, dsgChair, true);
  const question = await t.connector.waitFor(said(personalChatId(councilOfficer), 'Which roads would it cover first?'));
  expect(notificationOf(question)?.alert).toBe(true);
});

it('tells nobody of a role they already had, nor someone who gave a role to themselves', async () => {
  await press(t, 'request.assign', { ...action(assigned, 'request.assign').data, projectLead: projectLeadLearning2.aadObjectId, digitalLeader: dsgChair.aadObjectId }, dsgChair, true);
  const ownersTold = () => t.connector.activities().filter(said(personalChatId(councilOfficer), `Owners assigned: ${reference}`));
  await eventually(() => ownersTold().length === 2, 'the requester told of the owners again');
  expect(wordsOf(ownersTold()[1].activity)).toContain('Digital Leader: DSG Chair');
  await settle();
  expect(t.connector.activities().filter((a) => wordsOf(a.activity).includes('You are the'))).toHaveLength(1);
});

describe('with decisions switched off (ACTIVITY_ALERTS=reminders,questions,assignments)', () => {
  beforeAll(async () => {
    await t.stop();
    t = await startTestBot(db, { ...ENV, ACTIVITY_ALERTS: 'reminders,questions,assignments' }, connector, MONDAY);
  });

  it('posts the weekly digest to the DSG channel without an alert', async () => {
    const digest = await t.connector.waitFor((a) => a.kind === 'new' && wordsOf(a.activity).includes('Weekly digest'));
    expect(digest.conversationId).toContain(MOCK_TENANT.team.general.id);
    expect(notificationOf(digest)).toBeUndefined();
  });

  it('tells the requester of a decision without an alert', async () => {
    const second = await submitRequest(t, councilOfficer, 'Paperless school admissions');
    await approve(second);
    const told = await t.connector.waitFor(said(personalChatId(councilOfficer), `Approved: ${second}`));
    expect(notificationOf(told)).toBeUndefined();
  });
});
