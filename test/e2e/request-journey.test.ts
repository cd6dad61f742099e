/**
 * A member of staff submits a project request, end to end: real HTTP server, real Bot Framework
 * activities, the bot's messages captured by a fake Bot Connector; on SQLite and on PostgreSQL.
 */
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { installationUpdate, conversationUpdateBotAdded, invokeAction, message, personalChatId } from './support/activities';
import { action, attachedCard, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { ENGINES, startTestBot, TestDatabase, type TestBot } from './support/test-bot';

describe.each(ENGINES)('submitting a project request (%s)', (engine) => {
  let db: TestDatabase;
  let t: TestBot;

  beforeAll(async () => {
    db = await TestDatabase.create(engine);
    t = await startTestBot(db);
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  const press = async (verb: string, data: Record<string, unknown>, from = MOCK_USERS.councilOfficer) => {
    const res = await t.post(invokeAction(verb, data, { ...t.opts, from }));
    expect(res.status).toBe(200);
    return res.body;
  };

  it('welcomes a person once when the bot is installed', async () => {
    expect((await t.post(installationUpdate('add', t.opts))).status).toBe(200);
    const welcome = await t.connector.waitFor((a) => a.conversationId === personalChatId(MOCK_USERS.councilOfficer));
    expect(wordsOf(attachedCard(welcome.activity))).toMatch(/Submit an idea[\s\S]*My requests[\s\S]*Help/);
    // Teams also sends a conversationUpdate for the same install: no second welcome.
    await t.post(conversationUpdateBotAdded({ ...t.opts, conversationType: 'personal' }));
    await t.post(message('help', t.opts));
    await t.connector.waitFor((a) => wordsOf(a.activity).includes('How to use dsg-bot'));
    const welcomes = t.connector.activities().filter((a) => wordsOf(a.activity).includes('Send your ideas for digital projects'));
    expect(welcomes).toHaveLength(1);
  });

  it('submits a request: first with mistakes, then corrected', async () => {
    const blank = invokeCard(await press('request.new', {}));
    const { formId } = action(blank, 'request.submit').data;

    const wrong = invokeCard(await press('request.submit', { formId, ...form, title: '', oneOffCost: 'about ten grand', route: 'build' }));
    const words = wordsOf(wrong);
    expect(words).toMatch(/Please fix the 3 problems/);
    expect(words).toContain('Enter a title.');
    expect(words).toContain('Enter the one-off cost as a number of pounds');
    expect(words).toContain('buying or building is the last resort');
    expect(input(wrong, 'oneOffCost').value).toBe('about ten grand');
    expect(input(wrong, 'problem').value).toBe(form.problem);
    expect(action(wrong, 'request.submit').data.formId).toBe(formId);

    const mine = invokeCard(await press('request.list', {}));
    expect(wordsOf(mine)).toContain('You have not submitted any requests yet.');

    const done = invokeCard(await press('request.submit', { formId, ...form }));
    expect(wordsOf(done)).toMatch(/Submitted as DP-\d{4}-0001/);
    expect(wordsOf(done)).toContain('Digital Leader for Digital Customers');

    const again = invokeMessage(await press('request.submit', { formId, ...form }));
    expect(again).toMatch(/already submitted as DP-\d{4}-0001/);
  });

  it('lists the request under My requests and opens it with its history', async () => {
    const mine = invokeCard(await press('request.list', {}));
    expect(wordsOf(mine)).toContain(form.title);
    const reference = String(action(mine, 'request.view').data.reference);
    expect(reference).toMatch(/^DP-\d{4}-0001$/);
    const detail = invokeCard(await press('request.view', { reference }));
    expect(wordsOf(detail)).toContain(form.reuseChecked);
    expect(wordsOf(detail)).toContain('Submitted');
    action(detail, 'request.withdraw');

    const typed = await t.post(message(reference.toLowerCase(), t.opts));
    expect(typed.status).toBe(200);
    const sent = await t.connector.waitFor((a) => !!a.activity.attachments && wordsOf(attachedCard(a.activity)).includes(form.reuseChecked));
    expect(sent.kind).toBe('reply');
  });

  it("shows someone else's request read-only, without its details or the requester's name", async () => {
    const summary = invokeCard(await press('request.view', { reference: 'DP-2026-0001' }, MOCK_USERS.projectLeadLearning2));
    expect(wordsOf(summary)).toContain(form.title);
    expect(wordsOf(summary)).toContain('Only the person who submitted this request and the Digital Strategy Group see it in full.');
    expect(wordsOf(summary)).not.toContain(form.reuseChecked);
    expect(wordsOf(summary)).not.toContain(MOCK_USERS.councilOfficer.name);
    expect(() => action(summary, 'request.withdraw')).toThrow();
    const mine = invokeCard(await press('request.list', {}, MOCK_USERS.projectLeadLearning2));
    expect(wordsOf(mine)).not.toContain(form.title);
  });

  it('shows similar requests first, and submits anyway only when asked', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.submit').data;
    const similar = invokeCard(await press('request.submit', { formId, ...form, title: 'Book bulky uplifts online' }));
    expect(wordsOf(similar)).toContain(form.title);
    expect(wordsOf(similar)).toMatch(/DP-\d{4}-0001/);
    const edit = invokeCard(await press('request.edit', { formId }));
    expect(input(edit, 'title').value).toBe('Book bulky uplifts online');
    const submitted = invokeCard(await press('request.confirm', { formId }));
    expect(wordsOf(submitted)).toMatch(/Submitted as DP-\d{4}-0002/);
  });

  it('withdraws a similar request before it is stored', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.submit').data;
    invokeCard(await press('request.submit', { formId, ...form, title: 'Bulky uplift booking online' }));
    expect(invokeMessage(await press('request.discard', { formId }))).toMatch(/nothing was submitted/);
    expect(invokeMessage(await press('request.confirm', { formId }))).toMatch(/no longer exists/);
    const mine = invokeCard(await press('request.list', {}));
    expect(wordsOf(mine)).not.toContain('Bulky uplift booking online');
  });

  it('saves a draft and offers it next time', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.submit').data;
    const saved = invokeCard(await press('request.draft', { formId, title: 'School Wi-Fi survey', problem: 'Half-written' }));
    expect(wordsOf(saved)).toMatch(/Draft saved/);
    const offer = invokeCard(await press('request.new', {}));
    expect(wordsOf(offer)).toContain('School Wi-Fi survey');
    const resumed = invokeCard(await press('request.edit', { formId: action(offer, 'request.edit').data.formId }));
    expect(input(resumed, 'problem').value).toBe('Half-written');
    expect(action(resumed, 'request.submit').data.formId).toBe(formId);
    expect(invokeMessage(await press('request.edit', { formId }, MOCK_USERS.dsgChair))).toMatch(/^Sorry, you cannot do that/);
  });

  it('lets the requester withdraw once they confirm, and refuses a stale card', async () => {
    const detail = invokeCard(await press('request.view', { reference: 'DP-2026-0002' }));
    const { data } = action(detail, 'request.withdraw');
    const asked = invokeCard(await press('request.withdraw', data));
    expect(wordsOf(asked)).toContain('Withdraw DP-2026-0002?');
    const withdrawn = invokeCard(await press('request.withdraw', { ...data, step: 'confirm' }));
    expect(wordsOf(withdrawn)).toContain('Withdrawn');
    expect(() => action(withdrawn, 'request.withdraw')).toThrow();
    expect(invokeMessage(await press('request.withdraw', { ...data, step: 'confirm' }))).toMatch(/^This card is out of date\. DP-2026-0002 changed since this card was sent: Withdrawn by Council Officer on /);
  });

  it('keeps everything across a restart', async () => {
    await t.stop();
    t = await startTestBot(db);
    const mine = invokeCard(await press('request.list', {}));
    expect(wordsOf(mine)).toContain(form.title);
    expect(wordsOf(mine)).toMatch(/Withdrawn/);
  });
});
