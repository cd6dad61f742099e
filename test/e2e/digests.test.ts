/**
 * Digests and the annual report end to end, on a seeded programme: the weekly digest is posted once per
 * channel per week (a restart or a second instance posts nothing more); a channel subscribed to some strands
 * gets only those; `digest preview` comes privately; `report annual` links work with their token only.
 */
import { ofType } from '../presenters/card-checks';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { seedDemo } from '../../src/demo/seed';
import { openStore } from '../../src/storage/open-store';
import { channelMention, invokeAction, message, personalChatId } from './support/activities';
import { attachedCard, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { FakeConnector } from './support/fake-connector';
import { ENGINES, startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair } = MOCK_USERS;
const SECRET = 'a-test-secret-that-is-long-enough-32+';
/** Reminders and the pre-meeting check far away: only the weekly digest runs in these tests. */
const ENV = { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId, REPORT_LINK_SECRET: SECRET, REMINDER_SCHEDULE: '0 3 1 1 *', DIGEST_MEETING_CHECK_SCHEDULE: '0 3 1 1 *' };
/** Just after the default Monday 09:00 (GMT): 30 November 2026 is St Andrew's Day, a Scottish bank holiday. */
const HOLIDAY_MONDAY = '2026-11-30T09:00:20Z';
const TUESDAY = '2026-12-01T09:00:20Z';
const NEXT_MONDAY = '2026-12-07T09:00:20Z';
/** After the demo's 8 Dec meeting and before the digest for its 5 Jan one is due (no pre-meeting digest stands in). */
const MONDAY_WITHOUT_MEETING = '2026-12-14T09:00:20Z';
const settle = () => new Promise((r) => setTimeout(r, 1500));

const isDigest = (a: { kind: string; activity: unknown }) => a.kind === 'new' && wordsOf(a.activity).includes('Weekly digest');
const digestsIn = (t: TestBot, channelId: string) => t.connector.activities().filter((a) => isDigest(a) && a.conversationId.startsWith(channelId));

async function seeded(engine: (typeof ENGINES)[number]): Promise<TestDatabase> {
  const db = await TestDatabase.create(engine);
  const store = await openStore({ databaseUrl: db.env.DATABASE_URL ?? null, sqlitePath: db.env.SQLITE_PATH ?? '' });
  await seedDemo(store, { now: () => new Date('2026-11-27T10:00:00Z') });
  await store.close();
  return db;
}

/**
 * A bot whose clock says Friday 27 Nov (no digest is due, so setting up posts nothing yet), with a fake
 * Bot Connector of the test's own that outlives the bot's restarts (conversation references keep its address).
 */
async function setUp(db: TestDatabase): Promise<TestBot> {
  const connector = new FakeConnector();
  await connector.start();
  const t = await startTestBot(db, ENV, connector, '2026-11-27T10:00:00Z');
  t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
  await t.post(message('hi', { ...t.opts, from: dsgChair }));
  await t.post(channelMention('setup dsg', { ...t.opts, from: dsgAdmin }));
  return t;
}

/** A seeded database and a set-up bot for one describe block (tests may restart `t`). */
function seededBot(): { db: TestDatabase; t: TestBot } {
  const ctx = {} as { db: TestDatabase; t: TestBot };
  beforeAll(async () => {
    ctx.db = await seeded('sqlite');
    ctx.t = await setUp(ctx.db);
  });
  afterAll(async () => {
    await ctx.t?.stop();
    await ctx.t?.connector.stop();
    await ctx.db?.dispose();
  });
  return ctx;
}

describe('the weekly digest (SQLite)', () => {
  const s = seededBot();
  const general = MOCK_TENANT.team.general.id;
  const decisions = MOCK_TENANT.team.decisions;


  it('subscribes a channel to chosen strands, and refuses someone outside the DSG', async () => {
    await s.t.post(channelMention('subscribe digest Digital Learning', { ...s.t.opts, from: councilOfficer, channel: decisions, threadId: '1700000000901' }));
    const refused = await s.t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000901'));
    expect(refused.activity.text).toBe('Sorry, you cannot do that. Only members of the Digital Strategy Group and admins can choose which channels get the digest.');

    await s.t.post(channelMention('subscribe digest Digital Lerning', { ...s.t.opts, from: dsgChair, channel: decisions, threadId: '1700000000902' }));
    const unknown = await s.t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000902'));
    expect(unknown.activity.text).toMatch(/^I do not know the strand "digital lerning"\. The strands are: Digital Customers, /);

    await s.t.post(channelMention('subscribe digest Digital Learning', { ...s.t.opts, from: dsgChair, channel: decisions, threadId: '1700000000903' }));
    const ok = await s.t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000903'));
    expect(ok.activity.text).toBe('This channel will get the weekly digest for Digital Learning. Type "unsubscribe digest" to stop it.');
  });

  it('sends digest preview privately when asked in a channel', async () => {
    await s.t.post(channelMention('digest preview', { ...s.t.opts, from: dsgChair, threadId: '1700000000904' }));
    const said = await s.t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000904'));
    expect(said.activity.text).toBe('I have sent you the digest preview in our personal chat.');
    const preview = await s.t.connector.waitFor((a) => a.conversationId === personalChatId(dsgChair) && wordsOf(a.activity).includes('Digest preview'));
    const card = attachedCard(preview.activity);
    expect(wordsOf(card)).toContain('Awaiting a decision (oldest first)');
    expect(JSON.stringify(card)).toContain('"type":"Chart.Donut"');
    expect(digestsIn(s.t, general)).toEqual([]);
  });

  it('does not post on a bank holiday Monday', async () => {
    await s.t.stop();
    s.t = await startTestBot(s.db, ENV, s.t.connector, HOLIDAY_MONDAY);
    await settle();
    expect(s.t.connector.activities().filter(isDigest)).toEqual([]);
  });

  it('posts it on the Tuesday instead, to the DSG channel (every strand) and the subscribed channel (its strands)', async () => {
    await s.t.stop();
    s.t = await startTestBot(s.db, ENV, s.t.connector, TUESDAY);
    await s.t.connector.waitFor((a) => isDigest(a) && a.conversationId.startsWith(decisions.id));
    await s.t.connector.waitFor((a) => isDigest(a) && a.conversationId.startsWith(general));
    const full = attachedCard(digestsIn(s.t, general)[0].activity);
    const learning = attachedCard(digestsIn(s.t, decisions.id)[0].activity);
    expect(wordsOf(full)).toContain('Week of 30 Nov 2026 · all strands');
    expect(wordsOf(learning)).toContain('Week of 30 Nov 2026 · Digital Learning');
    // The strand chart of a filtered digest has only its strands.
    const strandBars = (card: unknown) => (ofType(card, 'Chart.VerticalBar').find((c) => c.id === 'chart-strand')?.data as { x: string }[]).map((d) => d.x);
    expect(strandBars(learning)).toEqual(['Learn']);
    expect(strandBars(full)).toEqual(['Cust', 'Est', 'Learn', 'Bus', 'Emp', 'Scot', 'Comp']);
    await settle();
    expect(digestsIn(s.t, general)).toHaveLength(1);
    expect(digestsIn(s.t, decisions.id)).toHaveLength(1);
  });

  it('posts nothing more that week after a restart', async () => {
    await s.t.stop();
    s.t = await startTestBot(s.db, { ...ENV, DIGEST_SCHEDULE: '* * * * *' }, s.t.connector, '2026-12-01T11:30:00Z');
    await settle();
    expect(digestsIn(s.t, general)).toHaveLength(1);
    expect(digestsIn(s.t, decisions.id)).toHaveLength(1);
  });

  it('posts the pre-meeting digest to the DSG channel three working days before the meeting, once', async () => {
    // The demo's next meeting is Tuesday 8 Dec: three working days before it is Thursday 3 Dec.
    const withMeetings = { ...ENV, DIGEST_MEETING_CHECK_SCHEDULE: '0 9 * * 1-5' };
    const isPreMeeting = (a: { kind: string; activity: unknown }) => a.kind === 'new' && wordsOf(a.activity).includes('Before the DSG meeting on 8 Dec 2026');
    await s.t.stop();
    s.t = await startTestBot(s.db, withMeetings, s.t.connector, '2026-12-02T09:00:20Z');
    await settle();
    expect(s.t.connector.activities().filter(isPreMeeting)).toEqual([]);
    await s.t.stop();
    s.t = await startTestBot(s.db, withMeetings, s.t.connector, '2026-12-03T09:00:20Z');
    const posted = await s.t.connector.waitFor(isPreMeeting);
    expect(posted.conversationId.startsWith(general)).toBe(true);
    await s.t.stop();
    s.t = await startTestBot(s.db, withMeetings, s.t.connector, '2026-12-04T09:00:20Z');
    await settle();
    expect(s.t.connector.activities().filter(isPreMeeting)).toHaveLength(1);
    expect(digestsIn(s.t, decisions.id)).toHaveLength(1);
  });

  it('stops posting in a channel that unsubscribes', async () => {
    await s.t.post(channelMention('unsubscribe digest', { ...s.t.opts, from: dsgChair, channel: decisions, threadId: '1700000000905' }));
    const ok = await s.t.connector.waitFor((a) => a.conversationId.endsWith('messageid=1700000000905'));
    expect(ok.activity.text).toBe('This channel will no longer get the digest.');
    await s.t.stop();
    s.t = await startTestBot(s.db, ENV, s.t.connector, NEXT_MONDAY);
    await s.t.connector.waitFor((a) => isDigest(a) && a.conversationId.startsWith(general) && wordsOf(a.activity).includes('Week of 7 Dec 2026'));
    await settle();
    expect(digestsIn(s.t, decisions.id)).toHaveLength(1);
  });
});

describe.each(ENGINES)('two instances on one database (%s)', (engine) => {
  let db: TestDatabase;
  const bots: TestBot[] = [];
  afterAll(async () => {
    for (const b of bots) await b.stop();
    await bots[0]?.connector.stop();
    await db?.dispose();
  });

  it('post the weekly digest once between them', async () => {
    db = await seeded(engine);
    const first = await setUp(db);
    await first.stop();
    const connector = first.connector;
    bots.push(...(await Promise.all([startTestBot(db, ENV, connector, MONDAY_WITHOUT_MEETING), startTestBot(db, ENV, connector, MONDAY_WITHOUT_MEETING)])));
    await connector.waitFor(isDigest);
    await settle();
    expect(connector.activities().filter(isDigest)).toHaveLength(1);
  });
});

describe('the annual report', () => {
  const s = seededBot();
  const ask = async (from: typeof dsgChair, year = '2026/27') => (await s.t.post(invokeAction('report.annual', { year }, { ...s.t.opts, from }))).body;
  const links = (card: unknown) => [...JSON.stringify(card).matchAll(/\((http:\/\/127\.0\.0\.1:\d+\/reports\/annual\/[^)]+)\)/g)].map((m) => m[1]);

  it('refuses someone outside the DSG, and a year that is not one', async () => {
    expect(invokeMessage(await ask(councilOfficer))).toBe('Sorry, you cannot do that. Only members of the Digital Strategy Group and admins can see the annual report.');
    expect(invokeMessage(await ask(dsgChair, 'last year'))).toBe('"last year" is not a financial year: write it like 2026/27.');
  });

  it('gives a summary card whose CSV and JSON links work with their token, and only with it', async () => {
    const card = invokeCard(await ask(dsgChair));
    expect(wordsOf(card)).toContain('Annual progress and benefits report 2026/27');
    expect(wordsOf(card)).toMatch(/Realised in 2026\/27\n£[\d,]+ · savings recorded for April 2026–March 2027, all projects/);
    const [csvUrl, jsonUrl] = links(card);
    // The links are built from PUBLIC_URL's default, port 3978; the test bot listens elsewhere.
    const local = (url: string) => url.replace(/^http:\/\/127\.0\.0\.1:\d+/, s.t.bot.url);
    const csv = await fetch(local(csvUrl));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(csv.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('Reference,Title,Strand,Status,Priority,Approved on,Completed on,Started this year,Completed this year,Planned annual cash saving (GBP),Realised cash saving this year (GBP),Non-cash benefits this year,Milestones due this year,Met on time,Late or missed,Measures met,Measures not met,Customer satisfaction (latest against target)');
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    const json = await (await fetch(local(jsonUrl))).json();
    expect(json.financialYear).toBe('2026/27');
    // The demo completed two projects this year (May and July) and three before it, which are listed too:
    // they are still in the programme's figures (planned savings, savings realised this year).
    expect(json.projectsCompleted).toBe(2);
    expect(json.projects.filter((p: { completedInYear: boolean }) => p.completedInYear)).toHaveLength(2);
    expect(json.projects.filter((p: { status: string }) => p.status === 'Completed')).toHaveLength(5);

    const bare = new URL(local(csvUrl));
    bare.search = '';
    const none = await fetch(bare);
    expect(none.status).toBe(403);
    expect((await none.json()).error).toMatch(/has no token/);
    const otherYear = await fetch(local(csvUrl).replace('2026-27', '2025-26'));
    expect(otherYear.status).toBe(403);
    expect((await otherYear.json()).error).toMatch(/not valid/);
  });

  it('refuses a link after 24 hours', async () => {
    // Asked on Friday 27 Nov at 10:00 (the bot's clock), the link works until Saturday 10:00.
    const [csvUrl] = links(invokeCard(await ask(dsgChair)));
    await s.t.stop();
    s.t = await startTestBot(s.db, ENV, s.t.connector, '2026-11-28T10:00:30Z');
    const late = await fetch(csvUrl.replace(/^http:\/\/127\.0\.0\.1:\d+/, s.t.bot.url));
    expect(late.status).toBe(403);
    expect((await late.json()).error).toMatch(/^This report link expired/);
  });
});
