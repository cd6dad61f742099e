import { parseCommand } from '../../src/teams/commands';
import { VERBS } from './card-checks';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEvent } from '../../src/domain/audit';
import type { Draft } from '../../src/domain/request-form';
import type { SimilarRequest } from '../../src/domain/similarity';
import { CARDS_DIR, cardBytes, render, type AdaptiveCardJson } from '../../src/presenters/render';
import { CARD_NAMES, type CardName } from '../../src/presenters/types';
import { MAX_HISTORY_SHOWN, requestDetailCard } from '../../src/presenters/request-detail';
import { draftOfferCard } from '../../src/presenters/draft-offer';
import { helpCard } from '../../src/presenters/help';
import { greetingCard } from '../../src/presenters/greeting';
import { COMMANDS, commandsFor, type Greeting, shownAs } from '../../src/domain/commands';
import { myRequestsCard } from '../../src/presenters/my-requests';
import { requestFormCard } from '../../src/presenters/request-form';
import { requestSubmittedCard } from '../../src/presenters/request-submitted';
import { similarRequestsCard } from '../../src/presenters/similar-requests';
import { withBack } from '../../src/presenters/back';
import { requestSummaryCard } from '../../src/presenters/request-summary';
import { welcomeCard } from '../../src/presenters/welcome';
import { PRINCIPLES, ROUTES, STRANDS, BENEFICIARIES } from '../../src/domain/catalogue';
import type { ProjectRequest } from '../../src/domain/request';
import { FORM_FIELDS, FORM_STEPS, type FormField, LIMITS, REQUIRED_MESSAGES, validateRequestForm } from '../../src/domain/request-form';
import {
  MAX_CARD_BYTES,
  actionsOf,
  cardProblems,
  factsOf,
  find,
  inputById,
  ofType,
  paragraphs,
  strings,
  walk,
  visibleText,
} from './card-checks';

// ---------------------------------------------------------------------------------------------
// Realistic data

function aRequest(overrides: Partial<ProjectRequest> = {}): ProjectRequest {
  return {
    id: 'r-0b6c2d8e',
    reference: 'DP-2026-0012',
    status: 'submitted',
    version: 1,
    requesterId: '29:1a2b3c',
    requesterName: 'Morag MacLeod',
    formId: 'f-5c1e0a7b',
    createdAt: '2026-11-27T09:30:00.000Z',
    updatedAt: '2026-12-03T14:05:00.000Z',
    title: 'Online booking for bulky uplifts',
    problem:
      'Residents can only book a bulky waste uplift by phoning the contact centre, Monday to Friday 9 to 5. Around 600 calls a month are bookings, and the crews\' lists are typed up by hand the next morning. Missed and double bookings cause about 40 complaints a month, and the paper lists are often wrong by the time the crews set out in the morning.',
    outcome: 'Residents book and pay for an uplift online at any time and get a confirmed collection date straight away.',
    beneficiaries: ['citizens', 'employees'],
    strand: 'customers',
    principles: ['customer-focused', 'collaboration-value'],
    principlesHow: 'Residents can book when it suits them; re-using the national booking service keeps the cost down.',
    reuseSolution: null,
    reuseChecked: "The council's forms platform (cannot take payments) and the national booking service used by two neighbouring councils.",
    route: 'share',
    routeJustification: null,
    personalData: true,
    oneOffCost: 25000,
    annualBenefit: 18000,
    desiredStart: '2027-04-01',
    ...overrides,
  };
}

function anEvent(at: string, action: string, actorName = 'Morag MacLeod', overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    at,
    actorId: '29:1a2b3c',
    actorName,
    action,
    subjectType: 'request',
    subjectId: 'DP-2026-0012',
    outcome: 'done',
    before: null,
    after: null,
    detail: null,
    ...overrides,
  };
}

const aDraft = (overrides: Partial<Draft> = {}): Draft => ({
  formId: 'f-5c1e0a7b',
  personId: '29:1a2b3c',
  values: { title: 'Online booking for bulky uplifts', problem: 'Residents can only book by phone.' },
  createdAt: '2026-11-26T16:00:00.000Z',
  updatedAt: '2026-11-26T16:42:00.000Z',
  ...overrides,
});

const long = (n: number, seed = 'The contact centre takes every booking by phone. ') =>
  seed.repeat(Math.ceil(n / seed.length)).slice(0, n);

const expectValid = (card: AdaptiveCardJson) => expect(cardProblems(card)).toEqual([]);
const verbsOf = (card: AdaptiveCardJson) => actionsOf(card).map((a) => a.verb);
const topActions = (card: AdaptiveCardJson) => (card.actions ?? []) as Record<string, unknown>[];

// ---------------------------------------------------------------------------------------------
// Every template, with its sample data

const templateNames = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.sample.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

