/**
 * The risks and issues log end to end on the demo programme: a Project Lead adds a risk from the project card (a
 * likelihood outside 1–5 refused under its input with everything typed kept), it scores 20 and goes on the DSG's
 * agenda; a colleague is refused politely (and the refusal audited); a press on an older form is refused saying
 * what changed; and once the review date has passed the owner is reminded and answers on the reminder card.
 */
import { addDays } from '../../src/domain/calendar';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { personalChatId } from './support/activities';
import { action, answerCard, attachedCard, button, executes, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { DSG_ENV, press as pressAs, startDemoDsgBot, submitRequest, triageCardOf, type User, useDsgBot } from './support/dsg';
import { FakeConnector } from './support/fake-connector';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, projectLeadLearning2, projectManagerLearning2 } = MOCK_USERS;
type Json = Record<string, unknown>;
/** What GET /api/meetings says of the next meeting's agenda. */
type MeetingsAgenda = { next: { agenda: { section: string; reference: string | null; title: string; detail?: string }[] } };

jest.setTimeout(60_000);

const AT = '2026-11-27T10:00:00Z';
const TODAY = AT.slice(0, 10);
const DESCRIPTION = 'The booking supplier may not deliver the payments module before the halls reopen';

describe('risks and issues (SQLite)', () => {
  let db: TestDatabase;
  let connector: FakeConnector;
  let t: TestBot;
  let reference: string;

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    // The connector outlives the restart below, when the clock has moved past the review date.
    connector = new FakeConnector();
    await connector.start();
    t = await startDemoDsgBot(db, AT, DSG_ENV, connector);
    reference = await db.read(async (store) => {
      const led = (await store.projects.listWithRequests()).filter(
        (p) => p.project.projectLead?.aadObjectId === projectLeadLearning2.aadObjectId && (p.request.status === 'in-delivery' || p.request.status === 'approved'),
      );
      return led[0].project.reference;
    });
  });
  afterAll(async () => {
    await t?.stop();
    await connector?.stop();
    await db?.dispose();
  });

  const press = (verb: string, data: Json, from: User = projectLeadLearning2) => pressAs(t, verb, data, from);
  const typed = {
    riskKind: 'risk',
    riskDescription: DESCRIPTION,
    riskLikelihood: '7',
    riskImpact: '5',
    riskOwner: projectLeadLearning2.aadObjectId,
    riskMitigation: 'Weekly calls with the supplier; card payments by phone as a fallback',
    riskReviewDate: addDays(TODAY, 1),
  };
  let riskId: string;

  it('refuses a likelihood outside 1–5 under its input, keeping everything typed; then adds the risk scoring 20', async () => {
    const project = answerCard(await press('project.view', { reference }), t);
    expect(wordsOf(project)).toContain('Risks and issues');
    const form = invokeCard(await press('risk.form', button(project, 'Add risk or issue').data));
    const save = action(form, 'risk.add');

    const bad = invokeCard(await press('risk.add', { ...save.data, ...typed }));
    expect(wordsOf(bad)).toContain('Likelihood is a whole number from 1 (rare) to 5 (almost certain).');
    expect(wordsOf(bad)).toContain('Not saved: please fix the problem marked below.');
    for (const [id, value] of Object.entries(typed)) expect(input(bad, id).value).toBe(value);
    expect(await db.read((store) => store.risks.forProject(reference))).not.toContainEqual(expect.objectContaining({ description: DESCRIPTION }));

    const saved = invokeCard(await press('risk.add', { ...action(bad, 'risk.add').data, ...typed, riskLikelihood: '4' }));
    expect(wordsOf(saved)).toContain('Risk added: score 20 (likelihood 4 × impact 5). It scores 15 or more, so it goes on the next DSG agenda.');
    expect(wordsOf(saved)).toContain(DESCRIPTION);
    const stored = (await db.read((store) => store.risks.forProject(reference))).find((e) => e.description === DESCRIPTION)!;
    expect(stored).toMatchObject({ kind: 'risk', likelihood: 4, impact: 5, owner: { aadObjectId: projectLeadLearning2.aadObjectId }, status: 'open', version: 1 });
    riskId = stored.id;
  });

  it('puts the risk on the DSG agenda drafted for the next meeting, under its project', async () => {
    const title = (await db.read((store) => store.requests.getByReference(reference)))!.title;
    const agenda = invokeCard(await press('agenda.show', {}, dsgChair));
    const count = Number(/Drafted from the Digital Programme on 27 Nov 2026: (\d+) items/.exec(wordsOf(agenda))![1]);
    // The card shows as many items as fit (the demo's agenda is long) and says where they are all listed: the
    // Meetings page of the Programme tab, read here as the chair signed in.
    const res = await fetch(`${t.bot.url}/api/meetings`, { headers: { 'x-demo-user': dsgChair.aadObjectId } });
    const { next } = (await res.json()) as MeetingsAgenda;
    expect(next.agenda).toHaveLength(count);
    const item = next.agenda.find((i) => i.section === 'Risk or issue scoring 15 or more' && i.reference === reference);
    expect(item).toEqual({ section: 'Risk or issue scoring 15 or more', reference, title, detail: expect.stringContaining(`Risk scoring 20: "${DESCRIPTION}" (Project Lead (Learning) 2)`) });
    expect(wordsOf(agenda)).toMatch(/\d+ more items? (is|are) not shown here: the Programme tab's Meetings page lists them all\./);
    // The public Meetings page names the project, never the risk's words or its owner.
    const open = (await (await fetch(`${t.bot.url}/api/meetings`)).json()) as MeetingsAgenda;
    expect(open.next.agenda.find((i) => i.section === 'Risk or issue scoring 15 or more' && i.reference === reference)).toEqual({ section: 'Risk or issue scoring 15 or more', reference, title });
  });

  it('refuses a colleague who is none of the project’s people, politely, and audits the refusal', async () => {
    expect(invokeMessage(await press('risk.form', { reference }, councilOfficer))).toMatch(/^Sorry, you cannot do that\. Only the Project Lead, the Project Manager, the Digital Leader, the DSG chair and admins can add to the risks and issues/);
    expect(invokeMessage(await press('risk.edit', { reference, riskId, version: 1, ...typed, riskLikelihood: '1' }, councilOfficer))).toMatch(/^Sorry, you cannot do that\. Only Project Lead \(Learning\) 2, who owns this risk/);
    const events = await db.read((store) => store.audit.listFor('request', reference));
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: councilOfficer.id, action: 'risk.add', outcome: 'refused' }), expect.objectContaining({ actorId: councilOfficer.id, action: 'risk.edit', outcome: 'refused' })]));
    expect((await db.read((store) => store.risks.get(riskId)))?.likelihood).toBe(4);
  });

  it('refuses a press on an older form, saying what changed since and who changed it, and shows the entry as it is', async () => {
    const project = answerCard(await press('project.view', { reference }, projectManagerLearning2), t);
    const mine = executes(project).find((a) => a.verb === 'risk.form' && a.data.riskId === riskId)!;
    const managers = invokeCard(await press('risk.form', mine.data, projectManagerLearning2));
    const leads = invokeCard(await press('risk.form', mine.data));
    expect(input(managers, 'riskLikelihood').value).toBe('4');

    const saved = invokeCard(await press('risk.edit', { ...action(managers, 'risk.edit').data, ...typed, riskLikelihood: '3' }, projectManagerLearning2));
    expect(wordsOf(saved)).toContain('Saved (likelihood 4 → 3): score 15 (likelihood 3 × impact 5).');

    const stale = invokeCard(await press('risk.edit', { ...action(leads, 'risk.edit').data, ...typed, riskLikelihood: '2' }));
    expect(wordsOf(stale)).toMatch(/This card is out of date\. This risk was changed since you opened it: likelihood 4 → 3, by Project Manager \(Learning\) 2 on 27 Nov 2026, \d\d:\d\d\. Nothing was saved; here it is as it is now\./);
    expect(input(stale, 'riskLikelihood').value).toBe('3');
    expect((await db.read((store) => store.risks.get(riskId)))?.likelihood).toBe(3);
  });

  it('reminds the owner once the review date has passed, and takes the answers inline: Update (a bad score refused), then Reviewed, no change', async () => {
    await t.stop();
    const later = `${addDays(TODAY, 3)}T10:00:00Z`;
    t = await startTestBot(db, DSG_ENV, connector, later);
    expect(invokeMessage(await press('reminders.run', {}, dsgAdmin))).toMatch(/^Reminders queued/);
    const sent = await connector.waitFor((a) => a.conversationId === personalChatId(projectLeadLearning2) && wordsOf(a.activity).includes(DESCRIPTION), 40_000);
    const reminder = attachedCard(sent.activity);
    expect(wordsOf(reminder)).toContain(`Review the risk "${DESCRIPTION}": score 15 (likelihood 3 × impact 5), review date 28 Nov 2026.`);
    const reviewed = executes(reminder).find((a) => a.verb === 'reminder.risk-reviewed' && a.data.itemKey === `${reference}:risk-review:${riskId}`)!;
    const item = Number(reviewed.data.item);
    const update = executes(reminder).find((a) => a.verb === 'reminder.risk-update' && Number(a.data.item) === item)!;
    expect(input(reminder, `i${item}_riskLikelihood`).value).toBe('3');

    const bad = invokeCard(await press('reminder.risk-update', { ...update.data, [`i${item}_riskLikelihood`]: '0', [`i${item}_riskImpact`]: '5', [`i${item}_riskReviewDate`]: addDays(TODAY, 30) }));
    expect(wordsOf(bad)).toContain('Likelihood is a whole number from 1 (rare) to 5 (almost certain).');
    expect(input(bad, `i${item}_riskLikelihood`).value).toBe('0');
    expect(input(bad, `i${item}_riskReviewDate`).value).toBe(addDays(TODAY, 30));

    const answered = invokeCard(await press('reminder.risk-reviewed', reviewed.data));
    expect(wordsOf(answered)).toContain(`Reviewed: "${DESCRIPTION}" is unchanged; next review 28 Dec 2026.`);
    expect(executes(answered).some((a) => a.verb === 'reminder.risk-reviewed' && Number(a.data.item) === item)).toBe(false);
    expect(await db.read((store) => store.risks.get(riskId))).toMatchObject({ reviewDate: addDays(addDays(TODAY, 3), 28), likelihood: 3, version: 3 });

    // Pressed again from the card as it was: the entry moved on, so the answer is refused and nothing changes.
    const again = invokeCard(await press('reminder.risk-close', reviewed.data));
    expect(wordsOf(again)).toMatch(/out of date|changed since/);
    expect((await db.read((store) => store.risks.get(riskId)))?.status).toBe('open');
  });

  it('tells a new owner in personal chat when the entry is given to them', async () => {
    const project = answerCard(await press('project.view', { reference }), t);
    const edit = executes(project).find((a) => a.verb === 'risk.form' && a.data.riskId === riskId)!;
    const form = invokeCard(await press('risk.form', edit.data));
    const saved = invokeCard(await press('risk.edit', { ...action(form, 'risk.edit').data, ...typed, riskLikelihood: '3', riskReviewDate: addDays(TODAY, 40), riskOwner: projectManagerLearning2.aadObjectId }));
    expect(wordsOf(saved)).toMatch(/Saved \(owner now Project Manager \(Learning\) 2, review date/);
    const told = await connector.waitFor((a) => a.conversationId === personalChatId(projectManagerLearning2) && wordsOf(a.activity).includes(`You own a risk: ${reference}`), 30_000);
    expect(wordsOf(told.activity)).toContain(`Project Lead (Learning) 2 made you the owner of a risk of`);
    expect(wordsOf(told.activity)).toContain(DESCRIPTION);
  });
});

