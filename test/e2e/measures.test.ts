/**
 * Outcome measures end to end on the demo programme: a Project Lead adds a measure on the project card (problems
 * named under each input, what was typed kept), records figures and sees the trend and "on track" or "off track";
 * others are refused (and the refusal audited), and a press on an older card changes nothing; a figure the reminder
 * card asks for is answered or snoozed there.
 */
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import type { Store } from '../../src/app/ports';
import { openStore } from '../../src/storage/open-store';
import { invokeAction, personalChatId } from './support/activities';
import { action, answerCard, attachedCard, button, executes, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { SAMPLE_MEASURE_VALUES } from '../support/sample-measure';
import { startDemoDsgBot } from './support/dsg';
import { TestDatabase, type TestBot } from './support/test-bot';

const { councilOfficer, dsgChair, projectLeadLearning2 } = MOCK_USERS;
type User = (typeof MOCK_USERS)[keyof typeof MOCK_USERS];
type Json = Record<string, unknown>;

/** Every element of a card with its type, for finding the chart and its facts. */
function elements(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => elements(v, out));
  }
  return out;
}

describe('outcome measures on the project card (SQLite)', () => {
  let db: TestDatabase;
  let t: TestBot;
  let reference: string;

  beforeAll(async () => {
    db = await TestDatabase.create('sqlite');
    t = await startDemoDsgBot(db, '2026-11-27T10:00:00Z');
    const store = await openStore({ databaseUrl: null, sqlitePath: db.env.SQLITE_PATH });
    try {
      const led = (await store.projects.listWithRequests()).filter(
        (p) => p.project.projectLead?.aadObjectId === projectLeadLearning2.aadObjectId && p.request.status !== 'completed' && p.project.measures.length === 0,
      );
      reference = led[0].project.reference;
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await t?.stop();
    await db?.dispose();
  });

  const press = async (verb: string, data: Json, from: User = projectLeadLearning2) => {
    const res = await t.post(invokeAction(verb, data, { ...t.opts, from }));
    expect(res.status).toBe(200);
    return res.body;
  };
  const good = { ...SAMPLE_MEASURE_VALUES, measureName: 'Bookings made online' };

  let card: Json;
  /** The lead's reminder card as the last press on it left it. */
  let reminderCard: Json;

  it('adds a measure: a problem comes back under its input with everything typed kept, then it is saved', async () => {
    card = answerCard(await press('project.view', { reference }), t);
    expect(wordsOf(card)).toContain('No measures yet.');
    card = invokeCard(await press('measure.form', button(card, 'Add measure').data));
    const save = action(card, 'measure.add');

    const bad = invokeCard(await press('measure.add', { ...save.data, ...good, targetValue: '30' }));
    expect(wordsOf(bad)).toContain('Higher is better, so the target should be at or above the baseline.');
    expect(wordsOf(bad)).toContain('Not saved. Fix the problem marked in the measure form.');
    expect(input(bad, 'measureName').value).toBe('Bookings made online');
    expect(input(bad, 'targetValue').value).toBe('30');

    card = invokeCard(await press('measure.add', { ...save.data, ...good }));
    expect(wordsOf(card)).toContain('Measure added: Bookings made online.');
    expect(wordsOf(card)).toContain('No figures yet');
  });

  it('records figures from the card: the chart and the facts carry the same numbers, off track then on track', async () => {
    card = invokeCard(await press('measure.form', button(card, 'Record figure').data));
    expect(input(card, 'figurePeriod').value).toBe('2026-Q2'); // the quarter closed last
    const save = action(card, 'measure.record');

    const typo = invokeCard(await press('measure.record', { ...save.data, figurePeriod: '2026-Q2', figureValue: 'fifty' }));
    expect(wordsOf(typo)).toContain('Enter the figure as a number, like 42 or 3.5.');

    // 30 September is half-way from 40% to 80%: 50% is off track.
    card = invokeCard(await press('measure.record', { ...save.data, figurePeriod: '2026-Q2', figureValue: '50' }));
    expect(wordsOf(card)).toContain('Figure recorded: Bookings made online, Q2 2026/27 (Jul–Sep 2026): 50.');
    expect(wordsOf(card)).toContain('Off track');
    const chart = elements(card).find((e) => e.type === 'Chart.Line')!;
    expect(chart.data).toEqual([
      { legend: 'Figures', values: [{ x: '2026-04-01', y: 40 }, { x: '2026-09-30', y: 50 }] },
      { legend: 'Path to target', values: [{ x: '2026-04-01', y: 40 }, { x: '2027-03-31', y: 80 }] },
    ]);
    const facts = elements(card).find((e) => e.id === `${String(chart.id)}-text`)!.facts;
    expect(facts).toEqual(expect.arrayContaining([{ title: 'Q2 2026/27 (Jul–Sep 2026)', value: '50%' }, { title: 'Target', value: '80% by 31 Mar 2027' }]));

    // A correction for the same quarter replaces the figure.
    card = invokeCard(await press('measure.form', button(card, 'Record figure').data));
    card = invokeCard(await press('measure.record', { ...action(card, 'measure.record').data, figurePeriod: '2026-Q2', figureValue: '66' }));
    expect(wordsOf(card)).toContain('On track');
    expect(elements(card).find((e) => e.type === 'Chart.Line')!.data).toMatchObject([{ values: [{ y: 40 }, { y: 66 }] }, {}]);
  });

  it('records a benefit that is not cash, shown by the measure, through Record benefit (a measure not of the project is refused, what was typed kept)', async () => {
    const measureId = String((input(card, 'benefitMeasure').choices as { title: string; value: string }[]).find((c) => c.title === 'Bookings made online')!.value);
    const save = action(card, 'benefit.record').data;
    const typed = { benefitYear: '2026/27', cashSaving: '', benefitNote: 'Residents book at any hour' };
    const wrong = invokeCard(await press('benefit.record', { ...save, ...typed, benefitMeasure: 'not-a-measure' }));
    expect(wordsOf(wrong)).toContain(`That measure is no longer part of ${reference}: choose another, or none.`);
    expect(input(wrong, 'benefitNote').value).toBe('Residents book at any hour');
    card = invokeCard(await press('benefit.record', { ...save, ...typed, benefitMeasure: measureId }));
    expect(wordsOf(card)).toContain('Benefit recorded: a benefit that is not cash in 2026/27, shown by Bookings made online.');
    expect(wordsOf(card)).toMatch(/2026\/27, not cash: \nResidents book at any hour \(shown by Bookings made online\)/);
  });

  it('refuses a colleague (audited), answers an older card with the card as it is now, and lets the chair edit but not record', async () => {
    const older = { reference, version: 1, measureId: 'anything' };
    expect(invokeMessage(await press('measure.record', { ...older, figurePeriod: '2026-Q2', figureValue: '99' }, councilOfficer))).toMatch(
      /^Sorry, you cannot do that\. Only the Project Lead and the Project Manager can record the figures/,
    );
    const stale = invokeCard(await press('measure.record', { ...older, figurePeriod: '2026-Q2', figureValue: '99' }));
    expect(wordsOf(stale)).toMatch(/was changed by someone else since this card was sent/);
    expect(wordsOf(stale)).toContain('On track');

    const chairs = answerCard(await press('project.view', { reference }, dsgChair), t);
    expect(executes(chairs).map((a) => a.title)).toEqual(expect.arrayContaining(['Edit measure', 'Add measure']));
    expect(executes(chairs).map((a) => a.title)).not.toContain('Record figure');
    let edit = invokeCard(await press('measure.form', button(chairs, 'Edit measure').data, dsgChair));
    expect(input(edit, 'measureName').value).toBe('Bookings made online');
    edit = invokeCard(await press('measure.edit', { ...action(edit, 'measure.edit').data, ...good, targetValue: '90' }, dsgChair));
    expect(wordsOf(edit)).toContain('Measure saved: Bookings made online.');
    expect(wordsOf(edit)).toContain('90% by 31 Mar 2027');

    const history = answerCard(await press('history.show', { reference }, dsgChair), t);
    expect(wordsOf(history)).toMatch(/Measure figure recorded/);
  });

  it('asks the lead for a closed month’s figure in the reminder card, answered there, and the card then says done', async () => {
    let card = answerCard(await press('project.view', { reference }), t);
    card = invokeCard(await press('measure.form', button(card, 'Add measure').data));
    const monthly = { ...good, measureName: 'Calls about bookings', measureKind: 'other', measureUnit: 'calls', baselineValue: '900', targetValue: '600', measureDirection: 'lower', measureFrequency: 'monthly' };
    card = invokeCard(await press('measure.add', { ...action(card, 'measure.add').data, ...monthly }));
    expect(wordsOf(card)).toContain('Measure added: Calls about bookings.');
    // A second monthly measure, added after it: its item comes second on the card, and the next test snoozes it.
    card = invokeCard(await press('measure.form', button(card, 'Add measure').data));
    card = invokeCard(await press('measure.add', { ...action(card, 'measure.add').data, ...monthly, measureName: 'Complaints about bookings', measureUnit: 'complaints', baselineValue: '40', targetValue: '10' }));
    expect(wordsOf(card)).toContain('Measure added: Complaints about bookings.');

    expect(invokeMessage(await press('reminders.run', {}, MOCK_USERS.dsgAdmin))).toMatch(/^Reminders queued/);
    const asked = 'Record the figure for "Calls about bookings" for Oct 2026 (in calls).';
    const sent = await t.connector.waitFor((a) => a.conversationId === personalChatId(projectLeadLearning2) && wordsOf(a.activity).includes('need your attention'), 30_000);
    expect(wordsOf(sent.activity)).toContain(asked);
    const reminder = attachedCard(sent.activity);
    const record = executes(reminder).find((a) => a.verb === 'reminder.measure-figure')!;
    const item = Number(record.data.item);

    const typo = invokeCard(await press('reminder.measure-figure', { ...record.data, [`i${item}_figureValue`]: 'lots' }));
    expect(wordsOf(typo)).toContain('Enter the figure as a number, like 42 or 3.5.');
    const answered = invokeCard(await press('reminder.measure-figure', { ...record.data, [`i${item}_figureValue`]: '850' }));
    reminderCard = answered;
    expect(wordsOf(answered)).toContain('Figure recorded: Calls about bookings, Oct 2026: 850.');
    expect(executes(answered).some((a) => a.verb === 'reminder.measure-figure' && Number(a.data.item) === item)).toBe(false);
    // The path from 900 (April) to 600 (March) expects about 725 at the end of October: 850 is off track.
    const words = wordsOf(answerCard(await press('project.view', { reference }), t));
    expect(words).toMatch(/Calls about bookings\s+·+\s+Off track/);
    expect(words).toMatch(/Path expects\s+724\\?\.45 calls by 31 Oct 2026/);
  });

  it('snoozes a figure the reminder card asks for: its recipient only, for 7 days, once however often it is pressed, audited', async () => {
    // The second measure's October figure is still to be recorded: its item is on the same card.
    expect(wordsOf(reminderCard)).toContain('Record the figure for "Complaints about bookings" for Oct 2026 (in complaints).');
    const snooze = executes(reminderCard).find((a) => a.verb === 'reminder.snooze' && String(a.data.itemKey).includes(':measure-figure:'));
    expect(snooze).toBeDefined();
    const { itemKey, item } = snooze!.data;
    const data = { ...snooze!.data, [`i${String(item)}_snoozeReason`]: 'Waiting for the complaints team’s figures.' };
    expect(invokeMessage(await press('reminder.snooze', data, councilOfficer))).toBe(
      'Sorry, you cannot do that. This reminder was sent to someone else: only they can answer or snooze it.',
    );
    const snoozed = invokeCard(await press('reminder.snooze', data));
    expect(wordsOf(snoozed)).toContain('Snoozed until 4 Dec 2026.');
    // Snoozed items offer nothing more until then; a second press (the card open twice) is the same one snooze.
    expect(executes(snoozed).filter((a) => a.data.itemKey === itemKey)).toEqual([]);
    expect(wordsOf(invokeCard(await press('reminder.snooze', data)))).toContain('Already snoozed until 4 Dec 2026.');

    const states = await db.read(async (store: Store) => (await store.reminders.all()).filter((r) => r.key === itemKey && r.recipientId === projectLeadLearning2.aadObjectId));
    expect(states).toEqual([expect.objectContaining({ snoozes: 1, snoozedUntil: expect.stringMatching(/^2026-12-04T10:/) })]);
    const events = await db.read((store: Store) => store.audit.listFor('request', String(itemKey).split(':')[0]));
    expect(events.filter((e) => e.action === 'reminder.snooze').map((e) => [e.actorName, e.outcome, e.detail])).toEqual([
      [projectLeadLearning2.name, 'done', 'Waiting for the complaints team’s figures.'],
    ]);
  });
});