describe('card templates (every cards/*.json, with its .sample.json)', () => {
  it('finds the templates', () => {
    expect(templateNames.length).toBeGreaterThan(0);
  });

  it('has a typed data shape for every template, and a template for every card name', () => {
    expect([...CARD_NAMES].sort()).toEqual(templateNames);
  });

  it('has no sample data without a template', () => {
    const samples = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.sample.json'));
    for (const sample of samples) expect(templateNames).toContain(sample.slice(0, -'.sample.json'.length));
  });

  describe.each(templateNames)('%s', (name) => {
    const templatePath = join(CARDS_DIR, `${name}.json`);
    const samplePath = join(CARDS_DIR, `${name}.sample.json`);

    it('has sample data beside it', () => {
      expect(existsSync(samplePath)).toBe(true);
    });

    it('is a version 1.5 AdaptiveCard template with the schema', () => {
      const template = JSON.parse(readFileSync(templatePath, 'utf8'));
      expect(template).toMatchObject({
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.5',
      });
    });

    it('expands with its sample data into a valid card (library and own checks)', () => {
      if (!existsSync(samplePath)) throw new Error(`${name}.json has no ${name}.sample.json`);
      const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
      const card = render(name as CardName, sample as never);
      expect(cardProblems(card)).toEqual([]);
      expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    });

    it('never puts data into markdown text (TextBlock, Fact) except server-written messages', () => {
      // TextBlocks and facts render Markdown in Teams: data goes in TextRuns (or Inputs).
      // Allowed: form errors and counters the server writes, and catalogue/derived values in facts.
      const template = JSON.parse(readFileSync(templatePath, 'utf8'));
      const allowedInTextBlock = [
        /\$\{errors\.\w+\}/g,
        /\$\{pages?\}/g,
        /\$\{if\(total == 1, '1 request', concat\(string\(total\), ' requests'\)\)\}/g,
        // `<at>Name</at>`: Teams needs a mention in a TextBlock; the caller escapes it and adds the entity.
        /^\$\{leaderMention\}$/g,
        // Headings, notices and links the server writes (digest, annual report): never a person's text.
        /\$\{(heading|subheading|programmeHeading|moreText|financialYear|statusDefinition|csvUrl|jsonUrl|docxUrl|htmlUrl|expires)\}/g,
      ];
      const allowedInFact = [
        // Numbers and catalogue labels the server writes (digest charts' text equivalents, annual report).
        /\$\{(string\(count\)|amountText|factValue)\}/g,
        /\$\{(reference|statusLabel|strandName|digitalLeaderTitle|submittedAt|submitted|updated|personalData|oneOffCost|annualBenefit|desiredStart|priorityLabel|stageLabel)\}/g,
      ];
      const leftOver = (text: string, allowed: RegExp[]) => allowed.reduce((t, re) => t.replace(re, ''), text).includes('${');
      const bad: string[] = [];
      walk(template, (o, path) => {
        if (o.type === 'TextBlock' && typeof o.text === 'string' && leftOver(o.text, allowedInTextBlock)) {
          bad.push(`${path}: ${o.text}`);
        }
        const isFact = typeof o.title === 'string' && typeof o.value === 'string' && !('type' in o) && path.includes('.facts[');
        if (isFact && (leftOver(o.title as string, [/\$\{(label|factTitle)\}/g]) || leftOver(o.value as string, allowedInFact))) {
          bad.push(`${path}: ${o.title} = ${o.value}`);
        }
      });
      expect(bad).toEqual([]);
    });
  });
});

