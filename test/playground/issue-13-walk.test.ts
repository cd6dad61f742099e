/**
 * Issue 13's "Done means", walked in the Microsoft 365 Agents Playground's own web UI (headless Chromium) on the
 * demo programme, with the bot as its own process so it can be killed: `agenda` in the DSG channel; `meeting start`;
 * two members say they are here; a request approved from the meeting's item card; the bot killed with SIGKILL and
 * started again, the meeting carrying on where it was; another item deferred; an action for a project lead;
 * `meeting end`; `minutes publish`; the minutes card in the channel and its Word document holding the decisions and
 * the action; the action in its owner's next reminder card. Screenshots land in test-artifacts/walks/issue-13/.
 */
import JSZip from 'jszip';
import { actionKey, type Meeting } from '../../src/domain/meetings';
import { manualSlot } from '../../src/domain/reminders';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { openStore } from '../../src/storage/open-store';
import { BotProcess } from '../e2e/support/bot-process';
import type { TestDatabase } from '../e2e/support/test-bot';
import type { PlaygroundUi } from './support/ui';
import { demoDatabase, openPlayground } from './support/walk-bot';

jest.setTimeout(180_000);
const general = { teamId: MOCK_TENANT.team.id, channelId: MOCK_TENANT.team.general.id };
const { dsgChair, projectLeadLearning2 } = MOCK_USERS;
const ACTION = 'Bring the revised business case to the DSG';

let db: TestDatabase;
let bot: BotProcess;
let ui: PlaygroundUi;
let close: () => Promise<void>;

/** Reads the bot's database while it runs (SQLite in WAL mode lets a second reader in). */
async function read<T>(work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ sqlitePath: db.env.SQLITE_PATH });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const running = async (): Promise<Meeting> => {
  const meeting = (await read((store) => store.meetings.list())).find((m) => m.status === 'running');
  if (!meeting) throw new Error('no meeting is running');
  return meeting;
};

