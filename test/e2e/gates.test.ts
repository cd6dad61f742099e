/**
 * Stage gates end to end, POSTing real activities to the running bot: a project's lead asks for the discovery →
 * alpha gate and the DSG passes it; the lead asks for alpha → beta from the project card (a required criterion
 * without evidence is refused naming it, with what was typed kept; a form drawn for an earlier stage is refused
 * saying what changed); the request is posted to the DSG channel and goes on the agenda; someone outside the DSG
 * is refused (audited), and so is the lead deciding their own gate; a DSG member passes it with one condition;
 * the lead is told; the project is at beta; the condition's owner is chased by the reminder run and marks it
 * done inline. On SQLite and on PostgreSQL.
 */
import { DEFAULT_SERVICE_STANDARD, gateFrom } from '../../src/domain/stages';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { message, personalChatId } from './support/activities';
import { action, answerCard, attachedCard, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { eventually, press, startDemoDsgBot, submitRequest, triageCardOf, useDsgBot } from './support/dsg';
import { ENGINES, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, digitalLeaderCustomers, projectLeadLearning2, projectManagerLearning2 } = MOCK_USERS;
const inFortnight = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const evidence = (ids: string[]): Record<string, string> => Object.fromEntries(ids.map((id) => [`evidence_${id}`, `https://council.sharepoint.example/sites/uplifts/${id}.docx`]));
const ALPHA_TO_BETA_REQUIRED = ['users', 'whole-problem', 'joined-up', 'first-time', 'everyone', 'team', 'secure'];

describe.each(ENGINES)('stage gates on %s', (engine) => {
  const running = useDsgBot(engine);
  let reference: string;

  /** The gate card the DSG channel was sent for the request asked for last. */
  const postedGate = async (title: string) => {
    const post = await running.t.connector.waitFor((a) => a.kind === 'new' && !!a.activity.attachments && wordsOf(attachedCard(a.activity)).includes(`Stage gate: ${title}`) && wordsOf(attachedCard(a.activity)).includes(reference), 20_000);
    return attachedCard(post.activity);
  };

  it('lets the lead ask for discovery → alpha, and the DSG pass it', async () => {
    const { t } = running;
    // The condition's owner, later: someone in the council the bot knows, not in the DSG.
    await t.post(message('hi', { ...t.opts, from: projectManagerLearning2 }));
    reference = await submitRequest(t, councilOfficer, 'Online booking for bulky uplifts');
    const triage = attachedCard((await t.connector.waitFor(triageCardOf(reference), 10_000)).activity);
    const approved = invokeCard(await press(t, 'request.approve', { ...action(triage, 'request.approve').data, priority: 'high', isPriority: 'false' }, dsgChair, true));
    invokeCard(await press(t, 'request.assign', { ...action(approved, 'request.assign').data, projectLead: projectLeadLearning2.aadObjectId }, dsgChair, true));

    const project = answerCard(await press(t, 'project.view', { reference }, projectLeadLearning2), t);
    expect(wordsOf(project)).toMatch(/Stage\nDiscovery/);
    const form = answerCard(await press(t, 'gate.form', action(project, 'gate.form').data, projectLeadLearning2), t);
    expect(wordsOf(form)).toContain('Stage gate: Discovery → Alpha');
    const sent = invokeCard(await press(t, 'gate.request', { ...action(form, 'gate.request').data, ...evidence(['users', 'whole-problem', 'team']) }, projectLeadLearning2));
    expect(wordsOf(sent)).toContain('The Discovery → Alpha gate request was sent to the DSG');

    const posted = await postedGate('Discovery → Alpha');
    const passed = invokeCard(await press(t, 'gate.decide', { ...action(posted, 'gate.decide').data, outcome: 'pass' }, dsgChair, true));
    expect(wordsOf(passed)).toMatch(/Decision: Pass \(DSG Chair, /);
    expect(await running.db.read((store) => store.gates.stageOf(reference))).toMatchObject({ stage: 'alpha' });
  }, 60_000);

  it('refuses an alpha → beta request without evidence for a required criterion, naming it and keeping what was typed', async () => {
    const { t } = running;
    const project = answerCard(await press(t, 'project.view', { reference }, projectLeadLearning2), t);
    expect(action(project, 'gate.form').title).toBe('Request gate: Alpha → Beta');
    const form = answerCard(await press(t, 'gate.form', { reference }, projectLeadLearning2), t);
    const typed: Record<string, string> = { ...evidence(ALPHA_TO_BETA_REQUIRED.filter((id) => id !== 'everyone')), evidence_iterate: 'not a link', gateNote: 'Alpha tested with 12 residents' };
    const refused = invokeCard(await press(t, 'gate.request', { ...action(form, 'gate.request').data, ...typed }, projectLeadLearning2));
    const words = wordsOf(refused);
    expect(words).toContain('Evidence for "5. Make sure everyone can use the service" is required at the Alpha → Beta gate: give a link to it.');
    expect(words).toContain('Enter the evidence for "7. Iterate and improve frequently" as a full https:// address.');
    expect(input(refused, 'evidence_users').value).toBe(typed['evidence_users']);
    expect(input(refused, 'gateNote').value).toBe('Alpha tested with 12 residents');
    expect(await running.db.read((store) => store.gates.pending())).toEqual([]);

    // A form drawn for discovery, sent now the project is at alpha: refused, saying what changed.
    const stale = wordsOf(invokeCard(await press(t, 'gate.request', { reference, from: 'discovery', ...evidence(['users', 'whole-problem', 'team']) }, projectLeadLearning2)));
    expect(stale).toMatch(new RegExp(`This card is out of date\\. ${reference} moved to Alpha on .* since this form was drawn`));
  });

  it('sends the alpha → beta request with evidence to the DSG channel and the agenda', async () => {
    const { t } = running;
    const form = answerCard(await press(t, 'gate.form', { reference }, projectLeadLearning2), t);
    const sent = invokeCard(await press(t, 'gate.request', { ...action(form, 'gate.request').data, ...evidence(ALPHA_TO_BETA_REQUIRED), gateNote: 'Ready for a public beta' }, projectLeadLearning2));
    expect(wordsOf(sent)).toContain('The Alpha → Beta gate request was sent to the DSG');
    expect(wordsOf(sent)).toMatch(/Alpha → Beta: asked for on .*, waiting for the DSG/);
    const posted = await postedGate('Alpha → Beta');
    expect(wordsOf(posted)).toContain('Ready for a public beta');
    expect(wordsOf(posted)).toContain('5. Make sure everyone can use the service');
    const agenda = wordsOf(invokeCard(await press(t, 'agenda.show', {}, digitalLeaderCustomers, true)));
    expect(agenda).toContain('Stage gate to decide');
    expect(agenda).toContain('Alpha → Beta gate, asked for by Project Lead (Learning) 2');
  });

  it('politely refuses someone outside the DSG, and the lead deciding their own gate, on the record', async () => {
    const { t } = running;
    const posted = await postedGate('Alpha → Beta');
    const decide = action(posted, 'gate.decide').data;
    expect(invokeMessage(await press(t, 'gate.decide', { ...decide, outcome: 'pass' }, councilOfficer, true))).toBe(
      `Sorry, you cannot do that. Only members of the Digital Strategy Group can decide the gates of projects. The Alpha → Beta gate of ${reference} waits for them.`,
    );
    expect(invokeMessage(await press(t, 'gate.decide', { ...decide, outcome: 'pass' }, projectLeadLearning2, true))).toMatch(/You asked for the Alpha → Beta gate .* so another member of the DSG must decide it/);
    const refused = (await running.db.read((store) => store.audit.listFor('request', reference))).filter((e) => e.action === 'gate.decide' && e.outcome === 'refused');
    expect(refused.map((e) => e.actorName)).toEqual([councilOfficer.name, projectLeadLearning2.name]);
    expect(await running.db.read((store) => store.gates.stageOf(reference))).toMatchObject({ stage: 'alpha' });
  });

  it('lets a DSG member pass it with one condition: a past date is a field error that keeps what was typed; the lead is told', async () => {
    const { t } = running;
    const posted = await postedGate('Alpha → Beta');
    const decide = { ...action(posted, 'gate.decide').data, outcome: 'pass-with-conditions', c1What: 'Publish the accessibility statement', c1Owner: projectManagerLearning2.aadObjectId };
    const again = invokeCard(await press(t, 'gate.decide', { ...decide, c1Due: yesterday() }, digitalLeaderCustomers, true));
    expect(wordsOf(again)).toMatch(/The due date is in the past: choose .* or later\./);
    expect(input(again, 'c1What').value).toBe('Publish the accessibility statement');

    const passed = invokeCard(await press(t, 'gate.decide', { ...decide, c1Due: inFortnight() }, digitalLeaderCustomers, true));
    expect(wordsOf(passed)).toMatch(/Decision: Pass with conditions \(Digital Leader \(Customers\), /);
    expect(wordsOf(passed)).toContain('Condition: Publish the accessibility statement: Project Manager (Learning) 2, due ');
    expect(await running.db.read((store) => store.gates.stageOf(reference))).toMatchObject({ stage: 'beta' });
    // The same card pressed again: it was decided, and says by whom.
    expect(wordsOf(invokeCard(await press(t, 'gate.decide', { ...decide, c1Due: inFortnight() }, dsgChair, true)))).toMatch(/already decided: Pass with conditions, by Digital Leader \(Customers\)/);

    await t.connector.waitFor((a) => a.conversationId === personalChatId(projectLeadLearning2) && wordsOf(a.activity).includes(`Pass with conditions: ${reference} Alpha → Beta`), 10_000);
    // The card posted in the DSG channel is updated through the outbox, for everyone there.
    await t.connector.waitFor((a) => a.kind === 'update' && !!a.activity.attachments && /Stage gate: Alpha → Beta[\s\S]*Decision: Pass with conditions/.test(wordsOf(attachedCard(a.activity))), 20_000);
    const card = answerCard(await press(t, 'project.view', { reference }, projectLeadLearning2), t);
    expect(wordsOf(card)).toMatch(/Stage\nBeta, since/);
    expect(wordsOf(card)).toContain('Condition: Publish the accessibility statement');
  });

  it("chases the condition's owner at the reminder run, who marks it done inline", async () => {
    const { t } = running;
    expect(invokeMessage(await press(t, 'reminders.run', {}, dsgAdmin))).toMatch(/Reminders queued/);
    const reminder = await t.connector.waitFor((a) => !!a.activity.attachments && /Gate condition: Publish the accessibility statement/.test(wordsOf(attachedCard(a.activity))), 10_000);
    expect(reminder.conversationId).toBe(personalChatId(projectManagerLearning2));
    const card = attachedCard(reminder.activity);
    expect(invokeMessage(await press(t, 'reminder.action-done', action(card, 'reminder.action-done').data, councilOfficer))).toMatch(/This reminder was sent to someone else/);
    const done = invokeCard(await press(t, 'reminder.action-done', action(card, 'reminder.action-done').data, projectManagerLearning2));
    expect(wordsOf(done)).toContain('Done: Publish the accessibility statement.');
    await eventually(async () => (await running.db.read((store) => store.gates.openConditions())).length === 0, 'the condition done');
  }, 30_000);

  it('puts the next request on the meeting agenda, where a DSG member decides it and the meeting records it against the item', async () => {
    const { t } = running;
    const form = answerCard(await press(t, 'gate.form', { reference }, projectLeadLearning2), t);
    const all = gateFrom(DEFAULT_SERVICE_STANDARD, 'beta')!.required;
    invokeCard(await press(t, 'gate.request', { ...action(form, 'gate.request').data, ...evidence(all) }, projectLeadLearning2));
    const [waiting] = await running.db.read((store) => store.gates.pending());
    const started = invokeCard(await press(t, 'meeting.start', {}, dsgAdmin, true));
    const meetingId = String(action(started, 'meeting.here').data.meetingId);
    const itemId = `gate-request:${waiting.id}`;
    const item = answerCard(await press(t, 'meeting.item', { meetingId, itemId }, dsgAdmin, true), t);
    expect(wordsOf(item)).toContain('Stage gate to decide');
    const gate = answerCard(await press(t, 'gate.show', action(item, 'gate.show').data, digitalLeaderCustomers, true), t);
    expect(wordsOf(gate)).toContain('Stage gate: Beta → Live');
    const notYet = invokeCard(await press(t, 'gate.decide', { ...action(gate, 'gate.decide').data, outcome: 'not-yet', decisionNote: 'Show the load test results first' }, digitalLeaderCustomers, true));
    expect(wordsOf(notYet)).toMatch(/Decision: Not yet \(Digital Leader \(Customers\), /);
    const meeting = await running.db.read((store) => store.meetings.get(meetingId));
    expect(meeting!.outcomes[itemId]).toMatchObject({ kind: 'gate', outcome: 'not-yet', note: 'Show the load test results first', by: 'Digital Leader (Customers)' });
    expect(await running.db.read((store) => store.gates.stageOf(reference))).toMatchObject({ stage: 'beta' });
    // The request's card in the DSG channel shows the decision taken at the meeting: updated, or, when the decision came
    // before the outbox posted it, posted already showing it.
    await t.connector.waitFor((a) => (a.kind === 'update' || a.kind === 'new') && !!a.activity.attachments && /Stage gate: Beta → Live[\s\S]*Decision: Not yet/.test(wordsOf(attachedCard(a.activity))), 20_000);
    const again = invokeCard(await press(t, 'meeting.item', { meetingId, itemId, here: true }, dsgAdmin, true));
    expect(wordsOf(again)).toContain('Gate: Not yet (Digital Leader (Customers)): Show the load test results first');
  }, 30_000);
});

describe('the walk on the demo programme (SQLite): Done means, item 3', () => {
  let db: TestDatabase;
  let t: TestBot;

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    t = await startDemoDsgBot(db, new Date().toISOString());
    for (const from of [projectLeadLearning2, projectManagerLearning2]) await t.post(message('hi', { ...t.opts, from }));
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  it('the lead asks for alpha → beta with evidence, a DSG member passes it with one condition, and its owner is chased', async () => {
    // The demo gives Project Lead (Learning) 2 a project at alpha with nothing waiting.
    const reference = await db.read(async (store) => {
      const stages = new Map((await store.gates.stages()).map((s) => [s.reference, s.stage]));
      const pending = new Set((await store.gates.pending()).map((g) => g.reference));
      const led = (await store.projects.listWithRequests()).find((p) => p.project.projectLead?.aadObjectId === projectLeadLearning2.aadObjectId && stages.get(p.project.reference) === 'alpha' && !pending.has(p.project.reference));
      return led!.project.reference;
    });
    const project = answerCard(await press(t, 'project.view', { reference }, projectLeadLearning2), t);
    expect(wordsOf(project)).toMatch(/Stage\nAlpha, since /);
    expect(wordsOf(project)).toMatch(/Discovery → Alpha: Pass \(/);
    const form = answerCard(await press(t, 'gate.form', action(project, 'gate.form').data, projectLeadLearning2), t);
    const sent = invokeCard(await press(t, 'gate.request', { ...action(form, 'gate.request').data, ...evidence(ALPHA_TO_BETA_REQUIRED) }, projectLeadLearning2));
    expect(wordsOf(sent)).toContain('The Alpha → Beta gate request was sent to the DSG');

    // What the gate card's Record decision sends (the card itself waits its turn behind the demo's twelve triage cards).
    const [waiting] = (await db.read((store) => store.gates.pending())).filter((g) => g.reference === reference);
    const decide = { gateId: waiting.id, version: waiting.version, meetingId: '', itemId: '', outcome: 'pass-with-conditions', c1What: 'Run the accessibility audit', c1Owner: projectManagerLearning2.aadObjectId, c1Due: inFortnight() };
    expect(wordsOf(invokeCard(await press(t, 'gate.decide', decide, dsgChair, true)))).toMatch(/Decision: Pass with conditions \(DSG Chair, /);

    expect(invokeMessage(await press(t, 'reminders.run', {}, dsgAdmin))).toMatch(/Reminders queued/);
    const chased = await t.connector.waitFor((a) => a.conversationId === personalChatId(projectManagerLearning2) && !!a.activity.attachments && wordsOf(attachedCard(a.activity)).includes('Gate condition: Run the accessibility audit'), 20_000);
    expect(wordsOf(attachedCard(chased.activity))).toContain(reference);
  }, 60_000);
});
