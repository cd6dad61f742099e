/**
 * A DSG meeting in Teams, walked as the DSG would, against the bot running as its own process: the agenda drafted
 * from the programme and items members add; `meetings` before and after; `meeting start` (refused to others, once
 * only); two members say they are here; the bot is killed with SIGKILL mid-meeting and the meeting carries on where
 * it was in a new process; the Minute Taker ticks the register and records apologies; one request approved (the same
 * triage decision: the requester told, the triage card updated), another deferred, and a question asked of a third
 * requester from the meeting's cards; an action for a project lead (a past date is a field error that keeps what
 * was typed); `meeting end`; `minutes publish` once; the minutes card in the channel; the Word document with the
 * decisions and the action; the action in its owner's next reminder card, done inline. On SQLite and on PostgreSQL.
 */
import JSZip from 'jszip';
import { ukDate } from '../../src/domain/dates';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { channelMention, message, personalChatId } from './support/activities';
import { action, attachedCard, executes, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { eventually, press, submitRequest, triageCardOf, type User } from './support/dsg';
import { BotProcess } from './support/bot-process';
import { FakeConnector, type RecordedActivity } from './support/fake-connector';
import { ENGINES, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, digitalLeaderCustomers, digitalLeaderLearning, projectLeadLearning2 } = MOCK_USERS;

let db: TestDatabase;
let connector: FakeConnector;
let bot: BotProcess | null = null;
/** The running process, seen through the shared e2e helpers (they only post activities and read `opts`). */
const t = {
  get connector() {
    return connector;
  },
  get opts() {
    return { serviceUrl: connector.url };
  },
  post: (activity: object) => bot!.post(activity),
} as unknown as TestBot;

async function startProcess(): Promise<void> {
  if (bot) return bot.start();
  bot = await BotProcess.start({ ...db.env, PRESS_LIMIT_BURST: '100000', PRESS_LIMIT_PER_SECOND: '100000', DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, TEAMS_SERVICE_URL: connector.url });
}

const killProcess = (): Promise<void> => bot!.kill();

let thread = 1_700_000_100_000;
/** Says `text` to the bot in the DSG channel (a new thread) and returns its answer there. */
async function say(text: string, from: User): Promise<RecordedActivity['activity']> {
  const threadId = String(thread++);
  await t.post(channelMention(text, { ...t.opts, from, threadId }));
  return (await connector.waitFor((a) => a.conversationId.endsWith(`messageid=${threadId}`), 10_000)).activity;
}
const cardOf = (activity: RecordedActivity['activity']) => attachedCard(activity);
/**
 * The DSG channel shows the request's triage card as it now stands: an update of the posted card, or, when the
 * decision came before the outbox posted it (a busy machine), the card posted already showing it.
 */
const channelShows = (reference: string, words: RegExp) => () =>
  connector.activities().some((a) => (a.kind === 'update' || a.kind === 'new') && triageCardOf(reference)(a) && words.test(wordsOf(attachedCard(a.activity))));
const inFortnight = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
/** The next meeting the chair sets, a month on. */
const NEXT = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('a DSG meeting on %s, from the agenda to the minutes and the actions', (engine) => {
  beforeAll(async () => {
    db = await TestDatabase.create(engine);
    connector = new FakeConnector();
    await connector.start();
  });
  afterAll(async () => {
    await bot?.kill();
    bot = null;
    await connector.stop();
    await db.dispose();
  });

  let first: string;
  let second: string;
  let third: string;
  let fourth: string;
  let project: string;
  let meetingId: string;

  it('drafts the agenda from the programme and the items members add, with who added them', async () => {
    await startProcess();
    connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
    await t.post(message('hi', t.opts));
    expect((await say('setup dsg', dsgAdmin)).text).toMatch(/This channel is now the DSG channel/);
    const settings = invokeCard(await press(t, 'settings.show', { here: true }, dsgAdmin, true));
    const saved = invokeCard(await press(t, 'settings.save', { ...action(settings, 'settings.save').data, chair: dsgChair.aadObjectId, minuteTaker: digitalLeaderLearning.aadObjectId }, dsgAdmin, true));
    expect(wordsOf(saved)).toMatch(/Minute Taker: [\s\S]*Digital Leader \(Learning\)/);
    const planned = invokeCard(await press(t, 'meeting.add', { ...action(saved, 'meeting.add').data, date: NEXT, startTime: '10:00', place: 'Committee Room 2' }, dsgChair, true));
    expect(wordsOf(planned)).toContain(`Meeting added: ${ukDate(NEXT)} at 10:00, Committee Room 2.`);
    // `meetings`: the one coming, and none held yet.
    const before = wordsOf(cardOf(await say('meetings', digitalLeaderCustomers)));
    expect(before).toMatch(new RegExp(`Coming[\\s\\S]*${ukDate(NEXT)} at 10:00[\\s\\S]*Committee Room 2[\\s\\S]*Held[\\s\\S]*No meeting has been held in dsg-bot yet\\.`));

    first = await submitRequest(t, councilOfficer, 'Online booking for bulky uplifts');
    second = await submitRequest(t, councilOfficer, 'Digital library cards for schools');
    third = await submitRequest(t, councilOfficer, 'Bulky uplift bookings on the web');
    fourth = await submitRequest(t, councilOfficer, 'Parking permits renewed online');
    // A priority project approved in triage, still missing its owners: on the agenda for its governance.
    project = await submitRequest(t, councilOfficer, 'School meals payments online');
    const version = await db.read(async (store) => (await store.requests.getByReference(project))!.version);
    await press(t, 'request.approve', { reference: project, version, priority: 'high', isPriority: 'true' }, dsgChair, true);
    expect(cardOf(await say('agenda add Review of the Website Analytics', digitalLeaderCustomers))).toBeTruthy();
    expect((await say('agenda add DP-2099-9999', digitalLeaderCustomers)).text).toMatch(/There is no request DP-2099-9999/);

    const agenda = wordsOf(cardOf(await say('agenda', digitalLeaderCustomers)));
    expect(agenda).toContain('Online booking for bulky uplifts');
    expect(agenda).toContain('Digital library cards for schools');
    expect(agenda.indexOf('Online booking')).toBeLessThan(agenda.indexOf('Digital library cards'));
    expect(agenda).toContain('Review of the Website Analytics');
    expect(agenda).toContain('Added by Digital Leader (Customers)');
    expect(agenda).toContain('School meals payments online');
  }, 60_000);

  it('lets only the chair, the Minute Taker or an admin start the meeting, politely and on the record, and only once', async () => {
    expect((await say('meeting start', projectLeadLearning2)).text).toMatch(/Only the DSG chair, the Minute Taker or an admin can run a DSG meeting/);
    const refusals = await db.read((store) => store.audit.listFor('meeting', 'meetings'));
    expect(refusals).toEqual([expect.objectContaining({ action: 'meeting.start', outcome: 'refused', actorName: projectLeadLearning2.name })]);

    const started = cardOf(await say('meeting start', dsgChair));
    expect(wordsOf(started)).toMatch(/Running since .* started by DSG Chair/);
    meetingId = String(action(started, 'meeting.here').data.meetingId);
    expect((await say('meeting start', digitalLeaderLearning)).text).toMatch(/A DSG meeting is already running: it was started by DSG Chair/);
  });

  it('records two members present, and carries on where it was after a SIGKILL and a restart', async () => {
    await press(t, 'meeting.here', { meetingId }, dsgChair, true);
    // The Minute Taker's card, drawn before the second member said they were here.
    const drawn = invokeCard(await press(t, 'meeting.show', { meetingId }, digitalLeaderLearning, true));
    const here = invokeCard(await press(t, 'meeting.here', { meetingId }, digitalLeaderCustomers, true));
    expect(wordsOf(here)).toMatch(/Present: \s*DSG Chair, Digital Leader \(Customers\)/);
    const staleVersion = Number(action(drawn, 'meeting.attendance').data.version);

    // The crash comes mid-meeting, not mid-send: every triage card is posted and its place recorded first (a post
    // Teams had but the bot had not recorded waits for its lease after a crash: test/e2e/crash.test.ts).
    await eventually(async () => (await db.read((store) => Promise.all([first, second, third, project].map((r) => store.triage.get(r))))).every((x) => !!x?.post), 'the triage cards posted', 20_000);
    await killProcess();
    await startProcess();

    const again = invokeCard(await press(t, 'meeting.show', {}, digitalLeaderLearning, true));
    expect(String(action(again, 'meeting.here').data.meetingId)).toBe(meetingId);
    expect(wordsOf(again)).toMatch(/Present: \s*DSG Chair, Digital Leader \(Customers\)/);
    // A register ticked on a card drawn before the last change is refused, with the meeting as it stands.
    const stale = invokeCard(await press(t, 'meeting.attendance', { meetingId, version: staleVersion, present: dsgChair.aadObjectId }, digitalLeaderLearning, true));
    expect(wordsOf(stale)).toMatch(/This card is out of date\. The meeting record changed/);
    expect(wordsOf(stale)).toMatch(/Present: \s*DSG Chair, Digital Leader \(Customers\)/);

    // The Minute Taker ticks the register on the card as it stands: themselves present too, and the admin's apologies.
    const present = [dsgChair, digitalLeaderCustomers, digitalLeaderLearning].map((u) => u.aadObjectId).join(',');
    const ticked = invokeCard(await press(t, 'meeting.attendance', { ...action(stale, 'meeting.attendance').data, present, apologies: dsgAdmin.aadObjectId }, digitalLeaderLearning, true));
    expect(wordsOf(ticked)).toContain('Attendance saved.');
    expect(wordsOf(ticked)).toMatch(/Present: \s*DSG Chair, Digital Leader \(Customers\), Digital Leader \(Learning\)/);
    expect(wordsOf(ticked)).toMatch(/Apologies: \s*DSG Admin/);
    const record = (await db.read((store) => store.meetings.get(meetingId)))!;
    expect(record.attendees.map((p) => p.name)).toEqual([dsgChair.name, digitalLeaderCustomers.name, digitalLeaderLearning.name]);
    expect(record.apologies).toEqual([{ aadObjectId: dsgAdmin.aadObjectId, name: dsgAdmin.name }]);
    expect((await db.read((store) => store.audit.listFor('meeting', record.date))).some((e) => e.action === 'meeting.attendance' && e.outcome === 'done')).toBe(true);
  }, 60_000);

  it('approves one request through the triage decision and defers another, each recorded against its item', async () => {
    const meeting = invokeCard(await press(t, 'meeting.show', { meetingId }, dsgChair, true));
    const itemIdOf = (reference: string) => `awaiting-decision:${reference}`;
    const item = invokeCard(await press(t, 'meeting.item', { meetingId, itemId: itemIdOf(first) }, digitalLeaderCustomers, true));
    const decide = action(item, 'meeting.decide').data;
    const approved = invokeCard(await press(t, 'meeting.decide', { ...decide, decision: 'approve', priority: 'high', isPriority: 'false' }, digitalLeaderCustomers, true));
    expect(wordsOf(approved)).toMatch(/Outcome: \s*Approved \(Digital Leader \(Customers\)\)/);
    // The same press again (a second click on an old card) is told the item was dealt with.
    const twice = invokeCard(await press(t, 'meeting.decide', { ...decide, decision: 'decline', reason: 'No' }, digitalLeaderLearning, true));
    expect(wordsOf(twice)).toMatch(/already dealt with: Approved/);

    // As in triage: audited, the requester told, the triage card updated.
    const history = await db.read((store) => store.audit.listFor('request', first));
    expect(history.some((e) => e.action === 'request.approve' && e.outcome === 'done')).toBe(true);
    await connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && /approved/i.test(wordsOf(a.activity)), 10_000);
    await eventually(channelShows(first, /Approved/), 'the triage card updated', 20_000);

    const deferred = invokeCard(await press(t, 'meeting.note', { meetingId, itemId: itemIdOf(second), kind: 'deferred' }, dsgChair, true));
    expect(wordsOf(deferred)).toMatch(/Outcome: \s*Deferred to the next meeting \(DSG Chair\)/);
    expect(wordsOf(meeting)).toContain('Digital library cards for schools');
  });

  it('asks the requester for more information from the item card: they get the question, and it is recorded against the item', async () => {
    const itemId = `awaiting-decision:${fourth}`;
    const item = invokeCard(await press(t, 'meeting.item', { meetingId, itemId }, digitalLeaderCustomers, true));
    const asked = invokeCard(await press(t, 'meeting.decide', { ...action(item, 'meeting.decide').data, decision: 'ask', question: 'Which car parks would it cover first?' }, digitalLeaderCustomers, true));
    expect(wordsOf(asked)).toMatch(/Outcome: \s*More information asked for \(Digital Leader \(Customers\)\): Which car parks would it cover first\?/);
    // As in triage: the requester gets the question to answer, the request waits for them, and it is audited.
    const question = await connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes('Which car parks would it cover first?'), 10_000);
    expect(action(attachedCard(question.activity), 'request.answer')).toBeTruthy();
    expect((await db.read((store) => store.requests.getByReference(fourth)))!.status).toBe('more-info-requested');
    expect((await db.read((store) => store.audit.listFor('request', fourth))).some((e) => e.action === 'request.ask' && e.outcome === 'done')).toBe(true);
    const record = (await db.read((store) => store.meetings.get(meetingId)))!;
    expect(record.outcomes[itemId]).toMatchObject({ kind: 'decision', action: 'ask', note: 'Which car parks would it cover first?', by: digitalLeaderCustomers.name });
  });

  it('marks a duplicate and declines only after asking first, as on the triage card; Cancel changes nothing', async () => {
    const itemId = `awaiting-decision:${third}`;
    const item = invokeCard(await press(t, 'meeting.item', { meetingId, itemId }, digitalLeaderCustomers, true));
    const data = action(item, 'meeting.decide').data;
    const asked = invokeCard(await press(t, 'meeting.decide', { ...data, decision: 'decline', reason: 'The booking project covers it' }, digitalLeaderCustomers, true));
    expect(wordsOf(asked)).toContain(`Decline ${third}?`);
    const cancel = executes(asked).find((a) => a.data.step === 'cancel')!;
    expect(cancel.verb).toBe('meeting.decide');
    const cancelled = invokeCard(await press(t, cancel.verb, cancel.data, digitalLeaderCustomers, true));
    expect(wordsOf(cancelled)).toMatch(/Outcome: \s*Not dealt with yet/);
    expect((await db.read((store) => store.requests.getByReference(third)))!.status).toBe('submitted');

    const mergeAsked = invokeCard(await press(t, 'meeting.decide', { ...data, decision: 'merge', duplicateOf: first }, digitalLeaderCustomers, true));
    expect(wordsOf(mergeAsked)).toContain(`Mark ${third} as a duplicate of ${first}?`);
    const confirm = executes(mergeAsked).find((a) => a.data.step === 'confirm')!;
    const merged = invokeCard(await press(t, confirm.verb, confirm.data, digitalLeaderCustomers, true));
    expect(wordsOf(merged)).toMatch(new RegExp(`Outcome: \\s*Marked as duplicate \\(Digital Leader \\(Customers\\)\\): Duplicate of ${first}`));
    // The same decision as in triage: audited, the requester told, the triage card updated; and on the meeting's record.
    expect((await db.read((store) => store.audit.listFor('request', third))).some((e) => e.action === 'request.merge' && e.outcome === 'done')).toBe(true);
    await connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes(`Merged: ${third}`), 20_000);
    await eventually(channelShows(third, /Marked as duplicate/), 'the triage card updated', 20_000);
    const record = await db.read((store) => store.meetings.get(meetingId));
    expect(record!.outcomes[itemId]).toMatchObject({ kind: 'decision', action: 'merge', by: 'Digital Leader (Customers)' });
  }, 60_000);

  it('assigns owners and changes the priority of a project on the agenda, refuses a stale card, then notes it', async () => {
    const itemId = `governance:${project}`;
    const item = invokeCard(await press(t, 'meeting.item', { meetingId, itemId }, dsgChair, true));
    expect(executes(item).map((a) => a.data.decision).filter(Boolean)).toEqual(['assign', 'priority']);
    const drawn = action(item, 'meeting.decide').data;
    const assigned = invokeCard(await press(t, 'meeting.decide', { ...drawn, decision: 'assign', projectLead: projectLeadLearning2.aadObjectId }, dsgChair, true));
    expect(wordsOf(assigned)).toMatch(/Outcome: \s*Owners assigned \(DSG Chair\): Project Lead: Project Lead \(Learning\) 2/);

    // The first card, drawn before the owners were assigned, is refused, saying what changed.
    const stale = invokeCard(await press(t, 'meeting.decide', { ...drawn, decision: 'priority', priority: 'low', isPriority: 'false' }, dsgChair, true));
    expect(wordsOf(stale)).toMatch(new RegExp(`This card is out of date\\. ${project} was already decided by DSG Chair`));

    const changed = invokeCard(await press(t, 'meeting.decide', { ...action(assigned, 'meeting.decide').data, decision: 'priority', priority: 'low', isPriority: 'false' }, dsgChair, true));
    expect(wordsOf(changed)).toMatch(/Priority: \s*Low/);
    await connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes(`Priority changed: ${project}`), 20_000);
    await eventually(channelShows(project, /Priority changed by DSG Chair/), 'the triage card updated', 20_000).catch(async (error: Error) => {
      const shown = connector.activities().filter((a) => triageCardOf(project)(a)).map((a) => `${a.kind}: ${wordsOf(attachedCard(a.activity)).slice(0, 400)}`);
      const failed = await db.read((store) => store.outbox.failed(10));
      throw new Error(`${error.message}; the channel shows ${JSON.stringify(shown)}; failed: ${JSON.stringify(failed.map((m) => [m.key, m.lastError]))}`);
    });
    expect((await db.read((store) => store.projects.get(project)))!).toMatchObject({ priority: 'low', isPriority: false, projectLead: { aadObjectId: projectLeadLearning2.aadObjectId } });

    const noted = invokeCard(await press(t, 'meeting.note', { meetingId, itemId, kind: 'noted', minuteNote: 'Business case next time' }, dsgChair, true));
    expect(wordsOf(noted)).toMatch(/Owners assigned \(DSG Chair\)[^;]*; Priority changed \(DSG Chair\): Low priority; Noted \(DSG Chair\): Business case next time/);
    const again = invokeCard(await press(t, 'meeting.note', { meetingId, itemId, kind: 'deferred' }, dsgChair, true));
    expect(wordsOf(again)).toMatch(/This card is out of date\. "School meals payments online" was already dealt with/);
  }, 60_000);

  it('adds an action for a project lead; a past due date is a field error that keeps what was typed', async () => {
    const itemId = `awaiting-decision:${first}`;
    const past = invokeCard(await press(t, 'action.add', { meetingId, itemId, what: 'Draft the business case', owner: projectLeadLearning2.aadObjectId, due: '2020-01-01' }, digitalLeaderLearning, true));
    expect(wordsOf(past)).toMatch(/The due date is in the past/);
    expect(input(past, 'what').value).toBe('Draft the business case');
    expect(input(past, 'due').value).toBe('2020-01-01');
    expect(input(past, 'owner').value).toBe(projectLeadLearning2.aadObjectId);

    const added = invokeCard(await press(t, 'action.add', { meetingId, itemId, what: 'Draft the business case', owner: projectLeadLearning2.aadObjectId, due: inFortnight() }, digitalLeaderLearning, true));
    expect(wordsOf(added)).toMatch(/Draft the business case: Project Lead \(Learning\) 2, by/);
    // The owner is told in personal chat, with an alert in their activity feed.
    const told = await connector.waitFor((a) => a.kind === 'new' && wordsOf(a.activity).includes('An action for you'));
    expect(wordsOf(told.activity)).toMatch(/Digital Leader \(Learning\) gave you an action at the DSG meeting of .*\nDraft the business case/);
    expect((told.activity.channelData as { notification?: { alert?: boolean } } | undefined)?.notification?.alert).toBe(true);
  });

  it('ends the meeting, publishes the minutes once to the channel, and the Word document holds the decisions and the action', async () => {
    const ended = cardOf(await say('meeting end', dsgChair));
    expect(wordsOf(ended)).toMatch(/Draft: not published yet/);
    const notes = invokeCard(await press(t, 'minutes.notes', { ...action(ended, 'minutes.notes').data, notes: 'The chair thanked the Digital Leaders.' }, digitalLeaderLearning, true));
    expect(wordsOf(notes)).toContain('Notes saved.');
    // Cards drawn while the meeting ran, or before the last change to the minutes, are refused with what changed.
    const overNote = invokeCard(await press(t, 'meeting.note', { meetingId, itemId: `awaiting-decision:${second}`, kind: 'noted' }, dsgChair, true));
    expect(wordsOf(overNote)).toMatch(/This card is out of date\. The meeting of .* is over/);
    const overAction = invokeCard(await press(t, 'action.add', { meetingId, itemId: `awaiting-decision:${first}`, what: 'Late', owner: projectLeadLearning2.aadObjectId, due: inFortnight() }, dsgChair, true));
    expect(wordsOf(overAction)).toMatch(/This card is out of date\. The meeting of .* is over/);
    const overHere = invokeCard(await press(t, 'meeting.here', { meetingId }, digitalLeaderLearning, true));
    expect(wordsOf(overHere)).toMatch(/The meeting of .* is over/);
    const overDecide = invokeCard(await press(t, 'meeting.decide', { meetingId, itemId: `awaiting-decision:${second}`, version: 1, decision: 'ask', question: 'Cost?' }, dsgChair, true));
    expect(wordsOf(overDecide)).toMatch(/This card is out of date\. The meeting of .* is over/);
    const staleNotes = invokeCard(await press(t, 'minutes.notes', { ...action(ended, 'minutes.notes').data, notes: 'Older words' }, dsgChair, true));
    expect(wordsOf(staleNotes)).toMatch(/This card is out of date\. The meeting record changed/);
    expect(wordsOf(staleNotes)).toContain('The chair thanked the Digital Leaders.');

    const published = cardOf(await say('minutes publish', digitalLeaderLearning));
    expect(wordsOf(published)).toMatch(/The minutes are published and posted to the DSG channel/);
    const posted = await connector.waitFor((a) => a.kind === 'new' && !!a.activity.attachments && wordsOf(attachedCard(a.activity)).includes('Minutes of the DSG meeting'), 10_000);
    const minutes = wordsOf(attachedCard(posted.activity));
    expect(minutes).toMatch(/Published .* by Digital Leader \(Learning\)/);
    expect(minutes).toMatch(/Approved \(Digital Leader \(Customers\)\)/);
    expect(minutes).toMatch(/Deferred to the next meeting/);
    expect(minutes).toMatch(/Present: \s*DSG Chair, Digital Leader \(Customers\)/);
    expect(minutes).toMatch(/Apologies: \s*DSG Admin/);

    expect((await say('minutes publish', dsgChair)).text).toMatch(/already published on .* by Digital Leader \(Learning\)/);
    await new Promise((r) => setTimeout(r, 1000));
    expect(connector.activities().filter((a) => a.kind === 'new' && !!a.activity.attachments && wordsOf(attachedCard(a.activity)).includes('Minutes of the DSG meeting'))).toHaveLength(1);

    const link = /\[Word\]\(([^)]+)\)/.exec(minutes)![1];
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Online booking for bulky uplifts');
    expect(xml).toContain('Approved (Digital Leader (Customers))');
    expect(xml).toContain('Deferred to the next meeting (DSG Chair)');
    expect(xml).toContain('Draft the business case');
    expect(xml).toContain('Project Lead (Learning) 2');
    expect((await fetch(link.replace(/token=[^&]+/, 'token=forged'))).status).toBe(403);

    // `meetings`: this one held, its minutes published, and the next one still coming.
    const today = new Date().toISOString().slice(0, 10);
    const list = wordsOf(cardOf(await say('meetings', digitalLeaderCustomers)));
    expect(list).toMatch(new RegExp(`Coming[\\s\\S]*${ukDate(NEXT)} at 10:00[\\s\\S]*Held[\\s\\S]*${ukDate(today)}\\s*· minutes published ${ukDate(today)}`));
    expect(executes(cardOf(await say('meetings', digitalLeaderCustomers))).some((a) => a.verb === 'minutes.show' && a.data.date === today)).toBe(true);

    const dated = cardOf(await say(`minutes ${new Date().toISOString().slice(0, 10)}`, digitalLeaderCustomers));
    expect(wordsOf(dated)).toContain('Draft the business case');
    expect((await say('minutes 2020-01-01', digitalLeaderCustomers)).text).toMatch(/No DSG meeting is recorded on 2020-01-01/);
  }, 30_000);

  it('puts the action in its owner\'s next reminder card, with Done inline', async () => {
    expect(invokeMessage(await press(t, 'reminders.run', {}, dsgChair))).toMatch(/Reminders queued/);
    const reminder = await connector.waitFor(
      (a) => !!a.activity.attachments && /^Hello Project Lead \(Learning\) 2[\s\S]*Draft the business case/.test(wordsOf(attachedCard(a.activity))),
      10_000,
    );
    const card = attachedCard(reminder.activity);
    const done = invokeCard(await press(t, 'reminder.action-done', action(card, 'reminder.action-done').data, projectLeadLearning2));
    expect(wordsOf(done)).toMatch(/Done/);
    // A second press (the same card, or the next reminder) says when it was done, and by whom.
    const twice = await press(t, 'reminder.action-done', action(card, 'reminder.action-done').data, projectLeadLearning2);
    expect(JSON.stringify(twice)).toMatch(/already marked done on .* by Project Lead \(Learning\) 2/);
    const open = await db.read((store) => store.meetings.openActions());
    expect(open).toEqual([]);
  }, 30_000);

  it('lists the meeting in a subject access export: who attended, and the action its owner was given', async () => {
    const exported = async (who: User) => {
      const before = connector.activities().length;
      await t.post(message(`subject access ${who.email}`, { ...t.opts, from: dsgAdmin }));
      await eventually(() => connector.activities().slice(before).some((a) => a.conversationId === personalChatId(dsgAdmin) && /\.json\?/.test(String(a.activity.text))), 'the subject access links', 20_000);
      const answer = connector.activities().slice(before).find((a) => a.conversationId === personalChatId(dsgAdmin) && /\.json\?/.test(String(a.activity.text)))!;
      const link = new URL([...String(answer.activity.text).matchAll(/https?:\/\/[^\s)]+/g)].map((m) => m[0]).find((u) => /\.json\?/.test(u))!);
      return (await (await fetch(`${bot!.url}${link.pathname}${link.search}`)).json()) as { meetings: Record<string, unknown>[] };
    };
    const date = new Date().toISOString().slice(0, 10);
    expect((await exported(digitalLeaderCustomers)).meetings).toEqual(expect.arrayContaining([{ kind: 'attended', meeting: date }, expect.objectContaining({ kind: 'outcome recorded', meeting: date })]));
    expect((await exported(projectLeadLearning2)).meetings).toEqual([expect.objectContaining({ kind: 'action owned', meeting: date, what: 'Draft the business case' })]);
  }, 60_000);
});
