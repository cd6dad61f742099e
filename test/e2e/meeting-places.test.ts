/**
 * Where the agenda and the meeting may be used, with real activities against the running bot. The agenda lists
 * requests still awaiting a decision: it shows in the DSG channel and in a DSG member's personal chat, and anywhere
 * else (a group chat, another channel of the team) `agenda`, `agenda add` and the agenda card's buttons are answered
 * with where to use them, showing nothing of it and changing nothing. `meeting start` works in the DSG channel only:
 * elsewhere the chair is told to start it there; the meeting card and its items show in the same places as the
 * agenda. Each refusal is on the record.
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, invokeAction, message, personalChatId } from './support/activities';
import { action, attachedCard, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { type User, press, startDsgBot, submitRequest } from './support/dsg';
import type { RecordedActivity } from './support/fake-connector';
import { type TestBot, TestDatabase } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, digitalLeaderCustomers } = MOCK_USERS;
const TITLE = 'Online booking for bulky uplifts';
const AGENDA_ELSEWHERE = /^Sorry, you cannot do that\. The agenda is only for the DSG channel or your personal chat with me, as it lists requests still awaiting a decision: type "agenda" in one of those\.$/;
const START_ELSEWHERE = 'Sorry, you cannot do that. Start the meeting in the DSG channel, so the whole DSG sees the meeting card there: mention me in that channel with "meeting start".';

let db: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startDsgBot(db);
  const settings = invokeCard(await press(t, 'settings.show', { here: true }, dsgAdmin, true));
  invokeCard(await press(t, 'settings.save', { ...action(settings, 'settings.save').data, chair: dsgChair.aadObjectId }, dsgAdmin, true));
  await submitRequest(t, councilOfficer, TITLE);
}, 30_000);
afterAll(async () => {
  await t?.stop();
  await db?.dispose();
});

let thread = 1_700_000_300_000;
type Place = 'dsg' | 'decisions' | 'group' | 'personal';
/** Says `text` to the bot in `place` (a new thread in a channel) and returns its answer there. */
async function say(text: string, from: User, place: Place): Promise<RecordedActivity['activity']> {
  const threadId = String(thread++);
  const before = t.connector.activities().length;
  if (place === 'personal') await t.post(message(text, { ...t.opts, from }));
  else if (place === 'group') await t.post(channelMention(text, { ...t.opts, from, conversationType: 'groupChat' }));
  else await t.post(channelMention(text, { ...t.opts, from, threadId, channel: place === 'dsg' ? MOCK_TENANT.team.general : MOCK_TENANT.team.decisions }));
  const where = (id: string) => (place === 'personal' ? id === personalChatId(from) : place === 'group' ? id === MOCK_TENANT.groupChat.id : id.endsWith(`messageid=${threadId}`));
  return (await t.connector.waitFor((a) => t.connector.activities().indexOf(a) >= before && where(a.conversationId), 10_000)).activity;
}
const refusals = (verb: string) => db.read(async (store) => (await store.audit.listFor('meeting', 'meetings')).filter((e) => e.action === verb && e.outcome === 'refused'));

it('shows the agenda in the DSG channel and in a member\'s personal chat', async () => {
  expect(wordsOf(attachedCard(await say('agenda', digitalLeaderCustomers, 'dsg')))).toContain(TITLE);
  expect(wordsOf(attachedCard(await say('agenda', digitalLeaderCustomers, 'personal')))).toContain(TITLE);
});

it('answers `agenda` in a group chat or another channel with where to use it, showing none of it', async () => {
  for (const place of ['group', 'decisions'] as const) {
    const answer = await say('agenda', digitalLeaderCustomers, place);
    expect(answer.attachments).toBeUndefined();
    expect(answer.text).toMatch(AGENDA_ELSEWHERE);
    expect(answer.text).not.toContain(TITLE);
  }
  expect((await refusals('agenda.view')).map((e) => e.actorName)).toEqual([digitalLeaderCustomers.name, digitalLeaderCustomers.name]);
});

it('adds nothing with `agenda add` outside the DSG channel and personal chats, and refuses the agenda card\'s buttons there', async () => {
  const added = await say('agenda add Review of the website analytics', digitalLeaderCustomers, 'group');
  expect(added.text).toContain('type "agenda add" in one of those');
  expect(await db.read((store) => store.meetings.pendingAdditions())).toEqual([]);

  // The agenda card, drawn in the chair's personal chat, pressed in a group chat (as a card forwarded there would be).
  const card = attachedCard(await say('agenda', dsgChair, 'personal'));
  const remove = action(card, 'agenda.remove');
  const res = await t.post(invokeAction('agenda.remove', remove.data, { ...t.opts, from: dsgChair, conversationType: 'groupChat' }));
  expect(invokeMessage(res.body)).toMatch(AGENDA_ELSEWHERE);
  expect((await db.read((store) => store.meetings.agendaPlan())).version).toBe(0);
  expect(await refusals('agenda.remove')).toHaveLength(1);
});

it('tells the chair to start the meeting in the DSG channel, and starts it there', async () => {
  for (const place of ['personal', 'group', 'decisions'] as const) expect((await say('meeting start', dsgChair, place)).text).toBe(START_ELSEWHERE);
  expect(await db.read((store) => store.meetings.running())).toBeNull();
  expect((await refusals('meeting.start')).map((e) => e.detail)).toEqual([START_ELSEWHERE, START_ELSEWHERE, START_ELSEWHERE].map((w) => w.replace('Sorry, you cannot do that. ', '')));

  const started = attachedCard(await say('meeting start', dsgChair, 'dsg'));
  expect(wordsOf(started)).toMatch(/Running since .* started by DSG Chair/);
  expect(wordsOf(started)).toContain(TITLE);
});

it("shows the meeting card and its items in the DSG channel and personal chats only, since its agenda lists requests awaiting a decision", async () => {
  const elsewhere = /^Sorry, you cannot do that\. The meeting card is only for the DSG channel or your personal chat with me, as its agenda lists requests still awaiting a decision: type "meeting" in one of those\.$/;
  expect(wordsOf(attachedCard(await say('meeting', digitalLeaderCustomers, 'personal')))).toContain(TITLE);
  const shown = attachedCard(await say('meeting', digitalLeaderCustomers, 'dsg'));
  for (const place of ['group', 'decisions'] as const) {
    const answer = await say('meeting', digitalLeaderCustomers, place);
    expect(answer.attachments).toBeUndefined();
    expect(answer.text).toMatch(elsewhere);
  }
  const open = action(shown, 'meeting.item');
  const res = await t.post(invokeAction('meeting.item', open.data, { ...t.opts, from: digitalLeaderCustomers, conversationType: 'groupChat' }));
  expect(invokeMessage(res.body)).toMatch(elsewhere);
  expect(wordsOf(invokeCard(await press(t, 'meeting.item', open.data, digitalLeaderCustomers)))).toContain(TITLE);
  expect((await refusals('meeting.show')).map((e) => e.actorName)).toEqual([digitalLeaderCustomers.name, digitalLeaderCustomers.name]);
  expect(await refusals('meeting.item')).toHaveLength(1);
});
