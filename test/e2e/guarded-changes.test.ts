/**
 * Presses that are hard to take back ask first, in the card: Mark project completed (and what becomes of its open
 * milestones), Withdraw, Decline and Mark as duplicate. Reopening a completed project (the chair and admins only),
 * undoing a withdrawal until the DSG acts, and presses on a card that is out of date.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/app/ports';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { personalChatId } from './support/activities';
import { action, answerCard, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { press, submitRequest, useDsgBot } from './support/dsg';
import { ENGINES } from './support/test-bot';

const { councilOfficer, dsgAdmin, dsgChair, digitalLeaderCustomers, projectLeadLearning2 } = MOCK_USERS;

/** The verbs of every button on a card. */
const verbsOn = (card: unknown): string[] => {
  const verbs: string[] = [];
  JSON.stringify(card, (key, value) => {
    if (value && typeof value === 'object' && value.type === 'Action.Execute') verbs.push(value.verb);
    return value;
  });
  return verbs;
};

describe.each(ENGINES)('guarded state changes (%s)', (engine) => {
  const dsg = useDsgBot(engine);
  const chairPress = (verb: string, data: Record<string, unknown>) => press(dsg.t, verb, data, dsgChair, true);

  beforeAll(async () => {
    const settings = invokeCard(await press(dsg.t, 'settings.show', { here: true }, dsgAdmin, true));
    invokeCard(await press(dsg.t, 'settings.save', { ...action(settings, 'settings.save').data, chair: dsgChair.aadObjectId }, dsgAdmin, true));
  });

  /** The triage card of a request as a DSG member opens it. */
  const triageCard = async (reference: string) => answerCard(await chairPress('request.triage', { reference }), dsg.t);

  it('asks before Decline, in the card; Cancel gives the card back as it was; Confirm declines', async () => {
    const reference = await submitRequest(dsg.t, councilOfficer, 'Guarded decline: digital parking permits');
    const before = await triageCard(reference);
    const { data } = action(before, 'request.decline');

    const asked = invokeCard(await chairPress('request.decline', { ...data, reason: 'The parking service is being replaced next year.' }));
    expect(wordsOf(asked)).toContain(`Decline ${reference}?`);
    expect(wordsOf(asked)).toContain('Council Officer is told, with your reason: The parking service is being replaced next year.');
    expect(wordsOf(asked)).toContain('Guarded decline: digital parking permits');
    // While it asks, only Confirm and Cancel can be pressed.
    expect(verbsOn(asked)).toEqual(['request.decline', 'request.decline']);

    const cancelled = invokeCard(await chairPress('request.decline', { ...action(asked, 'request.decline').data, step: 'cancel' }));
    expect(verbsOn(cancelled)).toEqual(verbsOn(before));
    expect(wordsOf(cancelled)).not.toContain(`Decline ${reference}?`);
    expect(wordsOf(await triageCard(reference))).toContain('Submitted');

    const declined = invokeCard(await chairPress('request.decline', action(asked, 'request.decline').data));
    expect(wordsOf(declined)).toMatch(/Declined by DSG Chair/);
    await dsg.t.connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes(`Declined: ${reference}`));
  });

  it('asks before Mark as duplicate, listing the question still open', async () => {
    const kept = await submitRequest(dsg.t, councilOfficer, 'Guarded merge: school meal payments online');
    const reference = await submitRequest(dsg.t, councilOfficer, 'Guarded merge: pay for school meals by card');
    const asked = invokeCard(await chairPress('request.ask', { ...action(await triageCard(reference), 'request.ask').data, question: 'Is this the same as the school meals request?' }));

    const confirm = invokeCard(await chairPress('request.merge', { ...action(asked, 'request.merge').data, duplicateOf: kept }));
    expect(wordsOf(confirm)).toContain(`Mark ${reference} as a duplicate of ${kept}?`);
    expect(wordsOf(confirm)).toContain('Still open');
    expect(wordsOf(confirm)).toMatch(/The DSG's question from DSG Chair on .* is not answered: Is this the same as the school meals request\?/);
    expect(action(confirm, 'request.merge').title).toBe('Mark as duplicate');

    const merged = invokeCard(await chairPress('request.merge', action(confirm, 'request.merge').data));
    expect(wordsOf(merged)).toContain(`Duplicate of ${kept}`);
  });

  it('asks before Withdraw; the withdrawal can be undone until the DSG acts, then not', async () => {
    const reference = await submitRequest(dsg.t, councilOfficer, 'Guarded withdraw: library room bookings');
    const officer = (verb: string, data: Record<string, unknown>) => press(dsg.t, verb, data, councilOfficer);
    const detail = answerCard(await officer('request.view', { reference }), dsg.t);
    expect(verbsOn(detail).at(-1)).toBe('request.withdraw');

    const asked = invokeCard(await officer('request.withdraw', action(detail, 'request.withdraw').data));
    expect(wordsOf(asked)).toContain(`Withdraw ${reference}?`);
    expect(wordsOf(asked)).toContain('You can undo this until the DSG acts on it.');
    expect(wordsOf(asked)).toMatch(/Waiting for a DSG decision since/);
    const cancelled = invokeCard(await officer('request.withdraw', { ...action(asked, 'request.withdraw').data, step: 'cancel' }));
    expect(verbsOn(cancelled)).toEqual(verbsOn(detail));

    const dsgCard = await triageCard(reference);
    let withdrawn = invokeCard(await officer('request.withdraw', action(asked, 'request.withdraw').data));
    expect(wordsOf(withdrawn)).toContain(`${reference} is withdrawn. Changed your mind? Undo withdrawal puts it back where it was, until the DSG acts on it.`);
    // A DSG member pressing on the card from before is told what changed.
    expect(invokeMessage(await chairPress('request.decline', { ...action(dsgCard, 'request.decline').data, reason: 'Not now' }))).toMatch(
      new RegExp(`^This card is out of date\\. ${reference} changed since this card was sent: Withdrawn by Council Officer on .*\\. Your press changed nothing\\.$`),
    );
    const undone = invokeCard(await officer('request.undo-withdraw', action(withdrawn, 'request.undo-withdraw').data));
    expect(wordsOf(undone)).toContain(`Withdrawal undone: ${reference} is submitted again, and the DSG can see it.`);
    expect(wordsOf(undone)).toContain('Withdrawal undone');
    action(undone, 'request.withdraw');

    // Withdrawn again; then the DSG acts on it (marks it as a duplicate), so it can no longer be undone.
    const again = action(undone, 'request.withdraw').data;
    withdrawn = invokeCard(await officer('request.withdraw', { ...again, step: 'confirm' }));
    const undo = action(withdrawn, 'request.undo-withdraw').data;
    const other = await submitRequest(dsg.t, digitalLeaderCustomers, 'Guarded withdraw: room bookings for every library');
    const triage = await triageCard(reference);
    const confirm = invokeCard(await chairPress('request.merge', { ...action(triage, 'request.merge').data, duplicateOf: other }));
    invokeCard(await chairPress('request.merge', action(confirm, 'request.merge').data));

    expect(invokeMessage(await officer('request.undo-withdraw', undo))).toMatch(
      new RegExp(`^This card is out of date\\. ${reference} changed since this card was sent: Merged by DSG Chair on .*\\. Your press changed nothing\\.$`),
    );
    const now = answerCard(await officer('request.view', { reference }), dsg.t);
    expect(() => action(now, 'request.undo-withdraw')).toThrow();
    expect(invokeMessage(await officer('request.undo-withdraw', { reference, version: Number(undo.version) + 1 }))).toBe(
      `${reference} is merged now, so the withdrawal can no longer be undone.`,
    );
  });

  /** An approved project in delivery with one late and two planned milestones. */
  async function projectInDelivery(title: string): Promise<string> {
    const reference = await submitRequest(dsg.t, councilOfficer, title);
    const approved = invokeCard(await chairPress('request.approve', { ...action(await triageCard(reference), 'request.approve').data, priority: 'medium' }));
    invokeCard(await chairPress('request.assign', { ...action(approved, 'request.assign').data, projectLead: projectLeadLearning2.aadObjectId }));
    const project = answerCard(await chairPress('project.view', { reference }), dsg.t);
    invokeCard(await chairPress('project.status', action(project, 'project.status').data));
    // A late milestone cannot be added from the card (no date in the past): it was due before today.
    await dsg.db.read(async (store: Store) => {
      for (const [t, due] of [['Discovery', '2020-01-15'], ['Pilot', '2098-01-31'], ['Go live', '2098-06-30']]) {
        await store.projects.saveMilestone(reference, { id: randomUUID(), title: t, due, status: 'planned', completedOn: null, revisions: [] });
      }
    });
    return reference;
  }

  it('asks what becomes of open milestones before Mark project completed, and keeps what was typed', async () => {
    const reference = await projectInDelivery('Guarded completion: dropped milestones');
    let project = answerCard(await chairPress('project.view', { reference }), dsg.t);
    const markDone = action(project, 'milestone.done');
    expect(markDone.title).toBe('Mark milestone done');
    project = invokeCard(await chairPress('milestone.done', markDone.data));
    expect(wordsOf(answerCard(await chairPress('history.show', { reference }), dsg.t))).toContain("Milestone 'Discovery' marked done");
    await dsg.db.read((store: Store) => store.projects.saveMilestone(reference, { id: randomUUID(), title: 'Discovery', due: '2020-01-15', status: 'planned', completedOn: null, revisions: [] }));
    project = answerCard(await chairPress('project.view', { reference }), dsg.t);
    expect(wordsOf(project)).toContain("Late: 'Discovery', due 15 Jan 2020");
    expect(wordsOf(project)).not.toContain('Overdue milestone');
    const { data, title } = action(project, 'project.status');
    expect(title).toBe('Mark project completed');

    const asked = invokeCard(await chairPress('project.status', data));
    expect(wordsOf(asked)).toContain(`Mark ${reference} completed?`);
    expect(wordsOf(asked)).toContain('1 late and 2 planned milestones');
    expect(wordsOf(asked)).toContain("Late: 'Discovery', due 15 Jan 2020");
    expect(wordsOf(asked)).toContain('What becomes of the 1 late and 2 planned milestones?');
    const confirm = action(asked, 'project.status').data;

    const cancelled = invokeCard(await chairPress('project.status', { ...confirm, step: 'cancel' }));
    expect(verbsOn(cancelled)).toEqual(verbsOn(project));

    const noChoice = invokeCard(await chairPress('project.status', confirm));
    expect(wordsOf(noChoice)).toContain('Choose what becomes of the 1 late and 2 planned milestones.');
    const noReason = invokeCard(await chairPress('project.status', { ...confirm, fate: 'dropped', dropReason: ' ' }));
    expect(wordsOf(noReason)).toContain('Give the reason for dropping them: it is kept in the history.');
    expect(input(noReason, 'fate').value).toBe('dropped');
    const tooLong = invokeCard(await chairPress('project.status', { ...confirm, fate: 'dropped', dropReason: 'x'.repeat(501) }));
    expect(wordsOf(tooLong)).toContain('Keep the reason to 500 characters or fewer.');
    expect(String(input(tooLong, 'dropReason').value)).toHaveLength(500);
    expect(wordsOf(answerCard(await chairPress('project.view', { reference }), dsg.t))).toContain('In delivery');

    const done = invokeCard(await chairPress('project.status', { ...confirm, fate: 'dropped', dropReason: 'The pilot moved to the new depot project' }));
    expect(wordsOf(done)).toContain(`${reference} is now completed. 3 open milestones dropped: The pilot moved to the new depot project.`);
    expect(wordsOf(done)).toContain('Dropped: The pilot moved to the new depot project');
    expect(wordsOf(done)).not.toMatch(/Late/);
    const history = answerCard(await chairPress('history.show', { reference }), dsg.t);
    expect(wordsOf(history)).toContain('Completed');
  });

  it.each([
    ['done', /Discovery\nDue 15 Jan 2020[^\n]*\nDone \d{1,2} \w{3} \d{4}/],
    ['missed', /Discovery\nDue 15 Jan 2020[^\n]*\nMissed/],
  ])('completes with every open milestone marked %s', async (fate, state) => {
    const reference = await projectInDelivery(`Guarded completion: milestones ${fate}`);
    const asked = invokeCard(await chairPress('project.status', action(answerCard(await chairPress('project.view', { reference }), dsg.t), 'project.status').data));
    const done = invokeCard(await chairPress('project.status', { ...action(asked, 'project.status').data, fate }));
    expect(wordsOf(done)).toContain(`${reference} is now completed. 3 open milestones marked ${fate}.`);
    expect(wordsOf(done)).toMatch(state);
  });

  it('lets the chair reopen a completed project, tells its people and audits it; refuses the Project Lead politely; a stale press says what changed', async () => {
    const reference = await projectInDelivery('Guarded reopen: bin sensors');
    const asked = invokeCard(await chairPress('project.status', action(answerCard(await chairPress('project.view', { reference }), dsg.t), 'project.status').data));
    const completed = invokeCard(await chairPress('project.status', { ...action(asked, 'project.status').data, fate: 'missed' }));
    const { data } = action(completed, 'project.reopen');
    expect(verbsOn(answerCard(await press(dsg.t, 'project.view', { reference }, projectLeadLearning2), dsg.t))).not.toContain('project.reopen');

    const refused = invokeMessage(await press(dsg.t, 'project.reopen', data, projectLeadLearning2));
    expect(refused).toBe(`Sorry, you cannot do that. Only the DSG chair and admins can reopen a completed project. Ask the chair if ${reference} needs more work.`);

    const reopened = invokeCard(await chairPress('project.reopen', data));
    expect(wordsOf(reopened)).toContain(`${reference} is in delivery again. Its people have been told.`);
    expect(action(reopened, 'project.status').title).toBe('Mark project completed');
    // The outbox paces messages to each chat as Teams asks; the owners' new role notices go out first.
    await dsg.t.connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes(`Reopened: ${reference}`), 15_000);
    const events = await dsg.db.read((store: Store) => store.audit.listFor('request', reference));
    expect(events.filter((e) => e.action === 'project.reopen').map((e) => [e.outcome, e.actorName])).toEqual([
      ['refused', 'Project Lead (Learning) 2'],
      ['done', 'DSG Chair'],
    ]);

    const stale = invokeCard(await chairPress('project.reopen', data));
    expect(wordsOf(stale)).toMatch(new RegExp(`This card is out of date\\. ${reference} changed since this card was sent: Reopened by DSG Chair on .*\\. Your press changed nothing\\.`));
    const staleComplete = invokeCard(await chairPress('project.status', action(asked, 'project.status').data));
    expect(wordsOf(staleComplete)).toMatch(/This card is out of date\. .* changed since this card was sent: Reopened by DSG Chair/);
  });
});
