/**
 * The request form starts from the re-use catalogue, end to end: the last step offers the catalogue's entries in
 * use as a searchable choice beside the words; an entry the catalogue does not hold, or one retired since, comes
 * back as a problem under the choice with everything typed kept; the entry chosen is kept with the request and
 * shown to the requester and on the DSG's triage card as "Checked: entry (owning service)".
 */
import type { Store } from '../../src/app/ports';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { FORM_STEPS } from '../../src/domain/request-form';
import { action, answerCard, attachedCard, input, invokeCard, wordsOf } from './support/card-reading';
import { press, triageCardOf, useDsgBot } from './support/dsg';
import { ENGINES } from './support/test-bot';
import { SOLUTION_FORM } from '../support/sample-solution';
import form from '../fixtures/request-form.json';

const { councilOfficer, dsgChair } = MOCK_USERS;

describe.each(ENGINES)('the request form starts from the re-use catalogue (%s)', (engine) => {
  const s = useDsgBot(engine);
  const idea = { ...form, title: 'Tablets for care at home staff', problem: 'Carers write visit notes on paper and type them up back at the office.' };
  const answers = (step: 1 | 2 | 3, overrides: Record<string, string> = {}) => ({
    ...Object.fromEntries(FORM_STEPS[step - 1].fields.map((f) => [f, (idea as Record<string, string>)[f]])),
    ...overrides,
  });
  const choicesOf = (card: Record<string, unknown>) => (input(card, 'reuseSolution').choices as { title: string; value: string }[]).map((c) => c.title);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const entry of [
      { ...SOLUTION_FORM, name: 'Mobile working app', owningService: 'Digital Services', strands: 'customers', keywords: 'mobile, tablets' },
      { ...SOLUTION_FORM, name: 'Care records system', owningService: 'Health and Social Care', strands: 'employees', keywords: 'care' },
      { ...SOLUTION_FORM, name: 'Assessment forms', owningService: 'Health and Social Care', strands: 'employees', keywords: 'forms' },
    ]) {
      const save = action(invokeCard(await press(s.t, 'solution.new', {}, dsgChair)), 'solution.save');
      expect(wordsOf(invokeCard(await press(s.t, 'solution.save', { ...save.data, ...entry }, dsgChair)))).toContain(`Added to the catalogue: ${entry.name}`);
    }
    for (const entry of await s.db.read((store: Store) => store.solutions.list())) ids[entry.name] = entry.id;
  });

  it('offers the entries by name after None of these, keeps an unknown or retired choice as a problem with what was typed, and carries the choice to the DSG', async () => {
    const { formId } = action(invokeCard(await press(s.t, 'request.new', { fresh: true }, councilOfficer)), 'request.next').data;
    await press(s.t, 'request.next', { formId, step: 1, ...answers(1) }, councilOfficer);
    const third = invokeCard(await press(s.t, 'request.next', { formId, step: 2, ...answers(2) }, councilOfficer));
    expect(wordsOf(third)).toContain('Step 3 of 3');
    expect(input(third, 'reuseSolution')).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', label: expect.stringMatching(/^What existing council, shared or national solution did you check\?/) });
    expect(choicesOf(third)).toEqual(['None of these', 'Assessment forms (Health and Social Care)', 'Care records system (Health and Social Care)', 'Mobile working app (Digital Services)']);
    expect(input(third, 'reuseChecked').isRequired).toBe(true);

    // An id the catalogue does not hold (a tampered or very old card): the problem under the choice, nothing lost.
    const typed = answers(3, { reuseSolution: 'no-such-entry', reuseChecked: 'Asked Digital Services about tablets.' });
    const unknown = invokeCard(await press(s.t, 'request.submit', { formId, step: 3, ...typed }, councilOfficer));
    expect(wordsOf(unknown)).toContain('That is not an entry in the catalogue: choose one from the list, or None of these.');
    expect(input(unknown, 'reuseSolution').value).toBe('no-such-entry');
    expect(input(unknown, 'reuseChecked').value).toBe('Asked Digital Services about tablets.');

    // An entry retired after the card was drawn: said by name, and no longer offered.
    const retiring = await s.db.read((store: Store) => store.solutions.get(ids['Assessment forms']));
    await s.db.read((store: Store) => store.solutions.update({ ...retiring!, retired: true, version: retiring!.version + 1 }, retiring!.version));
    const retired = invokeCard(await press(s.t, 'request.submit', { formId, step: 3, ...typed, reuseSolution: ids['Assessment forms'] }, councilOfficer));
    expect(wordsOf(retired)).toContain('Assessment forms has been retired from the catalogue: choose another entry, or None of these.');
    expect(choicesOf(retired)).not.toContain('Assessment forms (Health and Social Care)');
    expect(input(retired, 'reuseChecked').value).toBe('Asked Digital Services about tablets.');

    let done = invokeCard(await press(s.t, 'request.submit', { formId, step: 3, ...typed, reuseSolution: ids['Mobile working app'] }, councilOfficer));
    if (!wordsOf(done).includes('Submitted as')) done = invokeCard(await press(s.t, 'request.confirm', { formId }, councilOfficer));
    const reference = /DP-\d{4}-\d{4}/.exec(wordsOf(done))![0];
    expect((await s.db.read((store: Store) => store.requests.getByReference(reference)))?.reuseSolution).toBe(ids['Mobile working app']);

    const post = await s.t.connector.waitFor(triageCardOf(reference));
    expect(wordsOf(attachedCard(post.activity))).toMatch(/Checked: \nMobile working app \(Digital Services\)/);
    // The DSG's "Re-use an existing solution" offers the entry the requester checked first.
    expect((input(attachedCard(post.activity), 'solutionId').choices as { title: string }[])[0].title).toBe('Mobile working app (Digital Services)');

    const detail = answerCard(await press(s.t, 'request.view', { reference }, councilOfficer), s.t);
    expect(wordsOf(detail)).toMatch(/Checked: \nMobile working app \(Digital Services\)/);
    expect(wordsOf(detail)).toContain('Asked Digital Services about tablets.');
  });

  it('takes None of these, and asks in words alone once the catalogue offers nothing', async () => {
    const { formId } = action(invokeCard(await press(s.t, 'request.new', { fresh: true }, councilOfficer)), 'request.next').data;
    let done = invokeCard(await press(s.t, 'request.submit', { formId, ...idea, title: 'Tablets for home carers', reuseSolution: 'none' }, councilOfficer));
    if (!wordsOf(done).includes('Submitted as')) done = invokeCard(await press(s.t, 'request.confirm', { formId }, councilOfficer));
    const reference = /DP-\d{4}-\d{4}/.exec(wordsOf(done))![0];
    const detail = answerCard(await press(s.t, 'request.view', { reference }, councilOfficer), s.t);
    expect(wordsOf(detail)).toMatch(/Checked: \nNone of the catalogue's entries/);

    for (const entry of await s.db.read((store: Store) => store.solutions.list())) {
      if (!entry.retired) await s.db.read((store: Store) => store.solutions.update({ ...entry, retired: true, version: entry.version + 1 }, entry.version));
    }
    const next = action(invokeCard(await press(s.t, 'request.new', { fresh: true }, councilOfficer)), 'request.next').data;
    await press(s.t, 'request.next', { ...next, step: 1, ...answers(1) }, councilOfficer);
    const third = invokeCard(await press(s.t, 'request.next', { ...next, step: 2, ...answers(2) }, councilOfficer));
    expect(() => input(third, 'reuseSolution')).toThrow();
    expect(input(third, 'reuseChecked').label).toBe('What existing council, shared or national solution did you check?');
  });
});
