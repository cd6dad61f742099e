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
import { useDemoProcessWalk } from './support/walk-bot';

jest.setTimeout(180_000);
const general = { teamId: MOCK_TENANT.team.id, channelId: MOCK_TENANT.team.general.id };
const { dsgChair, projectLeadLearning2 } = MOCK_USERS;
const ACTION = 'Bring the revised business case to the DSG';

const w = useDemoProcessWalk('issue-13');

beforeAll(() => w.ui.openChat('General'));

const running = async (): Promise<Meeting> => {
  const meeting = (await w.read((store) => store.meetings.list())).find((m) => m.status === 'running');
  if (!meeting) throw new Error('no meeting is running');
  return meeting;
};

/** Opens agenda item `position` (1-based) of the meeting card in the channel and returns its item card. */
async function openItem(position: number, title: string) {
  await w.ui.post('meeting');
  const meeting = await w.ui.waitForText(/Running since/);
  await w.ui.press(`Open item ${position}`, meeting);
  return w.ui.waitForText(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*Back to the meeting`));
}

it('runs a DSG meeting from the agenda to the published minutes, through a crash', () => w.ui.walk(async () => {
  // 1. The drafted agenda.
  await w.ui.post('agenda');
  const agenda = await w.ui.waitForText(/Agenda/);
  const words = await agenda.innerText();
  expect(words).toMatch(/Agenda for the DSG meeting on[\s\S]*Drafted from the Digital Programme[\s\S]*Awaiting a decision/);
  await w.ui.shot('01-agenda', agenda);

  // 2. The meeting starts; the admin and the chair say they are here.
  await w.ui.post('meeting start');
  const meetingCard = await w.ui.waitForText(/Running since/);
  await w.ui.shot('02-meeting-started', meetingCard);
  await w.ui.press("I'm here", meetingCard);
  const meeting = await running();
  await w.ui.pressAs(dsgChair, MOCK_TENANT.team.general.id, 'meeting.here', { meetingId: meeting.id }, general);
  const present = (await running()).attendees.map((p) => p.name);
  expect(present).toEqual(expect.arrayContaining([MOCK_TENANT.currentUser.name, dsgChair.name]));

  // A request awaiting a decision, raised by someone else, is approved from its item card.
  const requests = await w.read(async (store) => Promise.all(meeting.agenda.map((item) => (item.source === 'awaiting-decision' && item.reference ? store.requests.getByReference(item.reference) : null))));
  const decidable = meeting.agenda.map((item, i) => ({ item, position: i + 1, request: requests[i] })).filter((x) => x.request && x.request.requesterId !== MOCK_TENANT.currentUser.id);
  expect(decidable.length).toBeGreaterThanOrEqual(2);
  const [toApprove, toDefer] = decidable;
  let item = await openItem(toApprove.position, toApprove.item.title);
  await w.ui.shot('03-item-card', item);
  await w.ui.press('Approve', item);
  await w.ui.tick('High', item);
  await item.getByRole('button', { name: 'Approve' }).last().click();
  item = await w.ui.waitForText(/Outcome:[\s\S]*Approved/);
  await w.ui.shot('04-approved-from-the-meeting', item);
  expect((await w.read((store) => store.requests.getByReference(toApprove.request!.reference)))?.status).toBe('approved');

  // 5. kill -9 in the middle of the meeting, and a restart: the meeting carries on where it was.
  await w.bot.kill();
  await w.bot.start();
  await w.ui.post('meeting');
  const after = await w.ui.waitForText(/Running since/);
  expect(await after.innerText()).toContain(dsgChair.name);
  await w.ui.shot('05-after-restart', after);
  expect((await running()).id).toBe(meeting.id);
  expect(Object.keys((await running()).outcomes)).toEqual([toApprove.item.id]);

  // Another item is deferred to the next meeting, and an action is added on it for a project lead.
  item = await openItem(toDefer.position, toDefer.item.title);
  await w.ui.press('Add an action', item);
  await w.ui.fill(/What is to be done/, ACTION, item);
  // The owner box searches the people of the organisation as one types (Data.Query), as Teams does.
  const owner = item.getByRole('combobox', { name: 'People Picker' }).first();
  await owner.click();
  await owner.pressSequentially('Project');
  await w.ui.page.getByText(projectLeadLearning2.name, { exact: true }).last().click();
  const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await w.ui.fill(/Due date/, due, item);
  await w.ui.shot('06-adding-an-action', item);
  await w.ui.press(/^Add action$/, item);
  item = await w.ui.waitForText(new RegExp(`${ACTION}: ${projectLeadLearning2.name.replace(/[()]/g, '\\$&')}`));
  await w.ui.press('Noted or defer', item);
  await item.getByRole('button', { name: 'Defer to next meeting' }).last().click();
  item = await w.ui.waitForText(/Outcome:[\s\S]*Deferred to the next meeting/);
  await w.ui.shot('07-deferred-with-an-action', item);

  // `meeting end` drafts the minutes; `minutes publish` posts them to the channel once.
  await w.ui.post('meeting end');
  await w.ui.waitForText(/Draft: not published yet/);
  await w.ui.post('minutes publish');
  const minutes = await w.ui.waitForText(/Minutes of the DSG meeting[\s\S]*Published/);
  await w.ui.shot('08-minutes-in-the-channel', minutes);
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
  await w.ui.openChat('Personal Chat');
  await w.ui.say('reminders run');
  await w.ui.page.getByText(/Reminders queued/).last().waitFor();
  await w.ui.shot('09-reminders-run');
  const action = (await w.read((store) => store.meetings.openActions())).find((a) => a.what === ACTION)!;
  const state = await w.read((store) => store.reminders.get(actionKey(action.id), projectLeadLearning2.aadObjectId));
  expect(state?.lastSentAt).toBeTruthy();
  const reminder = async () => w.read((store) => store.outbox.get(`reminder:${manualSlot(new Date(state!.lastSentAt!)).name}:${projectLeadLearning2.aadObjectId}`));
  for (let i = 0; i < 50 && (await reminder())?.status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 300));
  const message = await reminder();
  expect({ status: message?.status, lastError: message?.lastError }).toEqual({ status: 'sent', lastError: null });
  expect(message?.intent.kind === 'reminder' && message.intent.items.map((i) => i.what)).toEqual(expect.arrayContaining([expect.stringContaining(ACTION)]));
}, 'failed'));
