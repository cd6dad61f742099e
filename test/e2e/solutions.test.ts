/**
 * The re-use catalogue in Teams: a DSG member adds an entry with `catalogue add` (a person's email as the owning
 * service is a field error that keeps what was typed), edits it from the catalogue (a card drawn from an older
 * version is out of date), and anyone lists and searches it with `catalogue`; someone outside the DSG is refused
 * the form, and the refusal is audited.
 */
import type { Store } from '../../src/app/ports';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { message, personalChatId } from './support/activities';
import { action, answerCard, attachedCard, input, invokeCard, invokeMessage, wordsOf } from './support/card-reading';
import { press, triageCardOf, useDsgBot } from './support/dsg';
import { SOLUTION_FORM } from '../support/sample-solution';
import requestForm from '../fixtures/request-form.json';
import { walk } from '../presenters/card-checks';

/** The links a card opens. */
function executesOpenUrl(card: unknown): string[] {
  const urls: string[] = [];
  walk(card, (o) => {
    if (o.type === 'Action.OpenUrl') urls.push(String(o.url));
  });
  return urls;
}

const { councilOfficer, dsgChair } = MOCK_USERS;
let reference = '';

describe('the re-use catalogue in Teams (SQLite)', () => {
  const s = useDsgBot('sqlite');
  const typed = async (text: string, from: typeof dsgChair) => {
    await s.t.post(message(text, { ...s.t.opts, from }));
    const reply = s.t.connector.activities().find((a) => a.kind === 'reply' && a.replyToId === s.t.lastPosted);
    return attachedCard(reply!.activity);
  };

  it('lets a DSG member add an entry, with field errors that keep what was typed, and edit it', async () => {
    const form = await typed('catalogue add', dsgChair);
    expect(wordsOf(form)).toContain('Add an entry');
    // Everything in an entry is published: the form says so before anything is typed.
    expect(wordsOf(form)).toContain('Everything here is published as open data: name services and organisations, not people, and leave out email addresses and phone numbers.');
    expect(input(form, 'name')).toMatchObject({ label: 'Name', isRequired: true, errorMessage: 'Give the name of the solution.' });
    const save = action(form, 'solution.save');

    const wrong = invokeCard(await press(s.t, 'solution.save', { ...save.data, ...SOLUTION_FORM, owningService: 'jo.bloggs@council.example', link: 'intranet' }, dsgChair));
    expect(wordsOf(wrong)).toContain('Not saved: please fix the 2 problems marked below.');
    expect(wordsOf(wrong)).toContain('Give the owning service (like "Customer Services"), not a person or an email address.');
    expect(wordsOf(wrong)).toContain('Enter the link as a full https:// address.');
    expect(input(wrong, 'whatItDoes').value).toBe(SOLUTION_FORM.whatItDoes);

    const added = invokeCard(await press(s.t, 'solution.save', { ...save.data, ...SOLUTION_FORM }, dsgChair));
    expect(wordsOf(added)).toContain('Added to the catalogue: Community hall and room booking');
    expect(wordsOf(added)).toContain('Owned by Customer Services · Digital Customers, Digital Estates');

    const again = invokeCard(await press(s.t, 'solution.save', { ...save.data, ...SOLUTION_FORM, name: 'community HALL and room booking' }, dsgChair));
    expect(wordsOf(again)).toMatch(/already has an entry with this name/);

    const edit = invokeCard(await press(s.t, 'solution.edit', action(added, 'solution.edit').data, dsgChair));
    expect(input(edit, 'owningService').value).toBe('Customer Services');
    const saveEdit = action(edit, 'solution.save');
    const renewed = invokeCard(await press(s.t, 'solution.save', { ...saveEdit.data, ...SOLUTION_FORM, contractEnds: '2030-03-31' }, dsgChair));
    expect(wordsOf(renewed)).toContain('Saved: Community hall and room booking');
    expect(wordsOf(renewed)).toContain('Contract ends 31 Mar 2030');

    const stale = invokeCard(await press(s.t, 'solution.save', { ...saveEdit.data, ...SOLUTION_FORM, contractEnds: '2031-03-31' }, dsgChair));
    expect(wordsOf(stale)).toMatch(/This card is out of date\. Someone changed this entry/);
    expect(input(stale, 'contractEnds').value).toBe('2030-03-31');
  });

  it('shows a new request the solution the council already has, with its service and link, before it is added', async () => {
    const { formId } = action(invokeCard(await press(s.t, 'request.new', { fresh: true }, councilOfficer)), 'request.next').data;
    const idea = { ...requestForm, title: 'Online booking for community halls', problem: 'Groups phone the office to book a community hall; they should book and pay online.' };
    const similar = invokeCard(await press(s.t, 'request.submit', { formId, ...idea }, councilOfficer));
    const words = wordsOf(similar);
    expect(words).toContain('The council may already have this');
    expect(words).toMatch(/The council already has\s*\nCommunity hall and room booking\nOwned by Customer Services/);
    expect(executesOpenUrl(similar)).toEqual(['https://intranet.council.example/bookings']);
    // Nothing is added until the requester goes ahead.
    const submitted = invokeCard(await press(s.t, 'request.confirm', { formId }, councilOfficer));
    reference = /DP-\d{4}-\d{4}/.exec(wordsOf(submitted))![0];
  });

  it('lets the DSG decide "Re-use an existing solution": the requester is told what to use and who owns it, and the year counts it', async () => {
    const post = await s.t.connector.waitFor(triageCardOf(reference));
    const reuse = action(attachedCard(post.activity), 'request.reuse');
    expect(reuse.title).toBe('Re-use this solution');
    const choices = input(attachedCard(post.activity), 'solutionId').choices as { title: string; value: string }[];
    expect(choices[0].title).toBe('Community hall and room booking (Customer Services)');

    const asked = invokeCard(await press(s.t, 'request.reuse', { ...reuse.data, solutionId: choices[0].value, reuseNote: 'Customer Services can add your halls.' }, dsgChair, true));
    expect(wordsOf(asked)).toContain(`Close ${reference} as "Re-use an existing solution"?`);
    const decided = invokeCard(await press(s.t, 'request.reuse', action(asked, 'request.reuse').data, dsgChair, true));
    expect(wordsOf(decided)).toContain('Re-uses an existing solution');

    const told = await s.t.connector.waitFor((a) => a.conversationId === personalChatId(councilOfficer) && wordsOf(a.activity).includes(`Re-use: ${reference}`));
    expect(wordsOf(told.activity)).toContain('use Community hall and room booking, owned by Customer Services');
    expect(wordsOf(told.activity)).toContain('Customer Services can add your halls.');
    expect((await s.db.read((store: Store) => store.requests.getByReference(reference)))?.status).toBe('reused');

    const report = answerCard(await press(s.t, 'report.annual', {}, dsgChair), s.t);
    expect(wordsOf(report)).toMatch(/0 approved, 0 declined, 0 merged, 1 re-used an existing solution/);
  });

  it('lets anyone list and search the catalogue, and refuses them the form (audited)', async () => {
    const all = await typed('catalogue', councilOfficer);
    expect(wordsOf(all)).toContain('Community hall and room booking');
    expect(() => action(all, 'solution.edit')).toThrow();
    expect(() => action(all, 'solution.new')).toThrow();
    expect(wordsOf(await typed('catalogue halls', councilOfficer))).toContain('1 entry matching “halls”, of 1');
    expect(wordsOf(await typed('catalogue payroll', councilOfficer))).toContain('Nothing in the catalogue matches “payroll”');

    const refused = invokeMessage(await press(s.t, 'solution.new', {}, councilOfficer));
    expect(refused).toMatch(/Only members of the Digital Strategy Group and admins can change the re-use catalogue/);
    const events = await s.db.read((store: Store) => store.audit.listFor('solution', 'new'));
    expect(events.map((e) => [e.action, e.outcome])).toEqual([['solution.new', 'refused']]);
  });
});