describe('render', () => {
  it('refuses a name that is not a card name (no paths)', () => {
    expect(() => render('../package' as CardName, {} as never)).toThrow(/Not a card name/);
  });

  it('resolves the cards folder at the project root', () => {
    expect(existsSync(join(CARDS_DIR, 'welcome.json'))).toBe(true);
    expect(existsSync(join(CARDS_DIR, '..', 'package.json'))).toBe(true);
  });

  it('gives a fresh object each time (the cached template is not changed by use)', () => {
    const a = welcomeCard('Morag');
    (a.body as unknown[]).push('changed');
    const b = welcomeCard('Morag');
    expect(b.body).toHaveLength((a.body as unknown[]).length - 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Typed render functions

describe('welcomeCard', () => {
  it('greets the person by first name and says what the bot does', () => {
    const card = welcomeCard('Morag');
    expectValid(card);
    expect(paragraphs(card)[0]).toBe('Hello, Morag');
    expect(visibleText(card)).toMatch(/Digital Strategy Group \(DSG\)/);
    expect(visibleText(card)).toMatch(/Digital Programme/);
    expect(visibleText(card)).not.toMatch(/will come later/);
    expect(verbsOf(card)).toEqual(['request.new', 'request.list', 'help.show']);
    expect(topActions(card).map((a) => a.title)).toEqual(['Submit an idea', 'My requests', 'Help']);
  });

  it('just says hello without a name', () => {
    for (const name of [undefined, null, '', '   ']) {
      const card = welcomeCard(name);
      expectValid(card);
      expect(paragraphs(card)[0]).toBe('Hello');
    }
  });
});

describe('helpCard', () => {
  const everyone = commandsFor(['colleague']);

  it('lists the commands given, by part, the four principles from the catalogue and the share-and-re-use rule', () => {
    const card = helpCard({ commands: everyone });
    expectValid(card);
    const facts = factsOf(card);
    expect(Object.keys(facts).sort()).toEqual(everyone.map(shownAs).sort());
    expect(Object.keys(facts)).toEqual(expect.arrayContaining(['new', 'my requests', 'view DP-2026-0007', 'help', 'programme', 'project DP-2026-0007']));
    // Every command the help card names is one the bot understands, and reaches a verb it answers.
    for (const command of Object.keys(facts)) expect(VERBS).toContain(parseCommand(command)?.verb);
    const text = visibleText(card);
    expect(text).toMatch(/@mention DSG Bot/);
    expect(text).not.toMatch(/Sorry|For the DSG/);
    for (const p of PRINCIPLES) expect(paragraphs(card).some((line) => line.startsWith(`${p.name}: `))).toBe(true);
    expect(text).toMatch(/Share and re-use before buying; build only as a last resort\./);
    expect(verbsOf(card)).toEqual(['request.new', 'request.list']);
  });

  it('shows every command in the table to an admin, under its part', () => {
    const card = helpCard({ commands: commandsFor(['colleague', 'admin']) });
    expectValid(card);
    expect(Object.keys(factsOf(card)).sort()).toEqual(COMMANDS.map(shownAs).sort());
    expect(visibleText(card)).toMatch(/For the DSG[\s\S]*For administrators/);
  });

  it('says what was not understood, and the nearest command in code type', () => {
    const card = helpCard({ commands: everyone, notUnderstood: { typed: 'progamme', suggestion: 'programme' } });
    expectValid(card);
    expect(paragraphs(card).slice(0, 2)).toEqual(['Sorry, I did not understand "progamme".', 'Did you mean programme?']);
    expect(JSON.stringify(card)).toContain('"text":"programme","fontType":"Monospace"');
    const far = paragraphs(helpCard({ commands: everyone, notUnderstood: { typed: 'xyzzy', suggestion: null } }));
    expect(far[0]).toBe('Sorry, I did not understand "xyzzy".');
    expect(far.join('\n')).not.toMatch(/Did you mean/);
  });
});

describe('greetingCard', () => {
  const greeting = (over: Partial<Greeting>): Greeting => ({ said: { kind: 'greeting', salutation: 'Good morning' }, givenName: 'Morag', dsg: false, pending: null, ...over });

  it('tells staff what they can do, by given name', () => {
    const card = greetingCard(greeting({}));
    expectValid(card);
    expect(paragraphs(card)[0]).toBe('Good morning, Morag');
    expect(visibleText(card)).toMatch(/ideas for digital projects/);
    expect(verbsOf(card)).toEqual(['request.new', 'request.list', 'help.show']);
  });

  it('tells the DSG how many requests await a decision, and opens them', () => {
    const card = greetingCard(greeting({ dsg: true, pending: 3, givenName: null, said: { kind: 'greeting', salutation: 'Hello' } }));
    expectValid(card);
    expect(paragraphs(card).slice(0, 2)).toEqual(['Hello', '3 requests are waiting for a DSG decision.']);
    expect(verbsOf(card)).toEqual(['request.pending', 'programme.show', 'request.new', 'help.show']);
    const none = greetingCard(greeting({ dsg: true, pending: 0 }));
    expect(paragraphs(none)[1]).toBe('No requests are waiting for a DSG decision.');
    expect(verbsOf(none)).toEqual(['programme.show', 'request.new', 'help.show']);
  });
});

describe('requestFormCard', () => {
  const CATALOGUE = [
    { id: 's-waste', name: 'Waste and recycling bookings', owningService: 'Waste Services' },
    { id: 's-halls', name: 'Community hall and room booking', owningService: 'Customer Services' },
  ];
  const MANDATORY = ['title', 'problem', 'outcome', 'beneficiaries', 'strand', 'principles', 'principlesHow', 'reuseChecked', 'route'];
  const STEPS = [1, 2, 3] as const;
  const inputsOf = (card: AdaptiveCardJson) => find(card, (o) => typeof o.type === 'string' && o.type.startsWith('Input.'));
  const sample = JSON.parse(readFileSync(join(CARDS_DIR, 'request-form.sample.json'), 'utf8'));

  it.each(STEPS)('draws step %i from the sample data as a valid card', (step) => {
    const card = render('request-form', { ...sample, step, stepLabel: `Step ${step} of 3: ${FORM_STEPS[step - 1].title}` });
    expectValid(card);
    expect(inputsOf(card).map((i) => i.id)).toEqual([...FORM_STEPS[step - 1].fields]);
  });

  it('splits the form into three short steps, with one labelled input per field, named as the field', () => {
    expect(FORM_STEPS.map((s) => s.title)).toEqual(['About the idea', 'Fit with the strategy', 'Re-use, cost and timing']);
    const ids = STEPS.flatMap((step) => inputsOf(requestFormCard({ formId: 'f-1', step, catalogue: CATALOGUE })).map((i) => String(i.id)));
    expect(ids.sort()).toEqual([...FORM_FIELDS].sort());
    for (const step of STEPS) {
      const card = requestFormCard({ formId: 'f-1', step, catalogue: CATALOGUE });
      expectValid(card);
      expect(paragraphs(card)[0]).toBe(`Step ${step} of 3: ${FORM_STEPS[step - 1].title}`);
      // Required inputs are marked by Teams itself (isRequired draws an asterisk); the rest say so in words.
      for (const i of inputsOf(card)) expect([i.id, /\((optional|required for buy or build)\)$/.test(String(i.label))]).toEqual([i.id, !MANDATORY.includes(String(i.id)) && i.id !== 'personalData']);
    }
    expect(String(inputById(requestFormCard({ formId: 'f-1', step: 3 }), 'routeJustification')?.label)).toMatch(/required for buy or build/);
  });

  it('marks every required input isRequired with the same errorMessage the server gives, so Teams flags them all at once', () => {
    for (const step of STEPS) {
      const card = requestFormCard({ formId: 'f-1', step });
      for (const i of inputsOf(card)) {
        const id = String(i.id) as FormField;
        expect([id, i.isRequired === true]).toEqual([id, MANDATORY.includes(id)]);
        if (i.isRequired) expect(i.errorMessage).toBe(REQUIRED_MESSAGES[id as keyof typeof REQUIRED_MESSAGES]);
      }
    }
    const empty = validateRequestForm({}, '2026-11-27');
    expect(!empty.ok && Object.keys(empty.errors).sort()).toEqual([...MANDATORY].sort());
    if (!empty.ok) for (const f of MANDATORY) expect(empty.errors[f as FormField]).toBe(REQUIRED_MESSAGES[f as keyof typeof REQUIRED_MESSAGES]);
  });

  it('uses the right kind of input for each field', () => {
    const all = STEPS.map((step) => requestFormCard({ formId: 'f-1', step }));
    const byId = (id: string) => all.map((card) => inputById(card, id)).find(Boolean);
    expect(byId('title')).toMatchObject({ type: 'Input.Text', maxLength: LIMITS.title });
    for (const f of ['problem', 'outcome', 'principlesHow', 'reuseChecked', 'routeJustification']) {
      expect(byId(f)).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: LIMITS.text });
    }
    expect(byId('beneficiaries')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'expanded' });
    expect(byId('principles')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'expanded' });
    expect(byId('strand')).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact' });
    expect(byId('route')).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded' });
    expect(byId('personalData')).toMatchObject({
      type: 'Input.Toggle',
      title: 'Personal data is involved (a data protection impact assessment will be needed)',
      valueOn: 'true',
      valueOff: 'false',
      value: 'false',
    });
    expect(byId('oneOffCost')).toMatchObject({ type: 'Input.Text' });
    expect(byId('annualBenefit')).toMatchObject({ type: 'Input.Text' });
    expect(String(byId('oneOffCost')?.label)).toMatch(/whole pounds GBP/);
    expect(byId('desiredStart')).toMatchObject({ type: 'Input.Date' });
  });

  it('offers the catalogue choices, in catalogue order', () => {
    const choices = (step: 1 | 2 | 3, id: string) =>
      (inputById(requestFormCard({ formId: 'f-1', step }), id)?.choices as { title: string; value: string }[]).map((c) => [c.title, c.value]);
    expect(choices(2, 'strand')).toEqual(STRANDS.map((s) => [s.name, s.id]));
    expect(choices(2, 'principles')).toEqual(PRINCIPLES.map((s) => [s.name, s.id]));
    expect(choices(1, 'beneficiaries')).toEqual(BENEFICIARIES.map((s) => [s.name, s.id]));
    expect(choices(3, 'route')).toEqual(ROUTES.map((s) => [s.name, s.id]));
  });

  it("offers the re-use catalogue's entries as a searchable choice on the last step, None of these first and the entries by name, beside the words", () => {
    const card = requestFormCard({ formId: 'f-1', step: 3, catalogue: CATALOGUE, values: { reuseSolution: 's-halls' } });
    expectValid(card);
    const choice = inputById(card, 'reuseSolution');
    expect(choice).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', value: 's-halls' });
    expect(choice?.isMultiSelect).toBeFalsy();
    expect(String(choice?.label)).toMatch(/^What existing council, shared or national solution did you check\?/);
    expect((choice?.choices as { title: string; value: string }[]).map((c) => [c.title, c.value])).toEqual([
      ['None of these', 'none'],
      ['Community hall and room booking (Customer Services)', 's-halls'],
      ['Waste and recycling bookings (Waste Services)', 's-waste'],
    ]);
    // The words are still asked for, and the whole catalogue fits: nothing says some are left out.
    expect(inputById(card, 'reuseChecked')).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(visibleText(card)).not.toMatch(/in the catalogue\. Not listed/);
    // Not on the other steps, and not at all when the catalogue offers nothing: then the question is asked in words.
    expect(inputById(requestFormCard({ formId: 'f-1', step: 2, catalogue: CATALOGUE }), 'reuseSolution')).toBeUndefined();
    const without = requestFormCard({ formId: 'f-1', step: 3, catalogue: [] });
    expect(inputById(without, 'reuseSolution')).toBeUndefined();
    expect(String(inputById(without, 'reuseChecked')?.label)).toBe('What existing council, shared or national solution did you check?');
  });

  it('holds as many of 2,000 catalogue entries as fit in 28 KB, the most relevant first (the chosen one always), and says so', () => {
    const big = Array.from({ length: 2000 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Entry ${String(2000 - i).padStart(4, '0')} ${'for a long catalogue name '.repeat(3)}`,
      owningService: 'Customer Services and Digital Transformation',
    }));
    const values = { reuseSolution: big[0].id, reuseChecked: long(LIMITS.text), routeJustification: long(LIMITS.text) };
    const card = requestFormCard({ formId: 'f-5c1e0a7b-3d2f-4f1e-9a55-0b6c2d8e4a17', step: 3, catalogue: big, values, errors: { reuseSolution: 'That is not an entry in the catalogue.' } });
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    const shown = (inputById(card, 'reuseSolution')?.choices as { title: string; value: string }[]).map((c) => c.value);
    expect(shown.length).toBeGreaterThan(20);
    expect(shown.length).toBeLessThan(2001);
    // The most relevant ones (the front of the list given), shown by name; the chosen one is kept.
    expect(new Set(shown.slice(1))).toEqual(new Set(big.slice(0, shown.length - 1).map((s) => s.id)));
    expect(shown).toContain(big[0].id);
    expect(shown.slice(1)).toEqual([...big.slice(0, shown.length - 1)].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')).map((s) => s.id));
    expect(visibleText(card)).toContain(`The ${(shown.length - 1).toLocaleString('en-GB')} entries closest to your idea and its strand, of 2,000 in the catalogue.`);
    expect(visibleText(card)).toContain('That is not an entry in the catalogue.');
    expect(inputById(card, 'reuseChecked')?.value).toBe(values.reuseChecked);
  });

  it('offers Next, then Back and Next, then Back and Submit: Back sends no inputs (nothing is checked), Next and Submit send them all', () => {
    const buttons = (step: 1 | 2 | 3) => topActions(requestFormCard({ formId: 'f-5c1e0a7b', step })).map((a) => [a.title, a.verb, a.associatedInputs, a.data]);
    const data = (step: number) => ({ formId: 'f-5c1e0a7b', step });
    expect(buttons(1)).toEqual([['Next', 'request.next', 'auto', data(1)]]);
    expect(buttons(2)).toEqual([['Back', 'request.back', 'none', data(2)], ['Next', 'request.next', 'auto', data(2)]]);
    expect(buttons(3)).toEqual([['Back', 'request.back', 'none', data(3)], ['Submit', 'request.submit', 'auto', data(3)]]);
    for (const a of topActions(requestFormCard({ formId: 'f-1', step: 2 }))) expect((a.fallback as Record<string, unknown>).associatedInputs).toBe(a.associatedInputs);
  });

  it('starts empty, with no errors and no notice', () => {
    for (const step of STEPS) {
      const card = requestFormCard({ formId: 'f-1', step });
      for (const i of inputsOf(card)) expect(i.value).toBe(i.id === 'personalData' ? 'false' : '');
      expect(find(card, (o) => o.color === 'attention')).toEqual([]);
      expect(paragraphs(card)).toEqual([`Step ${step} of 3: ${FORM_STEPS[step - 1].title}`]);
    }
  });

  it("keeps what the person typed and shows each of the step's errors right under its input, with the summary at the top and beside the buttons", () => {
    const values = {
      title: 'Online booking for bulky uplifts',
      strand: 'customers',
      reuseChecked: 'The national booking service.',
      route: 'buy',
      oneOffCost: '25k',
      desiredStart: '2027-04-01',
    };
    const errors = {
      outcome: 'Enter the intended outcome for customers.',
      routeJustification: 'Explain why re-using or sharing an existing solution will not do: buying or building is the last resort.',
      oneOffCost: 'Enter the one-off cost as a number of pounds, like 25000.',
    };
    const card = requestFormCard({ formId: 'f-1', step: 3, values, errors });
    expectValid(card);
    for (const f of ['reuseChecked', 'route', 'oneOffCost', 'desiredStart'] as const) expect(inputById(card, f)?.value).toBe(values[f]);
    expect(inputById(card, 'title')).toBeUndefined();

    const items = (card.body as Record<string, unknown>[]).flatMap((o) => (o.type === 'Container' ? (o.items as Record<string, unknown>[]) : [o]));
    for (const field of ['routeJustification', 'oneOffCost'] as const) {
      const at = items.findIndex((o) => o.id === field);
      expect(items[at + 1]).toMatchObject({ type: 'TextBlock', text: errors[field], color: 'attention', wrap: true });
    }
    // Step 1's problem is not drawn on step 3.
    expect(find(card, (o) => o.type === 'TextBlock' && o.color === 'attention')).toHaveLength(2);
    expect(paragraphs(card)).toEqual(['Step 3 of 3: Re-use, cost and timing', 'Please fix the 2 problems marked below.', 'Please fix the 2 problems marked above.']);
    expect((card.body as Record<string, unknown>[]).at(-1)).toMatchObject({ type: 'RichTextBlock', id: 'problems-summary' });
  });

  it('says how many problems there are, and a notice of its own replaces only the top line', () => {
    expect(paragraphs(requestFormCard({ formId: 'f-1', errors: { title: 'Enter a title.' } })).slice(1)).toEqual([
      'Please fix the problem marked below.',
      'Please fix the problem marked above.',
    ]);
    expect(paragraphs(requestFormCard({ formId: 'f-1', errors: { title: 'a', problem: 'b' }, notice: 'This card is out of date.' })).slice(1)).toEqual([
      'This card is out of date.',
      'Please fix the 2 problems marked above.',
    ]);
  });

  it('never prefills more than an input accepts, and only values the inputs understand', () => {
    const values = { title: 'x'.repeat(500), problem: 'p'.repeat(9000), personalData: 'yes', desiredStart: '14/01/2027' };
    const first = requestFormCard({ formId: 'f-1', values });
    expectValid(first);
    expect(inputById(first, 'title')?.value).toHaveLength(LIMITS.title);
    expect(inputById(first, 'problem')?.value).toHaveLength(LIMITS.text);
    expect(inputById(requestFormCard({ formId: 'f-1', step: 2, values }), 'personalData')?.value).toBe('false');
    expect(inputById(requestFormCard({ formId: 'f-1', step: 3, values }), 'desiredStart')?.value).toBe('');
  });

  it.each(STEPS)('stays under 28 KB on step %i with every text field full (4,000 characters each) and every error shown', (step) => {
    const values = {
      title: long(LIMITS.title),
      problem: long(LIMITS.text),
      outcome: long(LIMITS.text),
      beneficiaries: 'citizens,businesses,learners-educators,employees',
      strand: 'business-services',
      principles: 'customer-focused,skilled-workforce,privacy-openness,collaboration-value',
      principlesHow: long(LIMITS.text),
      reuseChecked: long(LIMITS.text),
      route: 'build',
      routeJustification: long(LIMITS.text),
      personalData: 'true',
      oneOffCost: '100000000',
      annualBenefit: '100000000',
      desiredStart: '2027-01-14',
    };
    const errors = Object.fromEntries(FORM_FIELDS.map((f) => [f, 'Explain why re-using or sharing an existing solution will not do.']));
    const card = requestFormCard({ formId: 'f-5c1e0a7b-3d2f-4f1e-9a55-0b6c2d8e4a17', step, values, errors });
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('similarRequestsCard', () => {
  const matches: SimilarRequest[] = [
    { reference: 'DP-2026-0007', title: 'Book and pay for special uplifts online', status: 'under-review', strand: 'customers', score: 0.62 },
    { reference: 'DP-2026-0003', title: 'Garden waste permits online', status: 'approved', strand: 'customers', score: 0.34 },
  ];

  it('lists each match with reference, title, status and strand, and offers the three choices', () => {
    const card = similarRequestsCard('f-1', 'Online booking for bulky uplifts', matches);
    expectValid(card);
    const text = paragraphs(card);
    expect(text[0]).toBe(
      'These look similar to "Online booking for bulky uplifts". The strategy aims to reduce duplication: check them before you submit.',
    );
    expect(text).toContain('DP-2026-0007 – Book and pay for special uplifts online');
    expect(text).toContain('Under review · Digital Customers');
    expect(text).toContain('Approved · Digital Customers');
    expect(topActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Submit anyway', 'request.confirm', { formId: 'f-1' }],
      ['Edit my request', 'request.edit', { formId: 'f-1' }],
      ['Discard this idea', 'request.discard', { formId: 'f-1' }],
    ]);
    expect(visibleText(card)).toContain('If one of these is the same idea, you can discard yours: nothing has been submitted yet.');
    // Each match opens (with the idea's form id, so the opened card leads back to these choices).
    const opens = actionsOf(card).filter((a) => a.verb === 'request.view');
    expect(opens.map((a) => [a.title, a.data])).toEqual(matches.map((m) => ['Open', { reference: m.reference, back: { verb: 'request.similar', formId: 'f-1' } }]));
  });

  it('leads back from an opened match to the idea, first among the opened card\'s buttons', () => {
    const opened = withBack(requestSummaryCard(aRequest({ status: 'approved' }), true), { verb: 'request.similar', formId: 'f-1' });
    expectValid(opened);
    expect(topActions(opened).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Back to my idea', 'request.similar', { formId: 'f-1', here: true }],
      ['Open project', 'project.view', { reference: 'DP-2026-0012' }],
    ]);
  });

  it('shows at most five matches', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...matches[0], reference: `DP-2026-00${10 + i}` }));
    const card = similarRequestsCard('f-1', 'Bulky uplifts', many);
    expectValid(card);
    expect(ofType(card, 'Container')).toHaveLength(5);
  });
});

describe('requestSubmittedCard', () => {
  it('confirms the reference, summarises the request and says what happens next', () => {
    const request = aRequest({ strand: 'learning', problem: long(900) });
    const card = requestSubmittedCard(request);
    expectValid(card);
    const text = paragraphs(card);
    expect(text[0]).toBe('Submitted as DP-2026-0012');
    expect(text[1]).toBe('Online booking for bulky uplifts');
    expect(text[2].length).toBeLessThanOrEqual(300);
    expect(text[2].endsWith('…')).toBe(true);
    expect(factsOf(card)).toEqual({
      Reference: 'DP-2026-0012',
      Strand: 'Digital Learning',
      'Looked after by': 'Digital Leader for Digital Learning',
      Submitted: '27 Nov 2026, 09:30',
    });
    expect(text[3]).toBe(
      'What happens next: the Digital Strategy Group reviews it at its next meeting (it meets at least every two months); ' +
        'the Digital Leader for Digital Learning looks after this strand. You will get a message here when it is decided.',
    );
    expect(topActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Open request', 'request.view', { reference: 'DP-2026-0012' }],
      ['My requests', 'request.list', { page: 1 }],
    ]);
  });

  it('keeps a short problem whole in the summary', () => {
    const card = requestSubmittedCard(aRequest({ problem: 'Bookings are by phone only.\n\nCrews get paper lists.' }));
    expect(paragraphs(card)[2]).toBe('Bookings are by phone only. Crews get paper lists.');
  });
});

describe('myRequestsCard', () => {
  const five = Array.from({ length: 5 }, (_, i) =>
    aRequest({ reference: `DP-2026-00${20 - i}`, title: `Idea ${20 - i}`, updatedAt: `2026-11-${20 - i}T10:00:00Z` }),
  );

  it('shows each request compactly with an Open button that comes Back to this page, and Next (in place) on the first page', () => {
    const card = myRequestsCard({ items: five, total: 12 }, 1, 5);
    expectValid(card);
    expect(visibleText(card)).toMatch(/12 requests, newest first\. Page 1 of 3\./);
    expect(paragraphs(card)[0]).toBe('DP-2026-0020 – Idea 20');
    expect(paragraphs(card)[1]).toBe('Submitted · Digital Customers · updated 20 Nov 2026');
    const views = actionsOf(card).filter((a) => a.verb === 'request.view');
    expect(views.map((a) => [a.title, a.data])).toEqual(five.map((r) => ['Open', { reference: r.reference, back: { verb: 'request.list', page: 1 } }]));
    expect(topActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Next', 'request.list', { page: 2, here: true }],
      ['Submit an idea', 'request.new', {}],
    ]);
  });

  it('has Previous and Next in the middle, Previous only on the last page', () => {
    const middle = myRequestsCard({ items: five, total: 12 }, 2, 5);
    expect(topActions(middle).map((a) => [a.title, a.data])).toEqual([
      ['Previous', { page: 1, here: true }],
      ['Next', { page: 3, here: true }],
      ['Submit an idea', {}],
    ]);
    const last = myRequestsCard({ items: five.slice(0, 2), total: 12 }, 3, 5);
    expectValid(last);
    expect(topActions(last).map((a) => a.title)).toEqual(['Previous', 'Submit an idea']);
  });

  it('says so when there are no requests yet', () => {
    const card = myRequestsCard({ items: [], total: 0 }, 1, 5);
    expectValid(card);
    expect(visibleText(card)).toMatch(/You have not submitted any requests yet\./);
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Submit an idea']);
  });

  it('says "1 request"', () => {
    expect(visibleText(myRequestsCard({ items: five.slice(0, 1), total: 1 }, 1, 5))).toMatch(/^1 request, newest first\. Page 1 of 1\./m);
  });

  it('stays under 28 KB even with 20 long titles on a page (the bot shows 5)', () => {
    const items = Array.from({ length: 20 }, (_, i) => aRequest({ reference: `DP-2026-${1000 + i}`, title: long(LIMITS.title) }));
    const card = myRequestsCard({ items, total: 40 }, 1, 20);
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('refuses a page size that is not positive', () => {
    expect(() => myRequestsCard({ items: [], total: 0 }, 1, 0)).toThrow(RangeError);
  });

  it("puts the requests waiting for the person's answer at the top, each with Answer", () => {
    const asked = aRequest({ reference: 'DP-2026-0009', title: 'Wi-Fi booking', status: 'more-info-requested', updatedAt: '2026-11-30T15:00:00Z' });
    const card = myRequestsCard({ items: five, total: 12 }, 2, 5, [asked]);
    expectValid(card);
    expect(visibleText(card)).toMatch(/^My requests\nAction needed: answer the DSG's question\n/);
    expect(paragraphs(card).slice(0, 2)).toEqual(['DP-2026-0009 – Wi-Fi booking', 'Waiting for your answer since 30 Nov 2026']);
    expect(actionsOf(card).find((a) => a.title === 'Answer')).toMatchObject({ verb: 'request.view', data: { reference: 'DP-2026-0009' } });
    expect(visibleText(myRequestsCard({ items: five, total: 12 }, 1, 5))).not.toMatch(/Action needed/);
  });
});

describe('requestDetailCard', () => {
  const history = [
    anEvent('2026-11-26T16:42:00Z', 'request.draft'),
    anEvent('2026-11-27T09:30:00Z', 'request.submit'),
    anEvent('2026-11-28T10:00:00Z', 'request.withdraw', 'Someone Else', { outcome: 'refused' }),
    anEvent('2026-12-03T14:05:00Z', 'request.review', 'DSG Chair'),
  ];

  it('shows the request in full', () => {
    const card = requestDetailCard(aRequest({ version: 3 }), history, true);
    expectValid(card);
    const text = paragraphs(card);
    expect(text[0]).toBe('DP-2026-0012');
    expect(text[1]).toBe('Online booking for bulky uplifts');
    expect(text).toContain('Requested by Morag MacLeod');
    expect(factsOf(card)).toEqual({
      Status: 'Submitted',
      Strand: 'Digital Customers',
      'Looked after by': 'Digital Leader for Digital Customers',
      Submitted: '27 Nov 2026, 09:30',
      'Last change': '3 Dec 2026, 14:05',
      'Personal data': 'Yes – a data protection impact assessment will be needed',
      'One-off cost': '£25,000',
      'Annual saving or benefit': '£18,000',
      'Desired start': '1 Apr 2027',
    });
    const request = aRequest();
    for (const t of [request.problem, request.outcome, request.principlesHow, request.reuseChecked]) expect(text).toContain(t);
    expect(text).toContain('Citizens, Council employees');
    expect(text).toContain('Customer/Citizen Focused, Collaboration and Value for Money');
    expect(text).toContain('Share with partners');
    expect(visibleText(card)).not.toMatch(/Why re-using or sharing will not do/);
  });

  it('says which catalogue entry the requester checked, right under "Existing solutions checked", and nothing when the form did not ask', () => {
    const text = paragraphs(requestDetailCard(aRequest(), history, true, { checked: { kind: 'entry', name: 'Waste and recycling bookings', owningService: 'Waste Services' } }));
    expect(text).toContain('Checked: Waste and recycling bookings (Waste Services)');
    expect(text.indexOf('Checked: Waste and recycling bookings (Waste Services)')).toBe(text.indexOf(aRequest().reuseChecked) - 1);
    expect(paragraphs(requestDetailCard(aRequest(), history, true)).filter((t) => t.startsWith('Checked:'))).toEqual([]);
  });

  it('turns the audit trail into a history in words, leaving out refused attempts', () => {
    const text = paragraphs(requestDetailCard(aRequest(), history, true));
    expect(text.filter((t) => /^\d+ \w{3} \d{4}, \d\d:\d\d – /.test(t))).toEqual([
      '26 Nov 2026, 16:42 – Saved as draft by Morag MacLeod',
      '27 Nov 2026, 09:30 – Submitted by Morag MacLeod',
      '3 Dec 2026, 14:05 – Review started by DSG Chair',
    ]);
  });

  it('offers Withdraw with reference and version only when the person may withdraw, last and not red', () => {
    const may = requestDetailCard(aRequest({ version: 3 }), history, true);
    expect(topActions(may).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['My requests', 'request.list', { page: 1 }],
      ['Withdraw request', 'request.withdraw', { reference: 'DP-2026-0012', version: 3 }],
    ]);
    expect(find(may, (o) => o.style === 'destructive')).toEqual([]);
    const mayNot = requestDetailCard(aRequest({ status: 'withdrawn' }), history, false);
    expectValid(mayNot);
    expect(topActions(mayNot).map((a) => a.title)).toEqual(['My requests']);
    expect(factsOf(mayNot).Status).toBe('Withdrawn');
    const undo = requestDetailCard(aRequest({ status: 'withdrawn', version: 4 }), history, false, { canUndoWithdraw: true, notice: 'DP-2026-0012 is withdrawn.' });
    expectValid(undo);
    expect(topActions(undo).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Undo withdrawal', 'request.undo-withdraw', { reference: 'DP-2026-0012', version: 4 }],
      ['My requests', 'request.list', { page: 1 }],
    ]);
    expect(paragraphs(undo)).toContain('DP-2026-0012 is withdrawn.');
  });

  it('shows the justification for buy or build, and leaves out optional facts that are empty', () => {
    const card = requestDetailCard(
      aRequest({
        route: 'build',
        routeJustification: 'No existing product handles Gaelic-medium timetables.',
        personalData: false,
        oneOffCost: null,
        annualBenefit: null,
        desiredStart: null,
      }),
      [],
      false,
    );
    expectValid(card);
    expect(paragraphs(card)).toContain('No existing product handles Gaelic-medium timetables.');
    expect(paragraphs(card)).toContain('Build');
    const facts = factsOf(card);
    expect(facts['Personal data']).toBe('No');
    expect(facts).not.toHaveProperty('One-off cost');
    expect(facts).not.toHaveProperty('Annual saving or benefit');
    expect(facts).not.toHaveProperty('Desired start');
    expect(visibleText(card)).not.toMatch(/Cost and timing/);
  });

  it("shows the DSG's open question, who asked and when, with a required answer box, and since when it waits", () => {
    const asked = aRequest({ status: 'more-info-requested', version: 4, updatedAt: '2026-12-03T14:05:00Z' });
    const question = { question: 'Which crews would use it first?', askedBy: 'DSG Chair', askedAt: '2026-12-03T14:05:00Z', answer: null, answeredAt: null };
    const card = requestDetailCard(asked, history, true, { question });
    expectValid(card);
    const text = paragraphs(card);
    expect(visibleText(card)).toContain('The Digital Strategy Group has a question');
    for (const line of ['Waiting for your answer since 3 Dec 2026', 'Asked by DSG Chair on 3 Dec 2026, 14:05', 'Which crews would use it first?']) expect(text).toContain(line);
    expect(inputById(card, 'answer')).toMatchObject({ isRequired: true, errorMessage: 'Type your answer before sending it.', label: 'Your answer (required)' });
    expect(actionsOf(card).find((a) => a.verb === 'request.answer')).toMatchObject({ title: 'Send answer', data: { reference: 'DP-2026-0012', version: 4 } });
    const without = requestDetailCard(aRequest(), history, true);
    expect(visibleText(without)).not.toMatch(/question|Waiting for your answer/);
    expect(actionsOf(without).map((a) => a.verb)).not.toContain('request.answer');
  });

  it('shows the latest history entries and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => anEvent(`2026-12-${String(i + 1).padStart(2, '0')}T10:00:00Z`, 'request.comment'));
    const card = requestDetailCard(aRequest(), many, false);
    expectValid(card);
    const lines = paragraphs(card).filter((t) => t.includes('Comment added by'));
    expect(lines).toHaveLength(MAX_HISTORY_SHOWN);
    expect(lines[lines.length - 1]).toBe('25 Dec 2026, 10:00 – Comment added by Morag MacLeod');
    expect(paragraphs(card)).toContain('15 earlier changes are not shown.');
  });

  it('stays under 28 KB with every long text at 4,000 characters, without shortening them', () => {
    const request = aRequest({
      title: long(LIMITS.title),
      problem: long(LIMITS.text, 'Residents phone to book. '),
      outcome: long(LIMITS.text, 'Book online at any time. '),
      principlesHow: long(LIMITS.text, 'Customers first, shared platform. '),
      reuseChecked: long(LIMITS.text, 'Checked the national booking service. '),
      route: 'buy',
      routeJustification: long(LIMITS.text, 'No partner offers it. '),
      beneficiaries: ['citizens', 'businesses', 'learners-educators', 'employees'],
      principles: ['customer-focused', 'skilled-workforce', 'privacy-openness', 'collaboration-value'],
      requesterName: 'Morag MacLeod-Fitzgerald',
    });
    const events = Array.from({ length: 30 }, (_, i) => anEvent(`2026-12-01T10:${String(i).padStart(2, '0')}:00Z`, 'request.comment', 'A Very Long Display Name (Waste Services)'));
    const card = requestDetailCard(request, events, true);
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    const text = paragraphs(card);
    for (const t of [request.problem, request.outcome, request.principlesHow, request.reuseChecked, request.routeJustification]) {
      expect(text).toContain(t);
    }
  });

  it('shortens the longest texts, and says so, when multi-byte text would not fit', () => {
    const gaelic = 'Tha sinn ag iarraidh seirbheisean air-loidhne às ùr — “àite” ✓ '; // accents, dashes, quotes, ticks
    const request = aRequest({
      problem: long(LIMITS.text, gaelic),
      outcome: long(LIMITS.text, gaelic),
      principlesHow: long(LIMITS.text, gaelic),
      reuseChecked: long(LIMITS.text, gaelic),
      route: 'build',
      routeJustification: long(LIMITS.text, gaelic),
    });
    const card = requestDetailCard(request, history, true);
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(paragraphs(card).some((t) => t.endsWith('… (shortened to fit this card)'))).toBe(true);
  });
});

describe('draftOfferCard', () => {
  it('names the draft and when it was saved, and offers to continue it or start afresh', () => {
    const card = draftOfferCard(aDraft());
    expectValid(card);
    expect(paragraphs(card)).toEqual(['Your draft "Online booking for bulky uplifts" was last saved 26 Nov 2026, 16:42.']);
    expect(topActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Continue draft', 'request.edit', { formId: 'f-5c1e0a7b' }],
      ['Start a new idea', 'request.new', { fresh: true }],
    ]);
  });

  it('copes with a draft that has no title yet', () => {
    const card = draftOfferCard(aDraft({ values: { problem: 'Phone bookings only' } }));
    expectValid(card);
    expect(paragraphs(card)[0]).toMatch(/^Your draft "Untitled idea"/);
  });
});

// ---------------------------------------------------------------------------------------------
// User-typed text is never Markdown, and never template syntax

describe('user-typed text', () => {
  const MARKERS = [
    '**bold** [x](http://evil) <b>hi</b> ${title}',
    '${reference} ${if(true, 1, 2)} ${$root.formId} @{x} _em_ # Heading\n- list item\n1. one',
  ];

  /** Renders every card with `marker` in every field a person can type (or a Teams display name). */
  function cardsWith(marker: string): Record<string, { card: AdaptiveCardJson; expected: number }> {
    const request = aRequest({
      title: marker,
      requesterName: marker,
      problem: marker,
      outcome: marker,
      principlesHow: marker,
      reuseChecked: marker,
      route: 'buy',
      routeJustification: marker,
    });
    const history = [anEvent('2026-11-27T09:30:00Z', 'request.submit', marker)];
    const values = Object.fromEntries(
      ['title', 'problem', 'outcome', 'principlesHow', 'reuseChecked', 'routeJustification', 'oneOffCost', 'annualBenefit'].map((f) => [f, marker]),
    );
    const match: SimilarRequest = { reference: 'DP-2026-0007', title: marker, status: 'submitted', strand: 'customers', score: 0.5 };
    // `expected`: how many places show the text (amount inputs keep only their first 20 characters).
    return {
      welcome: { card: welcomeCard(marker), expected: 1 },
      form: { card: requestFormCard({ formId: 'f-1', values }), expected: 3 }, // step 1: title, problem, outcome
      formStep2: { card: requestFormCard({ formId: 'f-1', step: 2, values }), expected: 1 },
      formStep3: { card: requestFormCard({ formId: 'f-1', step: 3, values }), expected: 2 },
      similar: { card: similarRequestsCard('f-1', marker, [match]), expected: 2 },
      submitted: { card: requestSubmittedCard(request), expected: 2 }, // title, and the problem as summary
      list: { card: myRequestsCard({ items: [request], total: 1 }, 1, 5), expected: 1 },
      detail: { card: requestDetailCard(request, history, true), expected: 8 },
      draft: { card: draftOfferCard(aDraft({ values: { title: marker } })), expected: 1 },
    };
  }

  it.each(MARKERS)('comes out literally, only in TextRuns and input values: %s', (marker) => {
    const firstLine = marker.split('\n')[0];
    const literal = [marker, `, ${marker}`, marker.replace(/\s+/g, ' ')]; // as typed; after "Hello"; as a one-line summary
    for (const [name, { card, expected }] of Object.entries(cardsWith(marker))) {
      expect({ name, problems: cardProblems(card, { allowDollarBrace: true }) }).toEqual({ name, problems: [] });
      const hits = strings(card).filter((s) => s.value.includes(firstLine));
      expect({ name, hits: hits.length }).toEqual({ name, hits: expected });
      for (const h of hits) {
        const where = `${String(h.holder.type ?? '(fact or choice)')}.${h.key}`;
        expect({ name, where }).toEqual({ name, where: expect.stringMatching(/^(TextRun\.text|Input\.Text\.value)$/) });
        expect({ name, literal }).toEqual({ name, literal: expect.arrayContaining([h.value]) });
      }
    }
  });

  it('is not expanded again by the template engine', () => {
    const card = requestDetailCard(aRequest({ title: '${reference}', problem: '${title}', outcome: "${concat('a','b')}" }), [], false);
    const text = paragraphs(card);
    expect(text[1]).toBe('${reference}');
    expect(text).toContain('${title}');
    expect(text).toContain("${concat('a','b')}");
  });

  it('never reaches a TextBlock, a fact, a choice or an action title', () => {
    for (const marker of MARKERS) {
      for (const { card } of Object.values(cardsWith(marker))) {
        const markdownPlaces = strings(card).filter(
          (s) => s.holder.type !== 'TextRun' && !(typeof s.holder.type === 'string' && s.holder.type.startsWith('Input.') && s.key === 'value'),
        );
        for (const s of markdownPlaces) {
          expect({ path: s.path, value: s.value }).not.toEqual({ path: s.path, value: expect.stringContaining('**bold**') });
          expect({ path: s.path, value: s.value }).not.toEqual({ path: s.path, value: expect.stringContaining('_em_') });
        }
      }
    }
  });
});
