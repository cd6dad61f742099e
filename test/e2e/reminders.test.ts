/**
 * Reminders end to end: a project approved without a business case and with a milestone due tomorrow
 * gives its lead one bundled card listing both; answering in the card updates the record and the card;
 * the next run sends nothing about them; a restart changes nothing.
 */
import form from '../fixtures/request-form.json';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, invokeAction, message, personalChatId } from './support/activities';
import { action, attachedCard, answerCard, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { FakeConnector } from './support/fake-connector';
import { ukTime } from '../../src/domain/dates';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, digitalLeaderLearning, dsgAdmin, dsgChair, projectLeadLearning2, projectManagerLearning2 } = MOCK_USERS;
type User = (typeof MOCK_USERS)[keyof typeof MOCK_USERS];
const ENV = { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, REMIND_BUSINESS_CASE_DAYS: '0', REMINDER_SCHEDULE: '0 3 1 1 *' };
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

let db: TestDatabase;
let t: TestBot;
let connector: FakeConnector;
let reference: string;

const press = async (verb: string, data: Record<string, unknown>, from: User) => {
  const res = await t.post(invokeAction(verb, data, { ...t.opts, from }));
  expect(res.status).toBe(200);
  return res.body;
};
const leadChat = personalChatId(projectLeadLearning2);
const remindersTo = (conversationId: string) => t.connector.activities().filter((a) => a.conversationId === conversationId && wordsOf(a.activity).includes('need your attention'));
const settle = () => new Promise((r) => setTimeout(r, 1500));

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  // The connector outlives the bot's restarts below (a bot started without one stops its own).
  connector = new FakeConnector();
  await connector.start();
  t = await startTestBot(db, ENV, connector);
  t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
  for (const user of [councilOfficer, projectLeadLearning2, projectManagerLearning2]) await t.post(message('hi', { ...t.opts, from: user }));
  await t.post(channelMention('setup dsg', { ...t.opts, from: dsgAdmin }));
  const { formId } = action(invokeCard(await press('request.new', { fresh: true }, councilOfficer)), 'request.next').data;
  reference = /DP-\d{4}-\d{4}/.exec(wordsOf(invokeCard(await press('request.submit', { formId, ...form }, councilOfficer))))![0];
  const post = await t.connector.waitFor((a) => a.kind === 'new' && wordsOf(a.activity).includes(reference));
  let triage = attachedCard(post.activity);
  triage = invokeCard(await press('request.approve', { ...action(triage, 'request.approve').data, priority: 'high', isPriority: 'false' }, dsgChair));
  invokeCard(await press('request.assign', { ...action(triage, 'request.assign').data, projectLead: projectLeadLearning2.aadObjectId, projectManager: projectManagerLearning2.aadObjectId }, dsgChair));
  const project = answerCard(await press('project.view', { reference }, projectLeadLearning2), t);
  const added = invokeCard(await press('milestone.add', { ...action(project, 'milestone.add').data, m1Title: 'Pilot in one depot', m1Due: tomorrow }, projectLeadLearning2));
  invokeCard(await press('project.plan', { ...action(added, 'project.plan').data, planLink: 'https://council.sharepoint.com/plan' }, projectLeadLearning2));
});
afterAll(async () => {
  await t?.stop();
  await connector?.stop();
  await db?.dispose();
});

it('refuses reminders run to someone who is not the chair or an admin', async () => {
  expect(invokeMessage(await press('reminders.run', {}, councilOfficer))).toMatch(/^Sorry, you cannot do that\. Only the DSG chair and admins/);
});

it('previews who would be reminded, grouped by person with a count and one line per item, privately', async () => {
  const preview = invokeCard(await press('reminders.preview', {}, dsgAdmin));
  expect(wordsOf(preview)).toMatch(new RegExp(`Project Lead \\(Learning\\) 2\n – 3 items\n${reference}\nAdd the business case\\.\n${reference}\n.*\n${reference}\n.*Pilot in one depot.*\nProject Manager \\(Learning\\) 2\n – 1 item\n`));
  expect(action(preview, 'reminders.run').title).toBe('Run now');
  await t.post(channelMention('reminders preview', { ...t.opts, from: dsgAdmin, threadId: '1700000000777' }));
  const said = await t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000777'));
  expect(said.activity.text).toBe('I have sent you the reminders preview in our personal chat.');
  const sent = await t.connector.waitFor((a) => a.conversationId === personalChatId(dsgAdmin) && wordsOf(a.activity).includes('Reminders at the next run'));
  expect(wordsOf(sent.activity)).toContain('Pilot in one depot');
});

it('sends the lead one card listing both the business case and the milestone due tomorrow', async () => {
  expect(invokeMessage(await press('reminders.run', {}, dsgAdmin))).toMatch(/^Reminders queued: \d+ items? for \d+ (person|people)/);
  const card = await t.connector.waitFor((a) => a.conversationId === leadChat && wordsOf(a.activity).includes('need your attention'));
  const words = wordsOf(attachedCard(card.activity));
  expect(words).toContain('Add the business case.');
  expect(words).toContain('Pilot in one depot');
  await settle();
  expect(remindersTo(leadChat)).toHaveLength(1);
});

