/**
 * A member of staff submits a project request, end to end: real HTTP server, real Bot Framework
 * activities, the bot's messages captured by a fake Bot Connector; on SQLite and on PostgreSQL.
 */
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { installationUpdate, conversationUpdateBotAdded, invokeAction, message, personalChatId } from './support/activities';
import { FORM_STEPS } from '../../src/domain/request-form';
import { find as findAll } from '../presenters/card-checks';
import { action, attachedCard, input, answerCard, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
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

  /** The fixture's answers for one step of the form, as Teams sends that step's inputs. */
  const answers = (step: 1 | 2 | 3, overrides: Record<string, string> = {}) => ({
    ...Object.fromEntries(FORM_STEPS[step - 1].fields.map((f) => [f, form[f]])),
    ...overrides,
  });
  const stepOf = (card: Record<string, unknown>) => /Step (\d) of 3/.exec(wordsOf(card))?.[1];
  const errorLines = (card: Record<string, unknown>) => findAll(card, (o) => o.type === 'TextBlock' && o.color === 'attention').map((o) => String(o.text));
  const verbsOn = (card: Record<string, unknown>) => findAll(card, (o) => o.type === 'Action.Execute').map((o) => o.verb);
  /** The last thing in the body, right above the buttons. */
  const besideButtons = (card: Record<string, unknown>) => wordsOf((card.body as unknown[]).at(-1));

  it('takes an idea in three short steps, checking each step in one round, and confirms it with its reference', async () => {
    const first = invokeCard(await press('request.new', {}));
    expect(stepOf(first)).toBe('1');
    expect(wordsOf(first)).toContain('Step 1 of 3: About the idea');
    expect(verbsOn(first)).toEqual(['request.next']);
    const { formId } = action(first, 'request.next').data;

    // Next with nothing typed: every problem of step 1 at once, at the top and beside Next.
    const empty = invokeCard(await press('request.next', { formId, step: 1 }));
    expect(stepOf(empty)).toBe('1');
    expect(errorLines(empty)).toEqual(['Enter a title.', 'Enter the problem to solve.', 'Enter the intended outcome for customers.', 'Choose who benefits.']);
    expect(wordsOf(empty)).toContain('Please fix the 4 problems marked below.');
    expect(besideButtons(empty)).toBe('Please fix the 4 problems marked above.');

    const second = invokeCard(await press('request.next', { formId, step: 1, ...answers(1) }));
    expect(wordsOf(second)).toContain('Step 2 of 3: Fit with the strategy');
    expect(errorLines(second)).toEqual([]);
    expect(verbsOn(second)).toEqual(['request.back', 'request.next']);

    const third = invokeCard(await press('request.next', { formId, step: 2, ...answers(2) }));
    expect(wordsOf(third)).toContain('Step 3 of 3: Re-use, cost and timing');
    expect(verbsOn(third)).toEqual(['request.back', 'request.submit']);

    // Submit checks this step (and the earlier ones) and keeps what was typed.
    const wrong = invokeCard(await press('request.submit', { formId, step: 3, ...answers(3, { oneOffCost: 'about ten grand', route: 'build' }) }));
    expect(stepOf(wrong)).toBe('3');
    expect(errorLines(wrong)).toEqual([expect.stringContaining('buying or building is the last resort'), expect.stringContaining('Enter the one-off cost as a number of pounds')]);
    expect(besideButtons(wrong)).toBe('Please fix the 2 problems marked above.');
    expect(input(wrong, 'oneOffCost').value).toBe('about ten grand');
    expect(input(wrong, 'reuseChecked').value).toBe(form.reuseChecked);

    const mine = answerCard(await press('request.list', {}), t);
    expect(wordsOf(mine)).toContain('You have not submitted any requests yet.');

    const done = invokeCard(await press('request.submit', { formId, step: 3, ...answers(3) }));
    expect(wordsOf(done)).toMatch(/Submitted as DP-\d{4}-0001/);
    expect(wordsOf(done)).toContain(form.title);
    expect(wordsOf(done)).toContain('Digital Leader for Digital Customers');

    const again = invokeMessage(await press('request.submit', { formId, step: 3, ...answers(3) }));
    expect(again).toMatch(/already submitted as DP-\d{4}-0001/);
    // The whole form pressed again (it would find itself among similar requests), with an answer spoilt, or "anyway".
    for (const data of [{ formId, ...form }, { formId, ...form, title: '' }]) {
      expect(invokeMessage(await press('request.submit', data))).toMatch(/already submitted as DP-\d{4}-0001/);
    }
    expect(invokeMessage(await press('request.confirm', { formId }))).toMatch(/already submitted as DP-\d{4}-0001/);
    expect(await db.read((store) => store.drafts.get(String(formId)))).toBeNull();
  });

  it('goes Back without checking anything, keeping what was typed on every step', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.next').data;
    await press('request.next', { formId, step: 1, ...answers(1, { title: 'School Wi-Fi survey' }) });
    // Half of step 2, not yet valid: Back neither complains nor loses it.
    const back = invokeCard(await press('request.back', { formId, step: 2, principles: '', principlesHow: 'Half-written' }));
    expect(stepOf(back)).toBe('1');
    expect(errorLines(back)).toEqual([]);
    expect(wordsOf(back)).not.toMatch(/Please fix/);
    expect(input(back, 'title').value).toBe('School Wi-Fi survey');
    expect(input(back, 'problem').value).toBe(form.problem);
    expect(input(back, 'beneficiaries').value).toBe(form.beneficiaries);
    const forward = invokeCard(await press('request.next', { formId, step: 1, ...answers(1, { title: 'School Wi-Fi survey' }) }));
    expect(input(forward, 'principlesHow').value).toBe('Half-written');
    // Back as Teams sends it (no inputs, so no check) from step 3, after step 2 was completed.
    await press('request.next', { formId, step: 2, ...answers(2) });
    const fromThree = invokeCard(await press('request.back', { formId, step: 3 }));
    expect(stepOf(fromThree)).toBe('2');
    expect(input(fromThree, 'strand').value).toBe(form.strand);
    expect(input(fromThree, 'principlesHow').value).toBe(form.principlesHow);
    await press('request.discard', { formId });
  });

  it('shows the earliest step with problems when Submit finds them there, keeping the last step', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.next').data;
    const sent = invokeCard(await press('request.submit', { formId, step: 3, ...answers(3, { reuseChecked: 'Checked the national booking service.' }) }));
    expect(stepOf(sent)).toBe('1');
    expect(errorLines(sent)).toEqual(['Enter a title.', 'Enter the problem to solve.', 'Enter the intended outcome for customers.', 'Choose who benefits.']);
    await press('request.next', { formId, step: 1, ...answers(1, { title: 'Street lighting faults online' }) });
    const third = invokeCard(await press('request.next', { formId, step: 2, ...answers(2) }));
    expect(input(third, 'reuseChecked').value).toBe('Checked the national booking service.');
    await press('request.discard', { formId });
  });

  it('lists the request under My requests and opens it with its history', async () => {
    const mine = answerCard(await press('request.list', {}), t);
    expect(wordsOf(mine)).toContain(form.title);
    const reference = String(action(mine, 'request.view').data.reference);
    expect(reference).toMatch(/^DP-\d{4}-0001$/);
    const detail = answerCard(await press('request.view', { reference }), t);
    expect(wordsOf(detail)).toContain(form.reuseChecked);
    expect(wordsOf(detail)).toContain('Submitted');
    action(detail, 'request.withdraw');

    const typed = await t.post(message(reference.toLowerCase(), t.opts));
    expect(typed.status).toBe(200);
    const sent = await t.connector.waitFor((a) => !!a.activity.attachments && wordsOf(attachedCard(a.activity)).includes(form.reuseChecked));
    expect(sent.kind).toBe('reply');
  });

  it("shows someone else's request read-only, without its details or the requester's name", async () => {
    const summary = answerCard(await press('request.view', { reference: 'DP-2026-0001' }, MOCK_USERS.projectLeadLearning2), t);
    expect(wordsOf(summary)).toContain(form.title);
    expect(wordsOf(summary)).toContain('Only the person who submitted this request and the Digital Strategy Group see it in full.');
    expect(wordsOf(summary)).not.toContain(form.reuseChecked);
    expect(wordsOf(summary)).not.toContain(MOCK_USERS.councilOfficer.name);
    expect(() => action(summary, 'request.withdraw')).toThrow();
    const mine = answerCard(await press('request.list', {}, MOCK_USERS.projectLeadLearning2), t);
    expect(wordsOf(mine)).not.toContain(form.title);
  });

  it('shows similar requests after step 3, and submits anyway only when asked', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.next').data;
    await press('request.next', { formId, step: 1, ...answers(1, { title: 'Book bulky uplifts online' }) });
    await press('request.next', { formId, step: 2, ...answers(2) });
    const similar = invokeCard(await press('request.submit', { formId, step: 3, ...answers(3) }));
    expect(wordsOf(similar)).toContain(form.title);
    expect(wordsOf(similar)).toMatch(/DP-\d{4}-0001/);
    const edit = invokeCard(await press('request.edit', { formId }));
    expect(stepOf(edit)).toBe('1');
    expect(input(edit, 'title').value).toBe('Book bulky uplifts online');
    const submitted = invokeCard(await press('request.confirm', { formId }));
    expect(wordsOf(submitted)).toMatch(/Submitted as DP-\d{4}-0002/);
  });

  it('withdraws a similar request before it is stored', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.next').data;
    invokeCard(await press('request.submit', { formId, ...form, title: 'Bulky uplift booking online' }));
    expect(invokeMessage(await press('request.discard', { formId }))).toMatch(/nothing was submitted/);
    expect(invokeMessage(await press('request.confirm', { formId }))).toMatch(/no longer exists/);
    const mine = answerCard(await press('request.list', {}), t);
    expect(wordsOf(mine)).not.toContain('Bulky uplift booking online');
  });

  it('saves the draft as each step is completed, and reopens it at the next step', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.next').data;
    await press('request.next', { formId, step: 1, ...answers(1, { title: 'School Wi-Fi survey', problem: 'Half the classrooms drop off the network.' }) });
    const offer = invokeCard(await press('request.new', {}));
    expect(wordsOf(offer)).toContain('School Wi-Fi survey');
    const resumed = invokeCard(await press('request.edit', { formId: action(offer, 'request.edit').data.formId }));
    expect(stepOf(resumed)).toBe('2');
    expect(action(resumed, 'request.next').data).toEqual({ formId, step: 2 });
    const back = invokeCard(await press('request.back', { formId, step: 2 }));
    expect(input(back, 'problem').value).toBe('Half the classrooms drop off the network.');
    expect(invokeMessage(await press('request.edit', { formId }, MOCK_USERS.dsgChair))).toMatch(/^Sorry, you cannot do that/);
    expect(invokeMessage(await press('request.next', { formId, step: 1, ...answers(1) }, MOCK_USERS.dsgChair))).toMatch(/^Sorry, you cannot do that/);
  });

  it('still takes "Save draft" and the whole form from cards sent before the form had steps', async () => {
    const { formId } = action(invokeCard(await press('request.new', { fresh: true })), 'request.next').data;
    const saved = invokeCard(await press('request.draft', { formId, title: 'Library cards for pupils', problem: 'Half-written' }));
    expect(wordsOf(saved)).toMatch(/Draft saved/);
    const wrong = invokeCard(await press('request.submit', { formId, ...form, title: 'Library cards for pupils', principlesHow: '' }));
    expect(stepOf(wrong)).toBe('2');
    expect(errorLines(wrong)).toEqual(['Enter how it supports those principles.']);
    await press('request.discard', { formId });
  });

  it('lets the requester withdraw once they confirm, and refuses a stale card', async () => {
    const detail = answerCard(await press('request.view', { reference: 'DP-2026-0002' }), t);
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
    const mine = answerCard(await press('request.list', {}), t);
    expect(wordsOf(mine)).toContain(form.title);
    expect(wordsOf(mine)).toMatch(/Withdrawn/);
  });
});