describe('a risk scoring 20 on the agenda card (a new programme, where the card shows every item)', () => {
  const running = useDsgBot('sqlite');

  it('is drafted onto the agenda the chair opens, naming the risk, its score and owner', async () => {
    const t = running.t;
    const reference = await submitRequest(t, councilOfficer, 'Online booking for community halls');
    let triage = attachedCard((await t.connector.waitFor(triageCardOf(reference))).activity);
    triage = invokeCard(await pressAs(t, 'request.approve', { ...action(triage, 'request.approve').data, priority: 'high', isPriority: 'false' }, dsgChair));
    invokeCard(await pressAs(t, 'request.assign', { ...action(triage, 'request.assign').data, projectLead: projectLeadLearning2.aadObjectId, projectManager: projectManagerLearning2.aadObjectId }, dsgChair));
    const project = answerCard(await pressAs(t, 'project.view', { reference }, projectLeadLearning2), t);
    const form = invokeCard(await pressAs(t, 'risk.form', button(project, 'Add risk or issue').data, projectLeadLearning2));
    const today = new Date().toISOString().slice(0, 10);
    const values = { riskKind: 'risk', riskDescription: DESCRIPTION, riskLikelihood: '4', riskImpact: '5', riskOwner: projectLeadLearning2.aadObjectId, riskMitigation: '', riskReviewDate: addDays(today, 14) };
    expect(wordsOf(invokeCard(await pressAs(t, 'risk.add', { ...action(form, 'risk.add').data, ...values }, projectLeadLearning2)))).toContain('It scores 15 or more, so it goes on the next DSG agenda.');

    const words = wordsOf(invokeCard(await pressAs(t, 'agenda.show', {}, dsgChair)));
    expect(words).toContain('Risk or issue scoring 15 or more');
    expect(words).toContain(`Risk scoring 20: "${DESCRIPTION}" (Project Lead (Learning) 2)`);
    expect(words).not.toMatch(/not shown here/);
  });
});