/** Opens agenda item `position` (1-based) of the meeting card in the channel and returns its item card. */
async function openItem(position: number, title: string) {
  await ui.post('meeting');
  const meeting = await ui.waitForText(/Running since/);
  await ui.press(`Open item ${position}`, meeting);
  return ui.waitForText(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*Back to the meeting`));
}

beforeAll(async () => {
  db = await demoDatabase();
  bot = await BotProcess.start({ ...db.env, DSG_ADMIN_AAD_IDS: MOCK_TENANT.currentUser.aadObjectId });
  ({ ui, close } = await openPlayground('issue-13', bot.url));
  // The DSG channel is set up in General, as a council does on its first day.
  await ui.openChat('General');
  await ui.post('setup dsg');
  await ui.page.getByText(/DSG channel/).first().waitFor();
});
afterAll(async () => {
  await close?.();
  await bot?.kill();
  await db?.dispose();
});

it('runs a DSG meeting from the agenda to the published minutes, through a crash', () => ui.walk(async () => {
  // 1. The drafted agenda.
  await ui.post('agenda');
  const agenda = await ui.waitForText(/Agenda/);
  const words = await agenda.innerText();
  expect(words).toMatch(/Awaiting a decision/);
  expect(words).toMatch(/Open action/);
  await ui.shot('01-agenda', agenda);

  // 2. The meeting starts; the admin and the chair say they are here.
  await ui.post('meeting start');
  const meetingCard = await ui.waitForText(/Running since/);
  await ui.shot('02-meeting-started', meetingCard);
  await ui.press("I'm here", meetingCard);
  const meeting = await running();
  await ui.pressAs(dsgChair, MOCK_TENANT.team.general.id, 'meeting.here', { meetingId: meeting.id }, general);
  const present = (await running()).attendees.map((p) => p.name);
  expect(present).toEqual(expect.arrayContaining([MOCK_TENANT.currentUser.name, dsgChair.name]));

  // A request awaiting a decision, raised by someone else, is approved from its item card.
  const requests = await read(async (store) => Promise.all(meeting.agenda.map((item) => (item.source === 'awaiting-decision' && item.reference ? store.requests.getByReference(item.reference) : null))));
  const decidable = meeting.agenda.map((item, i) => ({ item, position: i + 1, request: requests[i] })).filter((x) => x.request && x.request.requesterId !== MOCK_TENANT.currentUser.id);
  expect(decidable.length).toBeGreaterThanOrEqual(2);
  const [toApprove, toDefer] = decidable;
  let item = await openItem(toApprove.position, toApprove.item.title);
  await ui.shot('03-item-card', item);
  await ui.press('Approve', item);
  await ui.tick('High', item);
  await item.getByRole('button', { name: 'Approve' }).last().click();
  item = await ui.waitForText(/Outcome:[\s\S]*Approved/);
  await ui.shot('04-approved-from-the-meeting', item);
  expect((await read((store) => store.requests.getByReference(toApprove.request!.reference)))?.status).toBe('approved');

  // 5. kill -9 in the middle of the meeting, and a restart: the meeting carries on where it was.
  await bot.kill();
  await bot.start();
  await ui.post('meeting');
  const after = await ui.waitForText(/Running since/);
  expect(await after.innerText()).toContain(dsgChair.name);
  await ui.shot('05-after-restart', after);
  expect((await running()).id).toBe(meeting.id);
  expect(Object.keys((await running()).outcomes)).toEqual([toApprove.item.id]);

  // Another item is deferred to the next meeting, and an action is added on it for a project lead.
  item = await openItem(toDefer.position, toDefer.item.title);
  await ui.fill(/What is to be done/, ACTION, item);
  await ui.choose('Choose a person', projectLeadLearning2.name, item);
  const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await ui.fill(/Due date/, due, item);
  await ui.press('Add action', item);
  item = await ui.waitForText(new RegExp(`${ACTION}: ${projectLeadLearning2.name.replace(/[()]/g, '\\$&')}`));
  await ui.press('Noted or defer', item);
  await item.getByRole('button', { name: 'Defer to next meeting' }).last().click();
  item = await ui.waitForText(/Outcome:[\s\S]*Deferred to the next meeting/);
  await ui.shot('06-deferred-with-an-action', item);

  // `meeting end` drafts the minutes; `minutes publish` posts them to the channel once.
  await ui.post('meeting end');
  await ui.waitForText(/Draft: not published yet/);
  await ui.post('minutes publish');
  const minutes = await ui.waitForText(/Minutes of the DSG meeting[\s\S]*Published/);
  await ui.shot('07-minutes-in-the-channel', minutes);
  const text = await minutes.innerText();
  expect(text).toContain(toApprove.item.title);
  expect(text).toContain(ACTION);

  // 3. The Word document downloads, and a docx reader finds the decisions and the action in it.
  const href = await minutes.getByRole('link', { name: 'Word' }).first().getAttribute('href');
  const res = await fetch(href!);
  expect(res.headers.get('content-type')).toContain('wordprocessingml');
  const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
  expect(xml).toContain(toApprove.item.title);
  expect(xml).toContain('Approved');
  expect(xml).toContain('Deferred to the next meeting');
  expect(xml).toContain(ACTION);
  expect(xml).toContain(projectLeadLearning2.name);

  // 4. The action's owner gets it in their next reminder card (sent to their own chat, so read from the outbox).
  await ui.openChat('Personal Chat');
  await ui.say('reminders run');
  await ui.page.getByText(/Reminders queued/).last().waitFor();
  await ui.shot('08-reminders-run');
  const action = (await read((store) => store.meetings.openActions())).find((a) => a.what === ACTION)!;
  const state = await read((store) => store.reminders.get(actionKey(action.id), projectLeadLearning2.aadObjectId));
  expect(state?.lastSentAt).toBeTruthy();
  const reminder = async () => read((store) => store.outbox.get(`reminder:${manualSlot(new Date(state!.lastSentAt!)).name}:${projectLeadLearning2.aadObjectId}`));
  for (let i = 0; i < 50 && (await reminder())?.status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 300));
  const message = await reminder();
  expect(message?.status).toBe('sent');
  expect(message?.intent.kind === 'reminder' && message.intent.items.map((i) => i.what)).toEqual(expect.arrayContaining([expect.stringContaining(ACTION)]));
}, 'failed'));