it("refuses anyone but the reminder's recipient", async () => {
  const card = attachedCard(remindersTo(leadChat)[0].activity);
  const snooze = action(card, 'reminder.snooze').data;
  const refused = invokeMessage(await press('reminder.snooze', { ...snooze, [`i${snooze.item}_snoozeReason`]: 'Not mine' }, councilOfficer));
  expect(refused).toBe('Sorry, you cannot do that. This reminder was sent to someone else: only they can answer or snooze it.');
});

it('lets the lead answer both items in the card, which updates in place', async () => {
  let card = attachedCard(remindersTo(leadChat)[0].activity);
  const bc = action(card, 'reminder.business-case').data;
  const typo = invokeCard(await press('reminder.business-case', { ...bc, [`i${bc.item}_status`]: 'drafting', [`i${bc.item}_link`]: 'http://council/bc' }, projectLeadLearning2));
  expect(wordsOf(typo)).toContain('Enter the link as a full https:// address.');
  expect(wordsOf(typo)).toContain('http://council/bc');
  card = invokeCard(await press('reminder.business-case', { ...bc, [`i${bc.item}_status`]: 'drafting', [`i${bc.item}_link`]: 'https://council.sharepoint.com/bc.docx' }, projectLeadLearning2));
  expect(wordsOf(card)).toMatch(/1 of \d+ done/);
  const done = action(card, 'reminder.milestone-done').data;
  card = invokeCard(await press('reminder.milestone-done', done, projectLeadLearning2));
  expect(wordsOf(card)).toMatch(/(2 of 2 done|of \d+ done)/);
  const project = answerCard(await press('project.view', { reference }, projectLeadLearning2), t);
  expect(wordsOf(project)).toContain('https://council.sharepoint.com/bc.docx');
  // A press from the card as it was before: refused, and the card comes back as it now stands.
  const stale = wordsOf(invokeCard(await press('reminder.business-case', { ...bc, [`i${bc.item}_status`]: 'submitted' }, projectLeadLearning2)));
  expect(stale).toMatch(/out of date/);
  expect(stale).toMatch(/of \d+ done/);
});

it('sends nothing about answered items at the next run, before or after a restart', async () => {
  const before = remindersTo(leadChat).length;
  await t.stop();
  t = await startTestBot(db, ENV, t.connector);
  await press('reminders.run', {}, dsgAdmin);
  await settle();
  // Answered items are done, and what is left was raised today: the rhythm sends nothing more.
  expect(remindersTo(leadChat).slice(before)).toEqual([]);
});

it('Run now from the preview queues the reminders; a second run within the minute says they were already queued', async () => {
  // Three days on, at a fixed minute: a new milestone is overdue, which is due a reminder at every run.
  const project = answerCard(await press('project.view', { reference }, projectLeadLearning2), t);
  invokeCard(await press('milestone.add', { ...action(project, 'milestone.add').data, m1Title: 'Train the depot staff', m1Due: tomorrow }, projectLeadLearning2));
  await t.stop();
  const later = new Date(Date.parse(`${tomorrow}T10:00:05Z`) + 3 * 86_400_000).toISOString();
  t = await startTestBot(db, ENV, t.connector, later);
  const preview = invokeCard(await press('reminders.preview', {}, dsgAdmin));
  expect(wordsOf(preview)).toMatch(/Project Lead \(Learning\) 2\n – \d+ items?\n[\s\S]*Train the depot staff/);
  // One card to the lead ("1 thing needs your attention"), and no second one.
  const cardsToLead = () => t.connector.activities().filter((a) => a.conversationId === leadChat && /needs? your attention/.test(wordsOf(a.activity)));
  const before = cardsToLead().length;
  const first = invokeMessage(await press(action(preview, 'reminders.run').verb, {}, dsgAdmin));
  expect(first).toMatch(/^Reminders queued: \d+ items? for 1 person\.$/);
  await t.connector.waitFor((a) => a.conversationId === leadChat && wordsOf(a.activity).includes('Train the depot staff'));
  const second = invokeMessage(await press('reminders.run', {}, dsgAdmin));
  const [minute, next] = [ukTime(later), ukTime(new Date(Date.parse(later) + 60_000).toISOString())];
  expect(second).toMatch(new RegExp(`^Nothing new was queued: the reminders due now \\(\\d+ items? for 1 person\\) were already queued by the run at ${minute}\\. The next run can send from ${next}\\.$`));
  await settle();
  expect(cardsToLead()).toHaveLength(before + 1);
});

it('refuses Run now to a DSG member who is neither the chair nor an admin, and records the refusal', async () => {
  expect(invokeMessage(await press('reminders.run', {}, digitalLeaderLearning))).toMatch(/^Sorry, you cannot do that\. Only the DSG chair and admins/);
  const events = await db.read((store) => store.audit.listFor('settings', 'reminders'));
  expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: digitalLeaderLearning.id, action: 'reminders.run', outcome: 'refused' })]));
});
