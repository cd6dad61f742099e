import { HEALTH_FIELDS } from '../../src/domain/health';
import { CARD_BUDGET_BYTES } from '../../src/presenters/fit';
import { INPUT_LIMITS, REMINDER_CARD_VERBS, REMINDER_FORM_FIELDS } from '../../src/presenters/types';
import { remindersPreviewCard } from '../../src/presenters/reminders-preview';
import { MAX_REMINDER_ITEMS_SHOWN, reminderCard, reminderInputId, reminderInputsOf, type ReminderCardInput } from '../../src/presenters/reminder';
import { type ReminderCardItem } from '../../src/domain/reminders';
import { cardBytes, type AdaptiveCardJson } from '../../src/presenters/render';
import { type ReminderKind, REMINDER_WHY } from '../../src/domain/reminders';
import { LIMITS } from '../../src/domain/request-form';
import { MAX_CARD_BYTES, VERBS, actionsOf, cardProblems, find, inputById, ofType, paragraphs, strings, walk } from './card-checks';

// ---------------------------------------------------------------------------------------------
// Realistic council data. People are role titles, never real names.

const TODAY = '2026-12-03';
const MESSAGE_ID = 'rem-2026-12-03-7d8e9f0a';
const RECIPIENT = { aadObjectId: '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a', name: 'Project Lead (Learning) 2' };
const PEOPLE = [
  { title: 'Digital Leader (Customers) 1', value: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
  { title: 'Project Lead (Waste Services) 2', value: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e' },
  { title: 'Project Manager (ICT) 1', value: '3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f' },
];

const WHY = REMINDER_WHY;

const WHAT: Record<ReminderKind, string> = {
  owners: 'Assign a Project Manager.',
  'business-case': 'Add the business case.',
  plan: 'Add the implementation plan.',
  milestones: 'Add the milestones.',
  resourcing: 'Confirm the project is resourced.',
  dpia: 'Complete the data protection impact assessment (it is in progress).',
  'milestone-due-soon': 'Milestone "Enrolment form live for the January term" is due 2026-12-09.',
  'milestone-overdue': 'Milestone "Pilot in one depot" was due 2026-12-01.',
  question: "Answer the DSG's question: Have you spoken to the neighbouring councils about sharing their contract?",
  action: 'Send the survey to the schools (due 18 Dec 2026)',
  'action-due-soon': 'Send the survey to the schools (due 9 Dec 2026)',
  'action-overdue': 'Send the survey to the schools (was due 1 Dec 2026)',
  meeting: 'No DSG meeting is set within two months of the one on 14 Oct 2026: add one by 14 Dec 2026.',
  'measure-figure': 'Record the figure for "Bookings made online" for Q2 2026/27 (Jul–Sep 2026) (in %).',
  'contract-ending': 'The licence or contract for Community hall and room booking (Customer Services) ends on 31 Mar 2027.',
  health: 'Update its health status, last set on 2 Nov 2026: Overall green, time amber (Supplier late), cost green, scope green.',
  'risk-review': 'Review the risk "The supplier may not deliver in time": score 20 (likelihood 4 × impact 5), review date 1 Dec 2026.',
};
const GREEN = { rag: 'green' as const, reason: null };
const CURRENT = { overall: GREEN, time: { rag: 'amber' as const, reason: 'Supplier late' }, cost: GREEN, scope: GREEN };

const MILESTONE_IDS: Partial<Record<ReminderKind, string>> = { 'milestone-due-soon': 'ms-04', 'milestone-overdue': 'ms-02' };
const DUE: Partial<Record<ReminderKind, string>> = { 'milestone-due-soon': '2026-12-09', 'milestone-overdue': '2026-12-01' };

function anItem(kind: ReminderKind, overrides: Partial<ReminderCardItem> = {}): ReminderCardItem {
  const reference = overrides.reference ?? 'DP-2026-0012';
  const milestoneId = MILESTONE_IDS[kind] ?? null;
  const item: ReminderCardItem = {
    key: milestoneId ? `${reference}:${kind}:${milestoneId}` : `${reference}:${kind}`,
    reference,
    projectTitle: 'Online booking for bulky uplifts',
    kind,
    milestoneId,
    recipient: RECIPIENT,
    fingerprint: 'none',
    what: WHAT[kind],
    why: WHY[kind],
    resolved: false,
    snoozedUntil: null,
    projectVersion: 7,
    ...overrides,
  };
  const due = DUE[kind];
  if (due && !('dueDate' in overrides)) item.dueDate = due;
  if (kind === 'health' && !('health' in overrides)) item.health = { version: 3, current: CURRENT };
  return item;
}

const input = (items: ReminderCardItem[], overrides: Partial<ReminderCardInput> = {}): ReminderCardInput => ({
  messageId: MESSAGE_ID,
  recipientName: RECIPIENT.name,
  items,
  today: TODAY,
  people: PEOPLE,
  ...overrides,
});

const ALL_KINDS: ReminderKind[] = ['owners', 'business-case', 'plan', 'milestones', 'resourcing', 'dpia', 'milestone-due-soon', 'milestone-overdue', 'question', 'measure-figure', 'contract-ending', 'health', 'risk-review'];

const long = (n: number, seed = 'The contact centre takes every booking by phone. ') => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
const expectValid = (card: AdaptiveCardJson) => expect(cardProblems(card)).toEqual([]);
const execute = (card: unknown, verb: string) => actionsOf(card).filter((a) => a.verb === verb);
const showCards = (card: unknown) => find(card, (o) => o.type === 'Action.ShowCard');
const inputs = (card: unknown) => find(card, (o) => typeof o.type === 'string' && o.type.startsWith('Input.'));
/** The ShowCard with this title (exactly one), and its card. */
function showCard(card: unknown, title: string): AdaptiveCardJson {
  const found = find(card, (o) => o.type === 'Action.ShowCard' && o.title === title);
  expect(found).toHaveLength(1);
  return found[0].card as AdaptiveCardJson;
}
// The actions and sub-forms each kind offers (besides Snooze, on every open item); buttons come first unless `order` says.
const EXPECTED: Record<ReminderKind, { buttons: string[]; showCards: string[]; verbs: string[]; fields: string[]; order?: string[] }> = {
  owners: { buttons: [], showCards: ['Assign'], verbs: ['reminder.assign'], fields: ['projectLead', 'projectManager'] },
  'business-case': { buttons: [], showCards: ['Business case'], verbs: ['reminder.business-case'], fields: ['status', 'link'] },
  plan: { buttons: [], showCards: ['Add plan'], verbs: ['reminder.plan'], fields: ['planLink'] },
  milestones: { buttons: [], showCards: ['Add milestones'], verbs: ['reminder.milestones'], fields: ['m1Title', 'm1Due', 'm2Title', 'm2Due', 'm3Title', 'm3Due'] },
  resourcing: { buttons: [], showCards: ['Confirm resourcing'], verbs: ['reminder.resourcing'], fields: ['confirmed', 'note'] },
  dpia: { buttons: [], showCards: ['DPIA'], verbs: ['reminder.dpia'], fields: ['dpia'] },
  'milestone-due-soon': { buttons: ['Mark done'], showCards: ['Move date'], verbs: ['reminder.milestone-done', 'reminder.milestone-move'], fields: ['newDue', 'reason'] },
  'milestone-overdue': { buttons: ['Mark done'], showCards: ['Move date'], verbs: ['reminder.milestone-done', 'reminder.milestone-move'], fields: ['newDue', 'reason'] },
  question: { buttons: [], showCards: ['Answer'], verbs: ['reminder.answer'], fields: ['answer'] },
  action: { buttons: ['Done'], showCards: [], verbs: ['reminder.action-done'], fields: [] },
  'action-due-soon': { buttons: ['Done'], showCards: [], verbs: ['reminder.action-done'], fields: [] },
  'action-overdue': { buttons: ['Done'], showCards: [], verbs: ['reminder.action-done'], fields: [] },
  meeting: { buttons: ['Add a meeting'], showCards: [], verbs: ['settings.show'], fields: [] },
  'measure-figure': { buttons: [], showCards: ['Record figure'], verbs: ['reminder.measure-figure'], fields: ['figureValue'] },
  'contract-ending': {
    buttons: ['Plan a replacement', 'Retire'],
    showCards: ['Renew'],
    verbs: ['reminder.replace', 'reminder.renew', 'reminder.retire'],
    fields: ['newEnd'],
    order: ['Plan a replacement', 'Renew', 'Retire'],
  },
  health: { buttons: ['Still green?'], showCards: ['Update status'], verbs: ['reminder.health-confirm', 'reminder.health'], fields: [...HEALTH_FIELDS] },
  'risk-review': {
    buttons: ['Reviewed, no change', 'Close'],
    showCards: ['Update'],
    verbs: ['reminder.risk-reviewed', 'reminder.risk-update', 'reminder.risk-close'],
    fields: ['riskLikelihood', 'riskImpact', 'riskMitigation', 'riskReviewDate'],
    order: ['Reviewed, no change', 'Update', 'Close'],
  },
};

// ---------------------------------------------------------------------------------------------

describe('reminderCard', () => {
  it('greets the person, says how many things need attention and how many are done, and shows a notice', () => {
    const items = [anItem('business-case'), anItem('milestone-overdue'), anItem('resourcing', { reference: 'DP-2026-0009', projectTitle: 'Digital enrolment for adult learning courses', resolved: true })];
    const card = reminderCard(input(items, { notice: 'Resourcing saved.' }));
    expectValid(card);
    const text = paragraphs(card);
    expect(text.slice(0, 3)).toEqual(['Hello Project Lead (Learning) 2, 3 things need your attention', '1 of 3 done', 'Resourcing saved.']);
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Resourcing saved.')[0].color).toBe('good');
  });

  it("opens the settings at the Add a meeting form from the chair's meeting reminder", () => {
    const card = reminderCard(input([anItem('meeting')]));
    expectValid(card);
    expect(execute(card, 'settings.show').map((a) => [a.title, (a.data as Record<string, unknown>).focus])).toEqual([['Add a meeting', 'add']]);
  });

  it("groups a Digital Leader's contract items under the catalogue, without Open project, and asks Renew's date from tomorrow", () => {
    const contract = anItem('contract-ending', { key: 'Catalogue:contract-ending:sol-1', reference: 'Catalogue', projectTitle: 'Licences and contracts ending', projectVersion: 3 });
    const card = reminderCard(input([anItem('plan'), contract], { errors: { i1_newEnd: 'The new end date must be in the future: after 3 Dec 2026.' }, values: { i1_newEnd: '2026-12-01' } }));
    expectValid(card);
    expect(paragraphs(card)).toEqual(expect.arrayContaining(['Not saved. Open Renew to fix the problem marked.', 'Catalogue · Licences and contracts ending', WHAT['contract-ending']]));
    expect(find(showCard(card, 'Renew'), (o) => o.type === 'TextBlock' && o.text === 'The new end date must be in the future: after 3 Dec 2026.')).toHaveLength(1);
    expect(execute(card, 'project.view').map((a) => a.data)).toEqual([{ reference: 'DP-2026-0012' }]);
    expect(inputById(card, 'i1_newEnd')).toMatchObject({ type: 'Input.Date', isRequired: true, min: '2026-12-04', value: '2026-12-01' });
    expect(execute(card, 'reminder.retire')[0]).toMatchObject({ style: 'destructive', data: { itemKey: 'Catalogue:contract-ending:sol-1', reference: 'Catalogue', version: 3, item: 1 } });
  });

  it("starts a risk's Update from its scores and mitigation as they stand, and keeps what was typed over them", () => {
    const riskNow = { kind: 'risk' as const, likelihood: 4, impact: 5, mitigation: 'Weekly calls', reviewDate: '2026-12-01' };
    const risk = anItem('risk-review', { key: 'DP-2026-0012:risk-review:r-1', fingerprint: '2026-12-01|3', projectVersion: 3, riskNow });
    const card = reminderCard(input([anItem('plan'), risk]));
    expectValid(card);
    expect([inputById(card, 'i1_riskLikelihood')?.value, inputById(card, 'i1_riskImpact')?.value, inputById(card, 'i1_riskMitigation')?.value, inputById(card, 'i1_riskReviewDate')?.value]).toEqual(['4', '5', 'Weekly calls', '']);
    const typed = reminderCard(input([anItem('plan'), risk], { values: { i1_riskLikelihood: '9', i1_riskReviewDate: '2027-01-08' }, errors: { i1_riskLikelihood: 'Likelihood is a whole number from 1 (rare) to 5 (almost certain).' } }));
    expect(inputById(typed, 'i1_riskLikelihood')?.value).toBe('9');
    expect(inputById(typed, 'i1_riskReviewDate')?.value).toBe('2027-01-08');
    expect(paragraphs(typed)).toContain('Not saved. Open Update to fix the problem marked.');
    expect(execute(card, 'reminder.risk-reviewed').map((a) => (a.data as Record<string, unknown>).version)).toEqual([3]);
  });

  it('counts resolved items in the progress line, and thanks the person when all are done', () => {
    const items = [anItem('business-case', { resolved: true }), anItem('plan', { resolved: true }), anItem('milestones')];
    expect(paragraphs(reminderCard(input(items)))[1]).toBe('2 of 3 done');
    const allDone = reminderCard(input(items.map((i) => ({ ...i, resolved: true }))));
    expectValid(allDone);
    expect(paragraphs(allDone)[1]).toBe('3 of 3 done. Thank you.');
    expect(paragraphs(reminderCard(input([anItem('plan')])))[0]).toBe('Hello Project Lead (Learning) 2, 1 thing needs your attention');
    expect(paragraphs(reminderCard(input([anItem('plan')], { recipientName: '  ' })))[0]).toBe('Hello, 1 thing needs your attention');
  });

  it('groups items by project (reference and title), in the order each project first comes, each with one Open project', () => {
    const items = [
      anItem('business-case'),
      anItem('dpia', { reference: 'DP-2026-0009', projectTitle: 'Digital enrolment for adult learning courses', projectVersion: 4 }),
      anItem('milestone-overdue'),
    ];
    const card = reminderCard(input(items));
    expectValid(card);
    const text = paragraphs(card);
    const at = (t: string) => text.indexOf(t);
    expect(text.filter((t) => t.startsWith('DP-'))).toEqual(['DP-2026-0012 · Online booking for bulky uplifts', 'DP-2026-0009 · Digital enrolment for adult learning courses']);
    expect(at('DP-2026-0012 · Online booking for bulky uplifts')).toBeLessThan(at(WHAT['business-case']));
    expect(at(WHAT['business-case'])).toBeLessThan(at(WHAT['milestone-overdue']));
    expect(at(WHAT['milestone-overdue'])).toBeLessThan(at('DP-2026-0009 · Digital enrolment for adult learning courses'));
    expect(at('DP-2026-0009 · Digital enrolment for adult learning courses')).toBeLessThan(at(WHAT.dpia));
    // The reference is subtle, the title bold.
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'DP-2026-0012 · ')[0]).toMatchObject({ isSubtle: true });
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Online booking for bulky uplifts')[0]).toMatchObject({ weight: 'Bolder' });
    expect(execute(card, 'project.view').map((a) => [a.title, a.data])).toEqual([
      ['Open project', { reference: 'DP-2026-0012' }],
      ['Open project', { reference: 'DP-2026-0009' }],
    ]);
    // The inputs keep the item's index in the list, whatever the grouping.
    expect(inputById(card, 'i1_dpia')).toBeDefined();
    expect(inputById(card, 'i2_newDue')).toBeDefined();
  });

  it('shows what is missing (bold) and why it matters (subtle), and a milestone’s due date in words', () => {
    const card = reminderCard(input([anItem('milestone-overdue'), anItem('milestone-due-soon')]));
    const what = find(card, (o) => o.type === 'TextRun' && o.text === WHAT['milestone-overdue'])[0];
    expect(what.weight).toBe('Bolder');
    expect(find(card, (o) => o.type === 'TextRun' && o.text === WHY['milestone-overdue'])[0].isSubtle).toBe(true);
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Was due 1 Dec 2026')[0]).toMatchObject({ color: 'attention', weight: 'Bolder' });
    expect(paragraphs(card)).toContain('Due 9 Dec 2026');
  });

  describe.each(ALL_KINDS)('an open %s item', (kind) => {
    const expected = EXPECTED[kind];
    // Item 0 is another project's, so this item is item 1: ids and data must say so.
    const other = anItem('plan', { reference: 'DP-2026-0003', projectTitle: 'Garden waste permits online', projectVersion: 2, resolved: true });
    const item = anItem(kind, { projectVersion: 11 });
    const card = reminderCard(input([other, item]));

    it('is a valid card', () => {
      expectValid(card);
    });

    it('offers its own sub-forms and buttons, then Snooze 7 days, and nothing else', () => {
      expect(showCards(card).map((s) => s.title)).toEqual([...expected.showCards, 'Snooze 7 days']);
      const itemActionSets = ofType(card, 'ActionSet').filter((s) => (s.actions as Record<string, unknown>[]).every((a) => a.verb !== 'project.view'));
      expect(itemActionSets).toHaveLength(1);
      expect((itemActionSets[0].actions as Record<string, unknown>[]).map((a) => a.title)).toEqual([...(expected.order ?? [...expected.buttons, ...expected.showCards]), 'Snooze 7 days']);
    });

    it('sends its verbs with messageId, itemKey, reference, version, the item index and the milestone', () => {
      const data = {
        messageId: MESSAGE_ID,
        itemKey: item.key,
        reference: 'DP-2026-0012',
        version: 11,
        item: 1,
        ...(item.milestoneId && { milestoneId: item.milestoneId }),
      };
      const verbs = actionsOf(card)
        .map((a) => String(a.verb))
        .filter((v) => v.startsWith('reminder.'));
      expect(verbs.sort()).toEqual([...expected.verbs, 'reminder.snooze'].sort());
      for (const verb of verbs) {
        for (const a of execute(card, verb)) {
          expect({ verb, data: a.data }).toEqual({ verb, data });
          expect((a.fallback as Record<string, unknown>).data).toEqual({ verb, ...data });
        }
      }
      if (!item.milestoneId) expect(JSON.stringify(card)).not.toContain('milestoneId');
    });

    it('names its inputs i1_<field>, with labels, required ones with an error message', () => {
      const ids = inputs(card).map((i) => i.id);
      expect(ids).toEqual([...expected.fields, 'snoozeReason'].map((f) => `i1_${f}`));
      for (const i of inputs(card)) {
        expect(String(i.label).length).toBeGreaterThan(0);
        if (i.isRequired) expect(String(i.errorMessage).length).toBeGreaterThan(0);
      }
      expect(inputById(card, 'i1_snoozeReason')).toMatchObject({ type: 'Input.Text', isRequired: true, isMultiline: true });
    });
  });

  it('builds each sub-form as the handler reads it', () => {
    const items = ALL_KINDS.filter((k) => k !== 'milestone-due-soon').map((k) => anItem(k));
    const card = reminderCard(input(items));
    expectValid(card);
    // owners (0): people pickers
    for (const id of ['i0_projectLead', 'i0_projectManager']) {
      expect(inputById(card, id)).toMatchObject({
        type: 'Input.ChoiceSet',
        style: 'compact',
        choices: PEOPLE,
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      });
    }
    // business-case (1): required status, optional https link
    expect(inputById(card, 'i1_status')).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, style: 'expanded' });
    expect((inputById(card, 'i1_status')?.choices as { value: string }[]).map((c) => c.value)).toEqual(['not-started', 'drafting', 'submitted', 'approved']);
    expect(inputById(card, 'i1_link')).toMatchObject({ type: 'Input.Text', style: 'url', maxLength: INPUT_LIMITS.link });
    expect(inputById(card, 'i1_link')?.isRequired).toBeUndefined();
    // plan (2)
    expect(inputById(card, 'i2_planLink')).toMatchObject({ type: 'Input.Text', style: 'url', isRequired: true, maxLength: INPUT_LIMITS.link });
    // milestones (3): three rows, the first required
    for (const n of [1, 2, 3]) {
      expect(inputById(card, `i3_m${n}Title`)).toMatchObject({ type: 'Input.Text', maxLength: INPUT_LIMITS.milestoneTitle });
      expect(inputById(card, `i3_m${n}Due`)).toMatchObject({ type: 'Input.Date' });
    }
    expect(inputById(card, 'i3_m1Title')?.isRequired).toBe(true);
    expect(inputById(card, 'i3_m2Title')?.isRequired).toBeUndefined();
    expect(inputById(card, 'i3_m4Title')).toBeUndefined();
    // resourcing (4)
    expect(inputById(card, 'i4_confirmed')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false', value: 'false' });
    expect(inputById(card, 'i4_note')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: INPUT_LIMITS.note });
    // dpia (5)
    expect(inputById(card, 'i5_dpia')).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect((inputById(card, 'i5_dpia')?.choices as { value: string }[]).map((c) => c.value)).toEqual(['not-started', 'in-progress', 'completed']);
    // milestone-overdue (6): Move date, not before today
    expect(inputById(card, 'i6_newDue')).toMatchObject({ type: 'Input.Date', isRequired: true, min: TODAY });
    expect(String(inputById(card, 'i6_newDue')?.errorMessage)).toMatch(/due date/);
    expect(inputById(card, 'i6_reason')).toMatchObject({ type: 'Input.Text', isRequired: true, isMultiline: true, maxLength: INPUT_LIMITS.note });
    // question (7)
    expect(inputById(card, 'i7_answer')).toMatchObject({ type: 'Input.Text', isRequired: true, isMultiline: true, maxLength: INPUT_LIMITS.answer });
    // Each sub-form's inputs are its own item's.
    for (const s of showCards(card)) {
      const sent = actionsOf(s.card)[0].data as { item: number };
      for (const i of inputs(s.card)) expect(String(i.id)).toMatch(new RegExp(`^i${sent.item}_`));
    }
  });

  it('keeps every action set to at most 5 actions, and every sub-form in a body ActionSet', () => {
    const card = reminderCard(input(ALL_KINDS.map((k) => anItem(k)).slice(0, MAX_REMINDER_ITEMS_SHOWN)));
    expectValid(card);
    for (const set of ofType(card, 'ActionSet')) expect((set.actions as unknown[]).length).toBeLessThanOrEqual(5);
    expect(card.actions).toBeUndefined();
  });

  it('shows a resolved item as Done, with no actions and no inputs', () => {
    const card = reminderCard(input([anItem('business-case', { resolved: true }), anItem('milestone-overdue', { resolved: true })]));
    expectValid(card);
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Done')).toHaveLength(2);
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Done')[0]).toMatchObject({ color: 'good', isSubtle: false });
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['project.view']);
    expect(inputs(card)).toEqual([]);
    expect(paragraphs(card)).not.toContain(WHY['business-case']);
    expect(paragraphs(card)).not.toContain('Was due 1 Dec 2026');
  });

  it('shows a snoozed item with the date it is snoozed until, and no actions; a past snooze is over', () => {
    const card = reminderCard(
      input([
        anItem('business-case', { snoozedUntil: '2026-12-04T09:00:00.000Z' }),
        anItem('plan', { snoozedUntil: '2026-12-10' }),
        anItem('dpia', { snoozedUntil: '2026-11-20T09:00:00.000Z' }),
      ]),
    );
    expectValid(card);
    const text = paragraphs(card);
    expect(text).toContain('Snoozed until 4 Dec 2026');
    expect(text).toContain('Snoozed until 10 Dec 2026');
    expect(text.filter((t) => t.startsWith('Snoozed'))).toHaveLength(2);
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Snoozed until 4 Dec 2026')[0]).toMatchObject({ color: 'default', isSubtle: true });
    expect(actionsOf(card).filter((a) => String(a.verb).startsWith('reminder.')).map((a) => a.data as { item: number }).map((d) => d.item)).toEqual([2, 2]);
    expect(paragraphs(card)[1]).toBe('0 of 3 done');
  });

  it('shows each error under its input in attention colour, keeps what was typed, and says what to open', () => {
    const items = [anItem('business-case'), anItem('milestone-overdue'), anItem('owners')];
    const card = reminderCard(
      input(items, {
        values: { i0_status: 'submitted', i0_link: 'sharepoint/bc', i1_newDue: '2027-01-15', i1_reason: 'Depot closed for the holidays.', i2_projectManager: PEOPLE[2].value },
        errors: { i0_link: 'Enter the link as a full https:// address.', i1_status: 'Not for this item.', i9_answer: 'No such item.' },
      }),
    );
    expectValid(card);
    expect(paragraphs(card)[2]).toBe('Not saved. Open Business case to fix the problem marked.');
    expect(find(card, (o) => o.type === 'TextRun' && String(o.text).startsWith('Not saved.'))[0].color).toBe('attention');
    const bc = showCard(card, 'Business case');
    expect(inputById(bc, 'i0_status')?.value).toBe('submitted');
    expect(inputById(bc, 'i0_link')?.value).toBe('sharepoint/bc');
    const body = bc.body as Record<string, unknown>[];
    const at = body.findIndex((o) => o.id === 'i0_link');
    expect(body[at + 1]).toMatchObject({ type: 'TextBlock', text: 'Enter the link as a full https:// address.', color: 'attention', wrap: true });
    expect(find(card, (o) => o.type === 'TextBlock' && o.color === 'attention').map((t) => t.text)).toEqual(['Enter the link as a full https:// address.']);
    const move = find(card, (o) => o.type === 'Action.ShowCard' && o.title === 'Move date')[0].card;
    expect(inputById(move, 'i1_newDue')?.value).toBe('2027-01-15');
    expect(inputById(move, 'i1_reason')?.value).toBe('Depot closed for the holidays.');
    expect(inputById(card, 'i2_projectManager')?.value).toBe(PEOPLE[2].value);
    expect(inputById(card, 'i2_projectLead')?.value).toBe('');
  });

  it('counts the problems and names each sub-form once, and keeps the caller’s notice', () => {
    const items = [anItem('milestones'), anItem('milestone-due-soon')];
    const errors = { i0_m1Title: 'Name the first milestone.', i0_m1Due: 'Enter a due date.', i1_newDue: 'Enter a date after today.' };
    expect(paragraphs(reminderCard(input(items, { errors })))[2]).toBe('Not saved. Open Add milestones and Move date to fix the 3 problems marked.');
    const own = reminderCard(input(items, { errors, notice: 'Not saved: fix the problem marked below.' }));
    expect(paragraphs(own)[2]).toBe('Not saved: fix the problem marked below.');
    expect(find(own, (o) => o.type === 'TextRun' && String(o.text).startsWith('Not saved'))[0].color).toBe('attention');
  });

  it('prefills only what the inputs take', () => {
    const items = [anItem('business-case'), anItem('milestones'), anItem('owners'), anItem('question')];
    const card = reminderCard(
      input(items, {
        values: { i0_status: 'done', i0_link: 'x'.repeat(3000), i1_m1Due: '2027-02-30', i1_m2Due: '15/01/2027', i1_m3Due: '2027-03-31', i2_projectLead: 'not-a-person', i3_answer: 'a'.repeat(9000) },
      }),
    );
    expectValid(card);
    expect(inputById(card, 'i0_status')?.value).toBe('');
    expect(inputById(card, 'i0_link')?.value).toHaveLength(INPUT_LIMITS.link);
    expect(inputById(card, 'i1_m1Due')?.value).toBe('');
    expect(inputById(card, 'i1_m2Due')?.value).toBe('');
    expect(inputById(card, 'i1_m3Due')?.value).toBe('2027-03-31');
    expect(inputById(card, 'i2_projectLead')?.value).toBe('');
    expect(inputById(card, 'i3_answer')?.value).toHaveLength(INPUT_LIMITS.answer);
  });

  it(`shows at most ${MAX_REMINDER_ITEMS_SHOWN} open items in full, then "and N more" with Open the programme`, () => {
    const kinds: ReminderKind[] = ['business-case', 'plan', 'milestones', 'resourcing', 'dpia', 'owners'];
    const items = Array.from({ length: 12 }, (_, i) =>
      anItem(kinds[i % kinds.length], { reference: `DP-2026-00${10 + Math.floor(i / 3)}`, projectTitle: `Project ${10 + Math.floor(i / 3)}` }),
    );
    const card = reminderCard(input(items));
    expectValid(card);
    const snoozes = execute(card, 'reminder.snooze');
    expect(snoozes.map((a) => (a.data as { item: number }).item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(paragraphs(card)).toContain('and 4 more');
    expect(execute(card, 'programme.show').map((a) => [a.title, a.data])).toEqual([['Open the programme', { page: 1 }]]);
    expect(paragraphs(card)[0]).toBe('Hello Project Lead (Learning) 2, 12 things need your attention');
    // Projects with nothing shown get no heading and no Open project.
    expect(execute(card, 'project.view').map((a) => (a.data as { reference: string }).reference)).toEqual(['DP-2026-0010', 'DP-2026-0011', 'DP-2026-0012']);

    // Once some are answered, the next ones come into view, with their own index.
    const later = reminderCard(input(items.map((it, i) => (i < 3 ? { ...it, resolved: true } : it))));
    expectValid(later);
    expect(execute(later, 'reminder.snooze').map((a) => (a.data as { item: number }).item)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(paragraphs(later)).toContain('and 1 more');
    expect(paragraphs(later)[1]).toBe('3 of 12 done');
  });

  it('has no "and N more" when everything is shown', () => {
    const card = reminderCard(input(ALL_KINDS.slice(0, MAX_REMINDER_ITEMS_SHOWN).map((k) => anItem(k))));
    expect(execute(card, 'programme.show')).toEqual([]);
    expect(paragraphs(card).some((t) => /^and \d+ more$/.test(t))).toBe(false);
  });

  /** Eight open items of the biggest kinds, with long titles and texts, and ids as long as real ones. */
  const bigItems = (): ReminderCardItem[] => {
    const kinds: ReminderKind[] = ['owners', 'milestones', 'milestone-overdue', 'milestone-due-soon', 'business-case', 'question', 'owners', 'resourcing'];
    return kinds.map((kind, i) => {
      const reference = `DP-2026-${String(1000 + i)}`;
      const milestoneId = MILESTONE_IDS[kind] ? `0b6c2d8e-3d2f-4f1e-9a7b-1c2d3e4f5a${String(i).padStart(2, '0')}` : null;
      return anItem(kind, {
        reference,
        key: milestoneId ? `${reference}:${kind}:${milestoneId}` : `${reference}:${kind}`,
        milestoneId,
        projectTitle: long(LIMITS.title, 'Online booking and payment for bulky uplifts – '),
        what: `Answer the DSG's question: ${long(INPUT_LIMITS.question, 'Have you spoken to the neighbouring councils? ')}`,
        why: long(600, 'Priority projects need an approved business case. '),
        projectVersion: 123456,
      });
    });
  };
  const manyPeople = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ title: `Project Manager (Environmental Services, Roads and Transport) ${i}`, value: `${String(i).padStart(8, '0')}-5e6f-4a7b-8c9d-0e1f2a3b4c5d` }));
  const LONG_MESSAGE_ID = 'reminder:2026-12-03T08:00:00.000Z:7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a';

  it('stays under 28 KB with 8 big open items (long titles and texts, every sub-form, 40 people), all with their actions', () => {
    const items = bigItems();
    const card = reminderCard(input(items, { messageId: LONG_MESSAGE_ID, people: manyPeople(40), recipientName: long(100, 'Digital Leader (Customers) ') }));
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(execute(card, 'reminder.snooze').map((a) => (a.data as { item: number }).item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const kind of new Set(items.map((i) => i.kind))) for (const verb of EXPECTED[kind].verbs) expect(execute(card, verb).length).toBeGreaterThan(0);
    expect(paragraphs(card).some((t) => /^and \d+ more$/.test(t))).toBe(false);
    // Texts are clipped, never left out; titles are whole.
    expect(paragraphs(card).filter((t) => t.startsWith("Answer the DSG's question: ")).every((t) => t.endsWith('…'))).toBe(true);
    expect(paragraphs(card)).toContain(`DP-2026-1000 · ${items[0].projectTitle}`);
  });

  it('still fits with many done items, 120 people and long typed answers, keeping the items sent back', () => {
    const done = ALL_KINDS.map((kind, i) => anItem(kind, { reference: `DP-2026-${2000 + i}`, projectTitle: long(LIMITS.title), what: long(2000), resolved: true }));
    const items = [...bigItems(), ...done];
    const values = { i5_answer: long(INPUT_LIMITS.answer), i2_reason: long(INPUT_LIMITS.note), i1_m1Title: long(200), i1_m2Title: long(200), i1_m3Title: long(200) };
    const errors = { i5_answer: long(300, 'Your answer is too long. '), i7_note: 'Enter a shorter note.' };
    const card = reminderCard(input(items, { messageId: LONG_MESSAGE_ID, people: manyPeople(120), values, errors }));
    expectValid(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const shown = new Set(actionsOf(card).filter((a) => a.verb === 'reminder.snooze').map((a) => (a.data as { item: number }).item));
    for (const pinned of [1, 2, 5, 7]) expect(shown).toContain(pinned);
    expect(inputById(card, 'i5_answer')?.value).toBe(values.i5_answer);
    expect(inputById(card, 'i2_reason')?.value).toBe(values.i2_reason);
    const doneShown = find(card, (o) => o.type === 'TextRun' && o.text === 'Done').length;
    expect(paragraphs(card)).toContain(`and ${items.length - shown.size - doneShown} more`);
    expect(paragraphs(card)[1]).toBe(`${done.length} of ${items.length} done`);
  });

  it('offers no Assign when there is nobody to list, and says where to assign instead', () => {
    const card = reminderCard(input([anItem('owners'), anItem('plan')], { people: [] }));
    expectValid(card);
    expect(showCards(card).map((s) => s.title)).toEqual(['Snooze 7 days', 'Add plan', 'Snooze 7 days']);
    expect(paragraphs(card)).toContain("No people are listed here to choose from: assign the owners on the request's card in the DSG channel.");
    expect(execute(card, 'reminder.assign')).toEqual([]);
  });

  it('lists fewer people, and says so, when all of them would not fit', () => {
    const items = Array.from({ length: 8 }, (_, i) => anItem('owners', { reference: `DP-2026-00${20 + i}` }));
    const people = Array.from({ length: 100 }, (_, i) => ({ title: `Project Manager (ICT) ${i}`, value: `${String(i).padStart(8, '0')}-5e6f-4a7b-8c9d-0e1f2a3b4c5d` }));
    const card = reminderCard(input(items, { people, values: { i3_projectLead: people[99].value } }));
    expectValid(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const listed = (inputById(card, 'i0_projectLead')?.choices as unknown[]).length;
    expect(listed).toBeLessThan(100);
    expect(paragraphs(card)).toContain(`${listed} of 100 people are listed. In Teams on a computer, type a name to find anyone else.`);
    // Someone already chosen stays listed, so the card can preselect them.
    expect(inputById(card, 'i3_projectLead')?.value).toBe(people[99].value);
    expect((inputById(card, 'i3_projectLead')?.choices as { value: string }[]).map((c) => c.value)).toContain(people[99].value);
  });

  it('copes with no items', () => {
    const card = reminderCard(input([]));
    expectValid(card);
    expect(paragraphs(card).slice(0, 2)).toEqual(['Hello Project Lead (Learning) 2, nothing needs your attention', '0 of 0 done']);
  });
});

describe('reminder input ids', () => {
  it('are i<item>_<field>, and reminderInputsOf takes one item’s inputs without the prefix', () => {
    expect(reminderInputId(2, 'newDue')).toBe('i2_newDue');
    const sent = { verb: 'reminder.milestone-move', messageId: MESSAGE_ID, item: 2, i2_newDue: '2027-01-15', i2_reason: 'Depot closed.', i0_status: 'approved', i12_reason: 'other', i2_unknown: 'x' };
    expect(reminderInputsOf(2, sent)).toEqual({ newDue: '2027-01-15', reason: 'Depot closed.' });
    expect(reminderInputsOf(1, sent)).toEqual({});
    expect(reminderInputsOf(-1, sent)).toEqual({});
    expect(reminderInputsOf(4, { i4_confirmed: true })).toEqual({ confirmed: 'true' });
  });

  it('are unique on a card with every kind, and every field is on some sub-form', () => {
    // Every kind with inputs, on as many cards as it takes to show them all (a card shows 8 open items).
    const kinds = ALL_KINDS.filter((k) => k !== 'milestone-due-soon' && EXPECTED[k].fields.length > 0);
    const cards = [kinds.slice(0, MAX_REMINDER_ITEMS_SHOWN), kinds.slice(MAX_REMINDER_ITEMS_SHOWN)].map((some) => reminderCard(input(some.map((k) => anItem(k)))));
    const fields = new Set<string>();
    for (const card of cards) {
      const ids = inputs(card).map((i) => String(i.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) fields.add(id.replace(/^i\d+_/, ''));
    }
    expect([...fields].sort()).toEqual([...REMINDER_FORM_FIELDS].sort());
  });

  it('use only known verbs', () => {
    for (const v of REMINDER_CARD_VERBS) expect(VERBS).toContain(v);
  });
});

describe('user-typed text on the reminder card', () => {
  const MARKERS = [
    '**bold** [x](http://evil) <b>hi</b> <at>Someone</at> ${title}',
    '${reference} ${if(true, 1, 2)} ${$root.greeting} @{x} _em_ # Heading\n- list item\n1. one',
  ];

  /** Every place a person's text can reach: what, why, project title, the recipient's name, typed values, people. */
  const cardWith = (marker: string) =>
    reminderCard(
      input(
        [
          anItem('question', { what: `Answer the DSG's question: ${marker}`, why: marker, projectTitle: marker }),
          anItem('milestone-overdue', { what: `Milestone "${marker}" was due 2026-12-01.`, projectTitle: marker }),
          anItem('owners', { reference: 'DP-2026-0009', projectTitle: marker, resolved: true, what: marker }),
          anItem('owners', { reference: 'DP-2026-0010', projectTitle: marker }),
        ],
        { recipientName: marker, notice: marker, values: { i0_answer: marker, i1_reason: marker }, people: [{ title: marker, value: 'aad-marker' }] },
      ),
    );

  const safePlace = (s: ReturnType<typeof strings>[number]): boolean =>
    (s.holder.type === 'TextRun' && s.key === 'text') ||
    (s.holder.type === 'Input.Text' && s.key === 'value') ||
    (!('type' in s.holder) && s.key === 'title' && /\.choices\[\d+\]\.title$/.test(s.path));

  it.each(MARKERS)('comes out literally, and only in TextRuns, input values and choice titles: %s', (marker) => {
    const card = cardWith(marker);
    expect(cardProblems(card, { allowDollarBrace: true })).toEqual([]);
    const firstLine = marker.split('\n')[0];
    const hits = strings(card).filter((s) => s.value.includes(firstLine));
    // greeting, notice, 3 project titles, question what + why, milestone what, done what, 2 typed values, 2 people choices
    expect(hits).toHaveLength(13);
    for (const h of hits) expect({ path: h.path, safe: safePlace(h) }).toEqual({ path: h.path, safe: true });
    expect(paragraphs(card)).toContain(marker);
    expect(paragraphs(card)).toContain(`Hello ${marker}, 4 things need your attention`);
  });

  it('is never expanded again by the template engine', () => {
    const card = cardWith('${reference} ${$root.greeting}');
    expect(paragraphs(card)).toContain('${reference} ${$root.greeting}');
    expect(JSON.stringify(card)).not.toContain('DP-2026-0012 Hello');
  });

  it('never reaches a TextBlock or an action title', () => {
    for (const marker of MARKERS) {
      walk(cardWith(marker), (o, path) => {
        const places = [o.type === 'TextBlock' ? o.text : undefined, typeof o.type === 'string' && o.type.startsWith('Action.') ? o.title : undefined];
        for (const p of places) if (typeof p === 'string') expect({ path, p }).not.toEqual({ path, p: expect.stringContaining('**bold**') });
      });
    }
  });
});

describe('remindersPreviewCard', () => {
  const lead = { name: 'Project Lead (Learning)', items: [anItem('business-case'), anItem('milestone-overdue', { reference: 'DP-2026-0002' })] };
  const officer = { name: 'Council Officer', items: [anItem('question', { reference: 'DP-2026-0031' })] };
  /** Each item's row: the reference's column (with its width) and the words beside it. */
  const rows = (card: AdaptiveCardJson) =>
    ofType(card, 'ColumnSet').map((set) => {
      const [ref, what] = set.columns as { width: string; items: { inlines: { text: string }[] }[] }[];
      return { width: ref.width, reference: ref.items[0].inlines[0].text, what: what.items[0].inlines[0].text };
    });

  it('groups items by person with a count each, one row per item, and Run now', () => {
    const card = remindersPreviewCard({ people: [lead, officer], escalate: [anItem('plan', { reference: 'DP-2026-0007' })], undelivered: [] });
    expect(cardProblems(card)).toEqual([]);
    const lines = paragraphs(card);
    expect(lines.slice(0, 2)).toEqual(['Reminders at the next run', '3 items for 2 people, and 1 item escalated to Digital Leaders.']);
    expect(lines.filter((l) => l.includes(' – '))).toEqual(['Project Lead (Learning) – 2 items', 'Council Officer – 1 item', 'Escalated to Digital Leaders – 1 item']);
    // Each person's heading, then their items.
    expect(lines.indexOf('Council Officer – 1 item')).toBe(lines.indexOf(WHAT['milestone-overdue']) + 1);
    expect(rows(card).map((r) => [r.reference, r.what])).toEqual([
      ['DP-2026-0012', WHAT['business-case']],
      ['DP-2026-0002', WHAT['milestone-overdue']],
      ['DP-2026-0031', WHAT.question],
      ['DP-2026-0007', WHAT.plan],
    ]);
    // A reference alone in a column as wide as it (never squeezed): it cannot break at its hyphens.
    expect(rows(card).every((r) => r.width === 'auto')).toBe(true);
    expect(actionsOf(card).map((a) => [a.title, a.verb])).toEqual([['Run now', 'reminders.run']]);
  });

  it('says when nobody would be reminded, with no Run now, and lists what could not be delivered one a line', () => {
    const card = remindersPreviewCard({ people: [], escalate: [], undelivered: [{ key: 'reminder:a', reason: 'Blocked' }, { key: 'reminder:b', reason: 'Left' }] });
    expect(cardProblems(card)).toEqual([]);
    expect(paragraphs(card)).toEqual(['Reminders at the next run', 'Nobody would be reminded of anything right now.', 'Could not be delivered (the latest 2)', 'reminder:a – Blocked', 'reminder:b – Left']);
    expect(actionsOf(card)).toEqual([]);
  });
});
