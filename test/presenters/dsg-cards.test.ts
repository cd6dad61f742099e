import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEvent } from '../../src/domain/audit';
import type { SimilarRequest } from '../../src/domain/similarity';
import { CARDS_DIR, cardBytes, type AdaptiveCardJson } from '../../src/presenters/render';
import { DECISION_DUE_DAYS } from '../../src/domain/request';
import { historyCard } from '../../src/presenters/history';
import { PAGE_SIZE } from '../../src/domain/paging';
import { INPUT_LIMITS, type Choice } from '../../src/presenters/types';
import { MAX_MILESTONES_SHOWN, projectCard } from '../../src/presenters/project';
import { READ_ONLY_NOTE, TRIAGE_TEXT_CHARS, triageCard, type TriageCardInput } from '../../src/presenters/triage';
import { actionWords } from '../../src/domain/audit';
import { changeWords, linkTitle } from '../../src/presenters/format';
import { noticeCard } from '../../src/presenters/notice';
import { retentionPreviewCard } from '../../src/presenters/retention-preview';
import { DEFAULT_RETENTION } from '../../src/domain/data-protection';
import { pendingCard } from '../../src/presenters/pending';
import { programmeCard } from '../../src/presenters/programme';
import { questionCard } from '../../src/presenters/question';
import { meetingItemCard } from '../../src/presenters/meeting';
import { type AgendaItem, type ItemView, recordOutcome, startMeeting } from '../../src/domain/meetings';
import { settingsCard } from '../../src/presenters/settings';
import { agendaCard } from '../../src/presenters/agenda';
import { STRANDS } from '../../src/domain/catalogue';
import { EMPTY_SETTINGS, type DsgSettings, type PersonRef } from '../../src/domain/settings';
import type { Milestone, Project } from '../../src/domain/project';
import type { ProjectRequest } from '../../src/domain/request';
import { LIMITS } from '../../src/domain/request-form';
import type { Question, Triage } from '../../src/domain/triage';
import { MAX_CARD_BYTES, actionsOf, cardProblems, factsOf, find, inputById, ofType, paragraphs, strings, visibleText, walk } from './card-checks';

// ---------------------------------------------------------------------------------------------
// Realistic council data. People are role titles, never real names.

const TODAY = '2026-12-03';
const person = (name: string, id: string): PersonRef => ({ aadObjectId: id, name });
const CHAIR = person('DSG Chair', '6f1c2a3b-0d4e-4f5a-9b6c-7d8e9f0a1b2c');
const LEADER = person('Digital Leader (Customers) 1', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
const LEAD = person('Project Lead (Waste Services) 2', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e');
const MANAGER = person('Project Manager (ICT) 1', '3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f');
const asChoice = (p: PersonRef): Choice => ({ title: p.name, value: p.aadObjectId });
const PEOPLE: Choice[] = [CHAIR, LEADER, LEAD, MANAGER].map(asChoice);

function aRequest(overrides: Partial<ProjectRequest> = {}): ProjectRequest {
  return {
    id: 'r-0b6c2d8e',
    reference: 'DP-2026-0012',
    status: 'submitted',
    version: 3,
    requesterId: '29:1a2b3c',
    requesterName: 'Requester (Waste Services) 4',
    formId: 'f-5c1e0a7b',
    createdAt: '2026-11-27T09:30:00.000Z',
    updatedAt: '2026-12-02T15:12:00.000Z',
    title: 'Online booking for bulky uplifts',
    problem:
      'Residents can only book a bulky waste uplift by phoning the contact centre, Monday to Friday 9 to 5. Around 600 calls a month are bookings.',
    outcome: 'Residents book and pay online at any time.',
    beneficiaries: ['citizens', 'employees'],
    strand: 'customers',
    principles: ['customer-focused', 'collaboration-value'],
    principlesHow: 'Residents book when it suits them.',
    reuseSolution: null,
    reuseChecked: 'The national booking service used by two neighbouring councils.',
    route: 'share',
    routeJustification: null,
    personalData: true,
    oneOffCost: 25000,
    annualBenefit: 18000,
    desiredStart: '2027-04-01',
    ...overrides,
  };
}

const aMilestone = (overrides: Partial<Milestone> = {}): Milestone => ({
  id: 'ms-01',
  title: 'Supplier chosen from the national framework',
  due: '2027-01-29',
  status: 'planned',
  completedOn: null,
  revisions: [],
  ...overrides,
});

function aProject(overrides: Partial<Project> = {}): Project {
  return {
    reference: 'DP-2026-0012',
    priority: 'high',
    isPriority: true,
    digitalLeader: LEADER,
    projectLead: LEAD,
    projectManager: null,
    businessCase: { status: 'drafting', link: 'https://council.sharepoint.com/sites/dsg/DP-2026-0012-business-case.docx', date: '2026-11-30' },
    planLink: null,
    resourcing: { confirmed: false, note: 'Waiting for the ICT service plan for 2027/28.' },
    dpia: 'in-progress',
    plannedBenefits: { annualCash: 18000, nonCash: 'Fewer calls to the contact centre.' },
    realisedBenefits: [],
    measures: [],
    milestones: [
      aMilestone({ id: 'ms-01', title: 'Supplier chosen', due: '2026-11-30', status: 'done', completedOn: '2026-11-28' }),
      aMilestone({
        id: 'ms-02',
        title: 'Payment integration tested',
        due: '2026-12-01',
        revisions: [{ from: '2026-11-15', to: '2026-12-01', reason: 'Supplier delay', at: '2026-11-10T10:00:00Z', by: 'Project Lead (Waste Services) 2' }],
      }),
      aMilestone({ id: 'ms-03', title: 'Live for the garden waste season', due: '2027-03-01' }),
    ],
    approvedAt: '2026-12-03T10:30:00.000Z',
    version: 7,
    updatedAt: '2026-12-03T10:30:00.000Z',
    ...overrides,
  };
}

const aQuestion = (overrides: Partial<Question> = {}): Question => ({
  question: 'Have you spoken to the neighbouring councils about sharing their contract?',
  askedBy: 'DSG Chair',
  askedAt: '2026-12-02T10:30:00.000Z',
  answer: 'Yes: both are willing to share.',
  answeredAt: '2026-12-02T15:12:00.000Z',
  ...overrides,
});

const aTriage = (overrides: Partial<Triage> = {}): Triage => ({
  reference: 'DP-2026-0012',
  post: null,
  lastDecision: null,
  duplicateOf: null,
  questions: [],
  ...overrides,
});

const SIMILAR: SimilarRequest[] = [
  { reference: 'DP-2026-0007', title: 'Book and pay for special uplifts online', status: 'under-review', strand: 'customers', score: 0.62 },
  { reference: 'DP-2026-0003', title: 'Garden waste permits online', status: 'approved', strand: 'customers', score: 0.34 },
];
const MERGE_TARGETS = [
  { reference: 'DP-2026-0007', title: 'Book and pay for special uplifts online' },
  { reference: 'DP-2026-0003', title: 'Garden waste permits online' },
  { reference: 'DP-2026-0012', title: 'Online booking for bulky uplifts' }, // itself: left out
];

function triageInput(overrides: Partial<TriageCardInput> = {}): TriageCardInput {
  return {
    request: aRequest(),
    triage: aTriage(),
    similar: SIMILAR,
    project: null,
    today: TODAY,
    leader: LEADER,
    people: PEOPLE,
    mergeTargets: MERGE_TARGETS,
    ...overrides,
  };
}

const SETTINGS: DsgSettings = {
  channel: { conversationId: '19:dsg@thread.tacv2', teamId: '19:team', name: 'Digital Strategy Group', reference: {} },
  chair: CHAIR,
  minuteTaker: null,
  leaders: { customers: LEADER, learning: person('Digital Leader (Learning) 1', '8b9c0d1e-2f3a-4b4c-5d6e-7f8091a2b3c4') },
  meetings: [{ date: '2027-01-14', startTime: '10:00', place: null }, { date: '2027-03-11', startTime: '10:00', place: null }],
  version: 3,
  updatedAt: '2026-11-27T10:30:00.000Z',
};

function anEvent(at: string, action: string, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    at,
    actorId: '29:chair',
    actorName: 'DSG Chair',
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

const long = (n: number, seed = 'The contact centre takes every booking by phone. ') => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
const expectValid = (card: AdaptiveCardJson) => expect(cardProblems(card)).toEqual([]);
const topActions = (card: AdaptiveCardJson) => (card.actions ?? []) as Record<string, unknown>[];
const titles = (card: AdaptiveCardJson) => topActions(card).map((a) => a.title);
const execute = (card: AdaptiveCardJson, verb: string) => actionsOf(card).filter((a) => a.verb === verb);
/** The ShowCard with this title, and its card. */
function showCard(card: AdaptiveCardJson, title: string): AdaptiveCardJson {
  const found = find(card, (o) => o.type === 'Action.ShowCard' && o.title === title);
  expect(found).toHaveLength(1);
  return found[0].card as AdaptiveCardJson;
}

// ---------------------------------------------------------------------------------------------

describe('triageCard', () => {
  it('shows the request as the DSG needs it', () => {
    const triage = aTriage({
      questions: [aQuestion(), aQuestion({ question: 'Who will run it after go-live?', answer: null, answeredAt: null, askedAt: '2026-12-03T09:00:00Z' })],
      lastDecision: { action: 'approve', by: 'DSG Chair', at: '2026-11-27T10:30:00.000Z', note: 'Share the contract with the neighbouring councils.' },
    });
    const card = triageCard(triageInput({ triage }));
    expectValid(card);
    const text = paragraphs(card);
    expect(text[0]).toBe('DP-2026-0012');
    expect(text[1]).toBe('Online booking for bulky uplifts');
    expect(factsOf(card)).toEqual({
      Status: 'Submitted',
      Strand: 'Digital Customers',
      'Personal data': 'Yes – a data protection impact assessment will be needed',
      'One-off cost': '£25,000',
      'Annual saving or benefit': '£18,000',
    });
    expect(text).toContain('Requested by Requester (Waste Services) 4 · submitted 6 days ago');
    expect(text).toContain('Digital Leader for Digital Customers: Digital Leader (Customers) 1');
    expect(text).toContain(aRequest().problem);
    expect(text).toContain('Customer/Citizen Focused, Collaboration and Value for Money');
    expect(text).toContain('Share with partners');
    expect(text).toContain('DP-2026-0007 – Book and pay for special uplifts online · Under review');
    expect(text).toContain('DP-2026-0003 – Garden waste permits online · Approved');
    expect(text).toContain('Asked by DSG Chair on 2 Dec 2026, 10:30');
    expect(text).toContain('Question: Have you spoken to the neighbouring councils about sharing their contract?');
    expect(text).toContain('Answer: Yes: both are willing to share.');
    expect(text).toContain('Answered 2 Dec 2026, 15:12');
    expect(text).toContain('Not answered yet');
    expect(text).toContain('Approved by DSG Chair on 27 Nov 2026, 10:30: Share the contract with the neighbouring councils.');
  });

  it('says which catalogue entry the requester checked, as the catalogue holds it now, and nothing when the form did not ask', () => {
    const checked = (c: TriageCardInput['checked']) => paragraphs(triageCard(triageInput({ checked: c }))).filter((t) => t.startsWith('Checked: '));
    expect(checked({ kind: 'entry', name: 'Waste and recycling bookings', owningService: 'Waste Services' })).toEqual(['Checked: Waste and recycling bookings (Waste Services)']);
    expect(checked({ kind: 'none' })).toEqual(["Checked: None of the catalogue's entries"]);
    expect(checked({ kind: 'gone' })).toEqual(['Checked: An entry no longer in the catalogue']);
    expect(checked(null)).toEqual([]);
    expect(checked(undefined)).toEqual([]);
  });

  it('says how long ago it was submitted', () => {
    const age = (today: string) => paragraphs(triageCard(triageInput({ today }))).find((t) => t.startsWith('Requested by'));
    expect(age('2026-11-27')).toMatch(/submitted today$/);
    expect(age('2026-11-28')).toMatch(/submitted yesterday$/);
    expect(age('2027-01-01')).toMatch(/submitted 35 days ago$/);
  });

  it('mentions the Digital Leader in a TextBlock only when the caller gives the mention', () => {
    const withMention = triageCard(triageInput({ mentionLeader: true }));
    expectValid(withMention);
    expect(ofType(withMention, 'TextBlock').filter((t) => String(t.text).includes('<at>')).map((t) => t.text)).toEqual([
      '<at>Digital Leader (Customers) 1</at>',
    ]);
    const without = triageCard(triageInput());
    expect(JSON.stringify(without)).not.toContain('<at>');
    const noLeader = triageCard(triageInput({ leader: null }));
    expect(paragraphs(noLeader)).toContain('Digital Leader for Digital Customers: not set in the DSG settings');
  });

  it('drawn read-only (for someone who may not decide) has no decision, owner or priority action and says who decides; the refresh names those who see their own view', () => {
    const approved = { request: aRequest({ status: 'approved' }), project: aProject() };
    for (const input of [triageInput({ readOnly: true }), triageInput({ ...approved, readOnly: true })]) {
      const card = triageCard({ ...input, refreshFor: ['29:member-1', '29:member-2'] });
      expectValid(card);
      const verbs = actionsOf(card).map((a) => a.verb);
      for (const acting of ['request.approve', 'request.decline', 'request.ask', 'request.merge', 'request.assign', 'request.priority', 'request.reuse']) expect(verbs).not.toContain(acting);
      expect(verbs).toContain('history.show');
      expect(visibleText(card)).toContain(READ_ONLY_NOTE);
      expect(card.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Show my view', verb: 'triage.refresh', data: { reference: input.request.reference } }, userIds: ['29:member-1', '29:member-2'] });
    }
    const acting = triageCard(triageInput());
    expect(visibleText(acting)).not.toContain(READ_ONLY_NOTE);
    expect(acting.refresh).toBeUndefined();
  });

  it.each(['submitted', 'under-review', 'more-info-requested'] as const)('offers the four decisions while %s, each with reference and version', (status) => {
    const card = triageCard(triageInput({ request: aRequest({ status, version: 4 }) }));
    expectValid(card);
    expect(titles(card)).toEqual(['Approve', 'Decline', 'Ask for more information', 'Mark as duplicate', 'History']);
    for (const verb of ['request.approve', 'request.decline', 'request.ask', 'request.merge']) {
      expect(execute(card, verb).map((a) => a.data)).toEqual([{ reference: 'DP-2026-0012', version: 4 }]);
    }
    expect(execute(card, 'history.show').map((a) => a.data)).toEqual([{ reference: 'DP-2026-0012' }]);
    expect(execute(card, 'request.assign')).toEqual([]);
    expect(execute(card, 'project.view')).toEqual([]);
  });

  it('has the sub-forms the decisions need', () => {
    const card = triageCard(triageInput());
    const approve = showCard(card, 'Approve');
    expect(inputById(approve, 'priority')).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, errorMessage: expect.any(String) });
    expect((inputById(approve, 'priority')?.choices as Choice[]).map((c) => c.value)).toEqual(['high', 'medium', 'low']);
    expect(inputById(approve, 'isPriority')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false', value: 'false' });
    expect(inputById(approve, 'note')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: INPUT_LIMITS.note });
    expect(inputById(approve, 'note')?.isRequired).toBeUndefined();
    expect(inputById(showCard(card, 'Decline'), 'reason')).toMatchObject({ isRequired: true, isMultiline: true, maxLength: INPUT_LIMITS.reason });
    expect(inputById(showCard(card, 'Ask for more information'), 'question')).toMatchObject({ isRequired: true, maxLength: INPUT_LIMITS.question });
    const merge = inputById(showCard(card, 'Mark as duplicate'), 'duplicateOf');
    expect(merge).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect(merge?.choices).toEqual(MERGE_TARGETS.slice(0, 2).map((t) => ({ title: `${t.reference} ${t.title}`, value: t.reference }))); // not itself
  });

  it('hides Mark as duplicate when there is nothing to merge into', () => {
    const card = triageCard(triageInput({ mergeTargets: [MERGE_TARGETS[2]] }));
    expectValid(card);
    expect(titles(card)).toEqual(['Approve', 'Decline', 'Ask for more information', 'History']);
  });

  it('once approved, offers Assign (prefilled, people picker for lead and manager), Change priority (preselected) and Open project, and no decisions', () => {
    const project = aProject({ version: 2 });
    const card = triageCard(
      triageInput({
        request: aRequest({ status: 'approved', version: 5 }),
        project,
        triage: aTriage({ lastDecision: { action: 'approve', by: 'DSG Chair', at: '2026-12-03T10:30:00Z', note: null } }),
      }),
    );
    expectValid(card);
    expect(titles(card)).toEqual(['Assign', 'Change priority', 'Open project', 'History']);
    expect(factsOf(card).Priority).toBe('High – priority project');
    expect(execute(card, 'request.priority').map((a) => a.data)).toEqual([{ reference: 'DP-2026-0012', version: 5 }]);
    expect(inputById(showCard(card, 'Change priority'), 'priority')?.value).toBe(project.priority);
    expect(inputById(showCard(card, 'Change priority'), 'isPriority')?.value).toBe(String(project.isPriority));
    expect(paragraphs(card)).toEqual(
      expect.arrayContaining([
        'Approved by DSG Chair on 3 Dec 2026, 10:30',
        'Digital Leader: Digital Leader (Customers) 1',
        'Project Lead: Project Lead (Waste Services) 2',
        'Project Manager: Not assigned',
      ]),
    );
    expect(execute(card, 'request.assign').map((a) => a.data)).toEqual([{ reference: 'DP-2026-0012', version: 5, projectVersion: 2 }]);
    expect(execute(card, 'project.view').map((a) => a.data)).toEqual([{ reference: 'DP-2026-0012' }]);
    const assign = showCard(card, 'Assign');
    expect(inputById(assign, 'digitalLeader')?.value).toBe(LEADER.aadObjectId);
    expect(inputById(assign, 'projectLead')?.value).toBe(LEAD.aadObjectId);
    expect(inputById(assign, 'projectManager')?.value).toBe('');
    for (const id of ['digitalLeader', 'projectLead', 'projectManager']) {
      expect(inputById(assign, id)).toMatchObject({ type: 'Input.ChoiceSet', choices: PEOPLE });
      expect(inputById(assign, id)?.isRequired).toBeUndefined();
    }
    const query = { type: 'Data.Query', dataset: 'graph.microsoft.com/users' };
    expect(inputById(assign, 'projectLead')?.['choices.data']).toEqual(query);
    expect(inputById(assign, 'projectManager')?.['choices.data']).toEqual(query);
    expect(inputById(assign, 'digitalLeader')?.['choices.data']).toBeUndefined();
  });

  it('lists a current owner who is not in the people given, so the card can preselect them', () => {
    const outsider = person('Project Lead (Learning) 2', '9c0d1e2f-3a4b-4c5d-6e7f-8091a2b3c4d5');
    const card = triageCard(triageInput({ request: aRequest({ status: 'in-delivery' }), project: aProject({ projectLead: outsider }) }));
    expectValid(card);
    const lead = inputById(showCard(card, 'Assign'), 'projectLead');
    expect(lead?.value).toBe(outsider.aadObjectId);
    expect((lead?.choices as Choice[]).map((c) => c.title)).toContain('Project Lead (Learning) 2');
  });

  it.each(['declined', 'withdrawn', 'merged', 'completed'] as const)('offers only History (and Open project if it was a project; Mark as duplicate once withdrawn) when %s', (status) => {
    const project = status === 'completed' ? aProject() : null;
    const card = triageCard(triageInput({ request: aRequest({ status }), project, triage: aTriage({ duplicateOf: status === 'merged' ? 'DP-2026-0007' : null }) }));
    expectValid(card);
    expect(titles(card)).toEqual(project ? ['Open project', 'History'] : status === 'withdrawn' ? ['Mark as duplicate', 'History'] : ['History']);
    if (status === 'merged') expect(paragraphs(card)).toContain('Duplicate of DP-2026-0007');
  });

  it(`clips long texts to about ${TRIAGE_TEXT_CHARS} characters with …`, () => {
    const card = triageCard(
      triageInput({
        request: aRequest({ problem: long(LIMITS.text), route: 'build', routeJustification: long(LIMITS.text, 'No partner offers it. ') }),
        triage: aTriage({ questions: [aQuestion({ question: long(2000), answer: long(4000) })] }),
      }),
    );
    expectValid(card);
    const clipped = strings(card).filter((s) => s.value.endsWith('…'));
    expect(clipped.length).toBeGreaterThanOrEqual(4);
    for (const s of clipped) expect(Array.from(s.value).length).toBeLessThanOrEqual(TRIAGE_TEXT_CHARS);
  });

  it('stays under 28 KB with 5 similar requests, 5 questions and answers of 4,000 characters, and many people and requests', () => {
    const similar = Array.from({ length: 5 }, (_, i) => ({ ...SIMILAR[0], reference: `DP-2026-00${20 + i}`, title: long(LIMITS.title) }));
    const questions = Array.from({ length: 7 }, (_, i) => aQuestion({ question: long(4000, `Question ${i} about the contract. `), answer: long(4000) }));
    const people = Array.from({ length: 120 }, (_, i) => ({ title: `Project Lead (Business Services and Customer Contact) ${i}`, value: `aad-${String(i).padStart(4, '0')}-5e6f-4a7b-8c9d-0e1f2a3b4c5d` }));
    const mergeTargets = Array.from({ length: 150 }, (_, i) => ({ reference: `DP-2026-${String(100 + i).padStart(4, '0')}`, title: long(LIMITS.title) }));
    for (const [status, project] of [['submitted', null], ['approved', aProject()]] as const) {
      const card = triageCard(
        triageInput({
          request: aRequest({ status, title: long(LIMITS.title), problem: long(4000), route: 'buy', routeJustification: long(4000) }),
          triage: aTriage({ questions, lastDecision: { action: 'ask', by: 'DSG Chair', at: '2026-12-01T10:00:00Z', note: long(2000) } }),
          similar,
          project,
          people,
          mergeTargets,
          mentionLeader: true,
        }),
      );
      expectValid(card);
      expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES - 1024);
      expect(paragraphs(card).filter((t) => t.startsWith('Question: '))).toHaveLength(5);
    }
  });

  it('shortens further, and lists fewer people, when multi-byte text would not fit', () => {
    const gaelic = 'Tha sinn ag iarraidh seirbheisean air-loidhne às ùr — “àite” ✓ 日本 ';
    const people = Array.from({ length: 120 }, (_, i) => ({ title: `Ceannard Pròiseict (Seirbheisean Gnìomhachais) ${i} — “àite”`, value: `aad-${i}-5e6f-4a7b-8c9d-0e1f2a3b4c5d` }));
    const card = triageCard(
      triageInput({
        request: aRequest({ status: 'approved', problem: long(4000, gaelic), route: 'buy', routeJustification: long(4000, gaelic) }),
        project: aProject(),
        triage: aTriage({ questions: Array.from({ length: 5 }, () => aQuestion({ question: long(4000, gaelic), answer: long(4000, gaelic) })) }),
        similar: Array.from({ length: 5 }, (_, i) => ({ ...SIMILAR[0], reference: `DP-2026-00${20 + i}`, title: long(LIMITS.title, gaelic) })),
        people,
      }),
    );
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES - 1024);
    expect(paragraphs(card).some((t) => /^\d+ of 122 people are listed\./.test(t))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('settingsCard', () => {
  const members: Choice[] = [CHAIR, LEADER, LEAD].map(asChoice);

  it('shows the channel, chair, each strand’s Digital Leader and the next meetings', () => {
    const card = settingsCard(SETTINGS, members, false);
    expectValid(card);
    const text = paragraphs(card);
    expect(text).toContain('DSG channel: Digital Strategy Group');
    expect(text).toContain('Chair: DSG Chair');
    expect(text).toContain('Digital Leader for Digital Customers: Digital Leader (Customers) 1');
    expect(text).toContain('Digital Leader for Digital Learning: Digital Leader (Learning) 1');
    expect(text).toContain('Digital Leader for Digital Estates: not set');
    expect(text.filter((t) => t.startsWith('Digital Leader for '))).toHaveLength(STRANDS.length);
    expect(text).toContain('14 Jan 2027 at 10:00');
    expect(text).toContain('11 Mar 2027 at 10:00');
    expect(text).toContain('Last changed 27 Nov 2026, 10:30');
    expect(actionsOf(card)).toEqual([]);
    expect(find(card, (o) => typeof o.type === 'string' && o.type.startsWith('Input.'))).toEqual([]);
  });

  it('lets the chair change them, prefilled, saving with the settings version', () => {
    const card = settingsCard(SETTINGS, members, true);
    expectValid(card);
    expect(titles(card)).toEqual(['Change settings']);
    const form = showCard(card, 'Change settings');
    expect(inputById(form, 'chair')).toMatchObject({ type: 'Input.ChoiceSet', value: CHAIR.aadObjectId });
    for (const s of STRANDS) {
      const input = inputById(form, `leader-${s.id}`);
      expect(input).toMatchObject({ type: 'Input.ChoiceSet', label: `Digital Leader for ${s.name}` });
    }
    expect(inputById(form, 'leader-customers')?.value).toBe(LEADER.aadObjectId);
    expect(inputById(form, 'leader-estates')?.value).toBe('');
    // The Learning leader is not in the team roster, but stays choosable.
    expect((inputById(form, 'leader-learning')?.choices as Choice[]).map((c) => c.title)).toContain('Digital Leader (Learning) 1');
    // Meetings are added, moved and cancelled on their own (see the next tests), not in Change settings.
    expect(inputById(form, 'date')).toBeUndefined();
    expect(execute(card, 'settings.save').map((a) => [a.title, a.data])).toEqual([['Save settings', { version: 3 }]]);
  });

  it('copes with settings never saved', () => {
    const card = settingsCard(EMPTY_SETTINGS, [], true, 'The DSG channel is this one now.');
    expectValid(card);
    const text = paragraphs(card);
    expect(text).toContain('The DSG channel is this one now.');
    expect(text).toContain('DSG channel: not set up yet');
    expect(text).toContain('Chair: not set');
    expect(visibleText(card)).toMatch(/No meetings are set\./);
    expect(inputById(card, 'chair')).toBeUndefined();
    expect(execute(card, 'settings.save').map((a) => a.data)).toEqual([{ version: 0 }]);
  });

  it('stays under 28 KB with a large team, listing fewer members and saying so', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ title: `Service Manager (Business Services and Customer Contact) ${i}`, value: `aad-${String(i).padStart(4, '0')}-5e6f-4a7b-8c9d-0e1f2a3b4c5d` }));
    const card = settingsCard(SETTINGS, many, true);
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES - 1024);
    expect(paragraphs(card).some((t) => /^\d+ of 403 team members are listed\./.test(t))).toBe(true);
    expect(inputById(card, 'leader-learning')?.value).toBe(SETTINGS.leaders.learning?.aadObjectId);
  });
});

describe('settingsCard: the coming meetings for the chair', () => {
  const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc@thread.v2/0';
  const planned: DsgSettings = {
    ...SETTINGS,
    meetings: [
      { date: '2026-11-20', startTime: '10:00', place: 'Gone' },
      { date: '2027-01-14', startTime: '10:00', place: 'Committee Room 2' },
      { date: '2027-03-11', startTime: '14:30', place: TEAMS },
    ],
  };
  const planning = { canPlan: true, today: '2026-12-04', held: [] as string[] };

  it('lists the coming meetings with start time and place, Join for a Teams link, and Move and Cancel for each, and an Add a meeting form', () => {
    const card = settingsCard(planned, [], true, undefined, planning);
    expectValid(card);
    const text = paragraphs(card);
    expect(text).toContain('14 Jan 2027 at 10:00 · Committee Room 2');
    expect(text).toContain('11 Mar 2027 at 14:30 · Teams meeting');
    expect(text.join('\n')).not.toContain('Gone');
    expect(find(card, (o) => o.type === 'Action.OpenUrl').map((a) => a.url)).toEqual([TEAMS]);
    expect(execute(card, 'meeting.move').map((a) => a.data)).toEqual([
      { meeting: '2027-01-14', version: 3, step: 'form' },
      { meeting: '2027-03-11', version: 3, step: 'form' },
    ]);
    expect(execute(card, 'meeting.cancel').map((a) => a.data)).toEqual([
      { meeting: '2027-01-14', version: 3 },
      { meeting: '2027-03-11', version: 3 },
    ]);
    expect(inputById(card, 'date')).toMatchObject({ type: 'Input.Date', min: '2026-12-04', isRequired: true, value: '' });
    expect(inputById(card, 'startTime')).toMatchObject({ type: 'Input.Time', isRequired: true });
    expect(inputById(card, 'place')).toMatchObject({ type: 'Input.Text', maxLength: 300 });
    expect(execute(card, 'meeting.add').map((a) => a.data)).toEqual([{ version: 3 }]);
  });

  it('shows members the meetings, with Join, and nothing to change', () => {
    const card = settingsCard(planned, [], false, undefined, { ...planning, canPlan: false });
    expectValid(card);
    expect(execute(card, 'meeting.move')).toEqual([]);
    expect(execute(card, 'meeting.add')).toEqual([]);
    expect(find(card, (o) => o.type === 'Action.OpenUrl')).toHaveLength(1);
  });

  it('keeps a running or held meeting\'s date: no Move or Cancel for it', () => {
    const card = settingsCard(planned, [], true, undefined, { ...planning, held: ['2027-01-14'] });
    expect(execute(card, 'meeting.move').map((a) => (a.data as Record<string, unknown>).meeting)).toEqual(['2027-03-11']);
    expect(paragraphs(card)).toContain('Running or held: it keeps its date.');
  });

  it('opens the Move form under its meeting with what was typed and each problem, in place of Add a meeting', () => {
    const form = { moving: '2027-01-14', values: { date: '2026-12-01', startTime: '09:30', place: 'Room 4' }, errors: { date: 'The date is in the past: choose 4 Dec 2026 or later.' } };
    const card = settingsCard(planned, [], true, 'The meeting was not saved: see below.', { ...planning, form });
    expectValid(card);
    expect(inputById(card, 'date')?.value).toBe('2026-12-01');
    expect(inputById(card, 'startTime')?.value).toBe('09:30');
    expect(inputById(card, 'place')?.value).toBe('Room 4');
    expect(paragraphs(card)).toContain('The date is in the past: choose 4 Dec 2026 or later.');
    expect(execute(card, 'meeting.move').map((a) => a.data)).toEqual([{ meeting: '2027-01-14', version: 3, step: 'save' }, { meeting: '2027-03-11', version: 3, step: 'form' }]);
    expect(execute(card, 'meeting.add')).toEqual([]);
  });

  it('stays under 28 KB with eight meetings with long places, a large team and a form sent back', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ title: `Service Manager (Business Services and Customer Contact) ${i}`, value: `aad-${String(i).padStart(4, '0')}-5e6f-4a7b-8c9d-0e1f2a3b4c5d` }));
    const meetings = Array.from({ length: 8 }, (_, i) => ({ date: `2027-0${i + 1}-14`, startTime: '10:00', place: `${TEAMS}${'x'.repeat(250)}` }));
    const card = settingsCard({ ...SETTINGS, meetings }, many, true, 'Notice', { ...planning, form: { moving: null, values: { date: '2027-09-01', startTime: '10:00', place: 'ŵ'.repeat(300) }, errors: { place: 'Too long' } } });
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('agendaCard', () => {
  const item = (id: string, title: string) => ({ id, source: 'awaiting-decision' as const, reference: null, title, detail: 'Submitted 27 Nov 2026', addedBy: null });
  const base = { next: { date: '2027-01-14', startTime: '10:00', place: 'Committee Room 2' }, items: [item('a', 'First'), item('b', 'Second'), item('c', 'Third')], removed: [item('d', 'Taken off')], planVersion: 4, running: null, canRun: true, today: '2026-12-04' };

  it('gives the chair and the Minute Taker Move up, Move down and Remove on each item, and Put back, with the agenda version', () => {
    const card = agendaCard({ ...base, canArrange: true });
    expectValid(card);
    expect(paragraphs(card)[0]).toBe('Agenda for the DSG meeting on 14 Jan 2027 at 10:00');
    expect(paragraphs(card)).toContain('Committee Room 2');
    const verbs = actionsOf(card).map(({ verb, data }) => ({ verb, data: data as Record<string, unknown> })).map((a) => `${a.verb} ${String(a.data.itemId ?? '')} ${String(a.data.direction ?? '')}`.trim());
    expect(verbs).toEqual(['agenda.move a down', 'agenda.remove a', 'agenda.move b up', 'agenda.move b down', 'agenda.remove b', 'agenda.move c up', 'agenda.remove c', 'agenda.restore d', 'agenda.add']);
    expect(execute(card, 'agenda.remove')[0].data).toEqual({ itemId: 'a', version: 4 });
  });

  it('shows everyone else the agenda read-only, with Add an item', () => {
    const card = agendaCard({ ...base, canArrange: false });
    expectValid(card);
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['agenda.add']);
    expect(paragraphs(card).join('\n')).not.toContain('Taken off');
  });

  it('brings Add an item back with what was typed and why it was not added', () => {
    const card = agendaCard({ ...base, canArrange: false, add: { text: 'DP-2099-0001', error: 'There is no request DP-2099-0001.' } });
    expect(inputById(card, 'text')?.value).toBe('DP-2099-0001');
    expect(paragraphs(card)).toContain('There is no request DP-2099-0001.');
  });

  it('stays under 28 KB with a long agenda of long items', () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ ...item(`awaiting-decision:DP-2026-${String(i).padStart(4, '0')}`, 'ŵ'.repeat(200)), detail: 'ŵ'.repeat(300) }));
    const card = agendaCard({ ...base, items, removed: items.slice(0, 20), canArrange: true });
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

// ---------------------------------------------------------------------------------------------

describe('questionCard', () => {
  const open = aQuestion({ answer: null, answeredAt: null });

  it('asks the requester, with a required answer and Send answer', () => {
    const card = questionCard(aRequest({ status: 'more-info-requested', version: 4 }), open);
    expectValid(card);
    expect(paragraphs(card)).toEqual([
      'DP-2026-0012 – Online booking for bulky uplifts',
      'Asked by DSG Chair on 2 Dec 2026, 10:30',
      'Have you spoken to the neighbouring councils about sharing their contract?',
    ]);
    expect(inputById(card, 'answer')).toMatchObject({
      type: 'Input.Text',
      isMultiline: true,
      isRequired: true,
      maxLength: INPUT_LIMITS.answer,
      errorMessage: expect.any(String),
    });
    expect(topActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Send answer', 'request.answer', { reference: 'DP-2026-0012', version: 4 }],
      ['Open request', 'request.view', { reference: 'DP-2026-0012' }],
    ]);
  });

  it('shows the answer, and no input, once answered', () => {
    const card = questionCard(aRequest(), aQuestion(), true);
    expectValid(card);
    expect(inputById(card, 'answer')).toBeUndefined();
    expect(paragraphs(card)).toContain('Yes: both are willing to share.');
    expect(paragraphs(card)).toContain('Sent 2 Dec 2026, 15:12. The Digital Strategy Group will look at it.');
    expect(titles(card)).toEqual(['Open request']);
  });

  it('stays under 28 KB with a long question and answer', () => {
    const card = questionCard(aRequest({ title: long(LIMITS.title) }), aQuestion({ question: long(2000), answer: long(4000, 'Tha “àite” ✓ ') }), true);
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

// ---------------------------------------------------------------------------------------------

describe('projectCard', () => {
  const input = (overrides: Partial<Parameters<typeof projectCard>[0]> = {}) => ({
    request: aRequest({ status: 'in-delivery' as const }),
    project: aProject(),
    today: TODAY,
    canEdit: true,
    ...overrides,
  });

  it('shows the project: owners, business case, plan, resourcing, DPIA, benefits, milestones, what is missing', () => {
    const project = aProject({
      realisedBenefits: [
        { financialYear: '2027/28', cashSaving: 9000, note: null, measureId: null, recordedAt: '2028-04-02T10:00:00Z', recordedBy: 'Project Lead (Waste Services) 2' },
        { financialYear: '2026/27', cashSaving: 3000, note: null, measureId: null, recordedAt: '2027-01-10T10:00:00Z', recordedBy: 'Project Lead (Waste Services) 2' },
        { financialYear: '2026/27', cashSaving: 1500, note: 'Fewer calls', measureId: null, recordedAt: '2027-03-10T10:00:00Z', recordedBy: 'Project Lead (Waste Services) 2' },
      ],
    });
    const card = projectCard(input({ project }));
    expectValid(card);
    expect(factsOf(card)).toEqual({ Status: 'In delivery', Strand: 'Digital Customers', Priority: 'High – priority project' });
    const text = paragraphs(card);
    expect(text).toEqual(
      expect.arrayContaining([
        'DP-2026-0012',
        'Online booking for bulky uplifts',
        'Digital Leader: Digital Leader (Customers) 1',
        'Project Lead: Project Lead (Waste Services) 2',
        'Project Manager: Not assigned',
        'Status: Drafting',
        'Date: 30 Nov 2026',
        'Document: DP-2026-0012-business-case.docx',
        'Confirmed: No',
        'Note: Waiting for the ICT service plan for 2027/28.',
        'Data protection impact assessment: In progress',
        'Planned: £18,000 a year',
        'Other benefits: Fewer calls to the contact centre.',
        '2026/27: £4,500',
        '2027/28: £9,000',
        'Total so far: £13,500',
        'Supplier chosen',
        'Due 30 Nov 2026 · Done 28 Nov 2026',
        'Due 1 Dec 2026 · Late · due date revised once',
        'Due 1 Mar 2027 · Planned',
        '• Project Manager',
        '• Business case approval',
        '• Implementation plan',
        '• Confirmed resourcing',
        '• Data protection impact assessment',
        "• Late: 'Payment integration tested', due 1 Dec 2026",
      ]),
    );
    expect(visibleText(card)).toMatch(/No implementation plan yet\./);
    expect(visibleText(card)).not.toMatch(/Nothing is missing/);
    // Late is said in words, and also coloured.
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Late')[0]).toMatchObject({ color: 'attention', weight: 'Bolder' });
    expect(find(card, (o) => o.type === 'Action.OpenUrl').map((a) => [a.title, a.url])).toEqual([
      ['Open business case', 'https://council.sharepoint.com/sites/dsg/DP-2026-0012-business-case.docx'],
    ]);
  });

  it('shows realised benefits that are not cash with the measure that shows them, and records them through the same Record benefit form', () => {
    const measure = { id: 'm-sat', name: 'Residents satisfied', kind: 'customer-satisfaction' as const, unit: '%', baseline: { value: 60, date: '2026-04-01' }, target: { value: 85, date: '2027-03-31' }, direction: 'higher' as const, frequency: 'quarterly' as const, figures: [] };
    const by = 'Project Lead (Waste Services) 2';
    const project = aProject({
      measures: [measure],
      realisedBenefits: [
        { financialYear: '2026/27', cashSaving: 3000, note: null, measureId: null, recordedAt: '2027-01-10T10:00:00Z', recordedBy: by },
        { financialYear: '2026/27', cashSaving: null, note: 'Crews get their lists the same day', measureId: null, recordedAt: '2027-01-11T10:00:00Z', recordedBy: by },
        { financialYear: '2025/26', cashSaving: null, note: 'Residents book *any* time', measureId: 'm-sat', recordedAt: '2026-03-11T10:00:00Z', recordedBy: by },
      ],
    });
    const card = projectCard(input({ project, canRecordBenefit: true }));
    expectValid(card);
    const text = paragraphs(card);
    expect(text).toEqual(expect.arrayContaining(['2026/27: £3,000', 'Total so far: £3,000', '2025/26, not cash: Residents book *any* time (shown by Residents satisfied)', '2026/27, not cash: Crews get their lists the same day']));
    expect(text.indexOf('2025/26, not cash: Residents book *any* time (shown by Residents satisfied)')).toBeLessThan(text.indexOf('2026/27, not cash: Crews get their lists the same day'));
    // One form: the cash saving is optional (blank: not cash), the note says what it was, a measure may be chosen.
    expect(inputById(card, 'cashSaving')).toMatchObject({ type: 'Input.Number', label: expect.stringMatching(/leave it blank for a benefit that is not cash \(optional\)$/) });
    expect(inputById(card, 'cashSaving')?.isRequired).toBeFalsy();
    expect(inputById(card, 'benefitMeasure')).toMatchObject({ type: 'Input.ChoiceSet', choices: [{ title: 'Residents satisfied', value: 'm-sat' }] });
    expect(execute(card, 'benefit.record')).toHaveLength(1);
    // Only non-cash benefits recorded: no cash total, no "None recorded yet"; no measures: no measure to choose.
    const only = projectCard(input({ project: aProject({ realisedBenefits: [project.realisedBenefits[1]] }), canRecordBenefit: true }));
    expect(paragraphs(only)).toContain('2026/27, not cash: Crews get their lists the same day');
    expect(visibleText(only)).not.toMatch(/Total so far|None recorded yet/);
    expect(inputById(only, 'benefitMeasure')).toBeUndefined();
    // Sent back with a problem: under the input, with what was typed kept.
    const again = projectCard(input({ project, canRecordBenefit: true, errors: { benefitNote: 'Say what the benefit was.' }, values: { benefitYear: '2026/27', benefitMeasure: 'm-sat' } }));
    expect(inputById(again, 'benefitMeasure')?.value).toBe('m-sat');
    expect(visibleText(again)).toContain('Say what the benefit was.');
    expect(paragraphs(again)).toContain('Not saved. Open Record benefit to fix the problem marked.');
  });

  it('says when nothing is missing, and leaves out the DPIA when no personal data is involved', () => {
    const project = aProject({
      projectManager: MANAGER,
      businessCase: { status: 'approved', link: 'https://council.sharepoint.com/bc.docx', date: null },
      planLink: 'https://council.sharepoint.com/plan.xlsx',
      resourcing: { confirmed: true, note: null },
      dpia: null,
      milestones: [aMilestone({ due: '2027-05-01' })],
    });
    const card = projectCard(input({ project }));
    expectValid(card);
    expect(visibleText(card)).toMatch(/Nothing is missing\./);
    expect(visibleText(card)).not.toMatch(/Data protection impact assessment/);
    expect(titles(card)).toEqual(['Business case', 'Plan', 'Resourcing', 'Add milestones']);
    expect(find(card, (o) => o.type === 'Action.OpenUrl').map((a) => a.title)).toEqual(['Open business case', 'Open plan']);
  });

  it('offers Open business case only for an https link', () => {
    for (const link of ['http://intranet/bc.docx', '\\\\fileserver\\dsg\\bc.docx', 'javascript:alert(1)', 'https://bad link']) {
      const card = projectCard(input({ project: aProject({ businessCase: { status: 'submitted', link, date: null } }) }));
      expectValid(card);
      expect(find(card, (o) => o.type === 'Action.OpenUrl')).toEqual([]);
      expect(paragraphs(card)).toContain(`Document: ${link}`);
    }
  });

  it('lets editors change it through sub-forms that carry the project version', () => {
    const card = projectCard(input());
    expect(titles(card)).toEqual(['Business case', 'Plan', 'Resourcing', 'DPIA', 'Add milestones']);
    const ref = { reference: 'DP-2026-0012', version: 7 };
    for (const verb of ['project.business-case', 'project.plan', 'project.resourcing', 'project.dpia', 'milestone.add']) {
      expect(execute(card, verb).map((a) => a.data)).toEqual([ref]);
    }
    expect(execute(card, 'milestone.done').map((a) => a.data)).toEqual([
      { reference: 'DP-2026-0012', milestoneId: 'ms-02', version: 7 },
      { reference: 'DP-2026-0012', milestoneId: 'ms-03', version: 7 },
    ]);
    expect(execute(card, 'history.show').map((a) => a.data)).toEqual([{ reference: 'DP-2026-0012' }]);

    const bc = showCard(card, 'Business case');
    expect(inputById(bc, 'status')).toMatchObject({ type: 'Input.ChoiceSet', value: 'drafting' });
    expect(inputById(bc, 'link')).toMatchObject({ type: 'Input.Text', style: 'url', maxLength: INPUT_LIMITS.link, value: aProject().businessCase.link });
    expect(inputById(bc, 'date')).toMatchObject({ type: 'Input.Date', value: '2026-11-30' });
    expect(inputById(showCard(card, 'Plan'), 'planLink')).toMatchObject({ style: 'url', value: '' });
    expect(inputById(showCard(card, 'Resourcing'), 'confirmed')).toMatchObject({ type: 'Input.Toggle', value: 'false' });
    expect(inputById(showCard(card, 'DPIA'), 'dpia')).toMatchObject({ type: 'Input.ChoiceSet', value: 'in-progress' });
    const add = showCard(card, 'Add milestones');
    for (let i = 1; i <= 5; i++) {
      expect(inputById(add, `m${i}Title`)).toMatchObject({ type: 'Input.Text', maxLength: INPUT_LIMITS.milestoneTitle, value: '' });
      expect(inputById(add, `m${i}Due`)).toMatchObject({ type: 'Input.Date', value: '' });
    }
    expect(String(inputById(add, 'm1Title')?.label)).toMatch(/\(required\)$/);
    expect(String(inputById(add, 'm2Title')?.label)).not.toMatch(/required/);
    expect(find(card, (o) => o.isRequired === true)).toEqual([]);
  });

  it('shows no sub-forms and no Mark done to people who may not edit, but still History', () => {
    const card = projectCard(input({ canEdit: false }));
    expectValid(card);
    expect(topActions(card)).toEqual([]);
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['history.show']);
    expect(find(card, (o) => typeof o.type === 'string' && o.type.startsWith('Input.'))).toEqual([]);
  });

  it('sends a sub-form back with what was typed and each error under its input', () => {
    const card = projectCard(
      input({
        values: { link: 'sharepoint/bc', status: 'submitted', m1Title: 'Supplier chosen', m1Due: '2027-02-30' },
        errors: { link: 'Enter a link starting https://', m1Due: 'Enter a due date.' },
      }),
    );
    expectValid(card);
    expect(paragraphs(card)[2]).toBe('Not saved. Open Business case and Add milestones to fix the 2 problems marked.');
    expect(find(card, (o) => o.type === 'TextRun' && String(o.text).startsWith('Not saved.'))[0].color).toBe('attention');
    const bc = showCard(card, 'Business case');
    expect(inputById(bc, 'link')?.value).toBe('sharepoint/bc');
    expect(inputById(bc, 'status')?.value).toBe('submitted');
    const body = bc.body as Record<string, unknown>[];
    const at = body.findIndex((o) => o.id === 'link');
    expect(body[at + 1]).toMatchObject({ type: 'TextBlock', text: 'Enter a link starting https://', color: 'attention' });
    const add = showCard(card, 'Add milestones');
    expect(inputById(add, 'm1Title')?.value).toBe('Supplier chosen');
    expect(inputById(add, 'm1Due')?.value).toBe(''); // not a real date
    expect(find(add, (o) => o.type === 'TextBlock' && o.color === 'attention').map((t) => t.text)).toEqual(['Enter a due date.']);
  });

  it('shows a notice after a save', () => {
    const card = projectCard(input({ notice: 'Business case saved.' }));
    expectValid(card);
    expect(find(card, (o) => o.type === 'TextRun' && o.text === 'Business case saved.')[0].color).toBe('good');
  });

  it(`shows at most ${MAX_MILESTONES_SHOWN} milestones, the planned ones first, and counts the rest`, () => {
    const milestones = Array.from({ length: 20 }, (_, i) =>
      aMilestone({ id: `ms-${i}`, title: `Milestone ${i}`, due: `2027-${String((i % 12) + 1).padStart(2, '0')}-15`, status: i < 8 ? 'done' : 'planned', completedOn: i < 8 ? '2026-11-01' : null }),
    );
    const card = projectCard(input({ project: aProject({ milestones }) }));
    expectValid(card);
    expect(execute(card, 'milestone.done')).toHaveLength(12);
    expect(paragraphs(card)).toContain('and 8 more');
  });

  it('stays under 28 KB with 12 long milestones, long links and notes, errors and typed values', () => {
    const link = `https://council.sharepoint.com/sites/dsg/${long(INPUT_LIMITS.link - 41, 'Shared%20Documents/Business%20cases/')}`;
    const milestones = Array.from({ length: 12 }, (_, i) =>
      aMilestone({
        id: `ms-${String(i).padStart(2, '0')}-0b6c2d8e-3d2f-4f1e`,
        title: long(INPUT_LIMITS.milestoneTitle),
        due: `2026-${String(i + 1).padStart(2, '0')}-10`,
        revisions: Array.from({ length: 3 }, () => ({ from: '2026-01-01', to: '2026-02-01', reason: 'late', at: '2026-01-01T10:00:00Z', by: 'x' })),
      }),
    );
    const project = aProject({
      businessCase: { status: 'submitted', link, date: '2026-11-30' },
      planLink: link,
      resourcing: { confirmed: false, note: long(INPUT_LIMITS.note) },
      plannedBenefits: { annualCash: 100_000_000, nonCash: long(4000) },
      realisedBenefits: Array.from({ length: 10 }, (_, i) => ({ financialYear: `20${20 + i}/${21 + i}`, cashSaving: 123456, note: null, measureId: null, recordedAt: '2027-01-01T00:00:00Z', recordedBy: 'x' })),
      milestones,
    });
    const values = { m1Title: long(200), m2Title: long(200), m3Title: long(200), m4Title: long(200), m5Title: long(200), planLink: link };
    const errors = { planLink: long(200, 'Enter a link. '), m1Due: 'Enter a due date.', m2Due: 'Enter a due date.' };
    const card = projectCard(input({ request: aRequest({ status: 'in-delivery', title: long(LIMITS.title) }), project, values, errors }));
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES - 1024);
  });
});

// ---------------------------------------------------------------------------------------------

describe('pendingCard', () => {
  const requests = [
    aRequest({ reference: 'DP-2026-0009', title: 'Wi-Fi booking for community halls', status: 'under-review', strand: 'estates', createdAt: '2026-11-12T10:00:00Z' }),
    aRequest({ reference: 'DP-2026-0011', title: 'Digital timesheets', status: 'submitted', strand: 'employees', createdAt: '2026-11-19T10:00:00Z' }),
    aRequest({ status: 'more-info-requested', createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-30T15:00:00Z' }),
    aRequest({ reference: 'DP-2026-0014', createdAt: '2026-12-03T08:00:00Z' }),
  ];

  it('lists requests oldest first with their age, marking those overdue for a decision in words', () => {
    const card = pendingCard({ items: requests, total: 4 }, 1, 10, TODAY);
    expectValid(card);
    const text = paragraphs(card);
    expect(text[0]).toBe('4 requests awaiting a decision, oldest first. Page 1 of 1.');
    expect(text).toEqual(
      expect.arrayContaining([
        'DP-2026-0009 – Wi-Fi booking for community halls',
        'Under review · Digital Estates · waiting 21 days',
        'Submitted · Digital Employees · waiting 14 days',
        // Waiting for the requester, so never overdue however long ago it was submitted.
        'More information requested · Digital Customers · waiting for the requester since 30 Nov 2026',
        'Submitted · Digital Customers · submitted today',
      ]),
    );
    expect(text.filter((t) => t === 'Overdue for a decision')).toHaveLength(1); // only the one over 14 days
    expect(DECISION_DUE_DAYS).toBe(14);
    expect(execute(card, 'request.triage').map((a) => a.data)).toEqual(requests.map((r) => ({ reference: r.reference, back: { verb: 'request.pending', page: 1 } })));
    expect(topActions(card)).toEqual([]);
  });

  it('pages with Previous and Next', () => {
    const middle = pendingCard({ items: requests, total: 14 }, 2, 4, TODAY);
    expectValid(middle);
    expect(topActions(middle).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Previous', 'request.pending', { page: 1, here: true }],
      ['Next', 'request.pending', { page: 3, here: true }],
    ]);
  });

  it('says when nothing is waiting', () => {
    const card = pendingCard({ items: [], total: 0 }, 1, 10, TODAY);
    expectValid(card);
    expect(paragraphs(card)).toEqual(['Nothing is waiting for a decision.']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('programmeCard', () => {
  const complete = aProject({
    reference: 'DP-2026-0001',
    projectManager: MANAGER,
    businessCase: { status: 'approved', link: 'https://x.example/bc', date: null },
    planLink: 'https://x.example/plan',
    resourcing: { confirmed: true, note: null },
    dpia: 'completed',
    milestones: [aMilestone({ due: '2027-05-01' })],
    priority: 'low',
    isPriority: false,
  });
  const items = [
    { project: aProject({ projectLead: null, milestones: [] }), request: aRequest({ status: 'approved' }) },
    { project: complete, request: aRequest({ reference: 'DP-2026-0001', title: 'Shared Gaelic-medium learning resources', strand: 'learning', status: 'in-delivery' }) },
    { project: aProject({ reference: 'DP-2026-0003' }), request: aRequest({ reference: 'DP-2026-0003', title: 'Garden waste permits online', status: 'in-delivery' }) },
  ];

  it('groups projects by strand with priority, lead, status and what is missing', () => {
    const card = programmeCard(items, 1, 10, 3, TODAY);
    expectValid(card);
    const text = paragraphs(card);
    expect(text[0]).toBe('3 projects in the Digital Programme, by strand. Page 1 of 1.');
    expect(text.slice(1)).toEqual([
      'Digital Customers',
      'DP-2026-0012 – Online booking for bulky uplifts',
      'High priority · priority project · No lead · Approved',
      'Missing: Project Lead, Project Manager, Business case approval, Implementation plan, Milestones, Confirmed resourcing, Data protection impact assessment',
      'DP-2026-0003 – Garden waste permits online',
      'High priority · priority project · Lead: Project Lead (Waste Services) 2 · In delivery',
      'Missing: Project Manager, Business case approval, Implementation plan, Confirmed resourcing, Data protection impact assessment, Late milestone',
      'Digital Learning',
      'DP-2026-0001 – Shared Gaelic-medium learning resources',
      'Low priority · Lead: Project Lead (Waste Services) 2 · In delivery',
      'Nothing missing',
    ]);
    expect(execute(card, 'project.view').map((a) => a.data)).toEqual([
      { reference: 'DP-2026-0012', back: { verb: 'programme.show', page: 1 } },
      { reference: 'DP-2026-0003', back: { verb: 'programme.show', page: 1 } },
      { reference: 'DP-2026-0001', back: { verb: 'programme.show', page: 1 } },
    ]);
  });

  it('pages with programme.show', () => {
    const card = programmeCard(items, 2, 3, 9, TODAY);
    expect(topActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Previous', 'programme.show', { page: 1, here: true }],
      ['Next', 'programme.show', { page: 3, here: true }],
    ]);
    const empty = programmeCard([], 1, 10, 0, TODAY);
    expectValid(empty);
    expect(paragraphs(empty)).toEqual(['No projects are in the Digital Programme yet.']);
  });

  it('stays under 28 KB for a page of 10 projects with long titles and names', () => {
    const page = Array.from({ length: 10 }, (_, i) => ({
      project: aProject({ reference: `DP-2026-${1000 + i}`, projectLead: person(long(80, 'Project Lead (Business Services) '), `aad-${i}`), milestones: [] }),
      request: aRequest({ reference: `DP-2026-${1000 + i}`, title: long(LIMITS.title), strand: STRANDS[i % STRANDS.length].id }),
    }));
    const card = programmeCard(page, 1, 10, 57, TODAY);
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

// ---------------------------------------------------------------------------------------------

describe('historyCard', () => {
  const events = [
    anEvent('2026-11-27T09:30:00Z', 'request.submit', { actorName: 'Requester (Waste Services) 4', after: { status: 'submitted' } }),
    anEvent('2026-12-01T10:00:00Z', 'request.ask', { before: { status: 'submitted' }, after: { status: 'more-info-requested' } }),
    anEvent('2026-12-01T11:00:00Z', 'request.approve', { actorName: 'Someone Else', outcome: 'refused' }),
    anEvent('2026-12-02T15:12:00Z', 'request.answer', { actorName: 'Requester (Waste Services) 4', before: { status: 'more-info-requested' }, after: { status: 'under-review' } }),
    anEvent('2026-12-03T10:30:00Z', 'request.approve', { before: { status: 'under-review' }, after: { status: 'approved', priority: 'high', isPriority: true } }),
    anEvent('2026-12-03T10:45:00Z', 'request.assign', { actorName: 'Digital Leader (Customers) 1', before: { projectLead: null }, after: { projectLead: LEAD } }),
    anEvent('2026-12-03T11:00:00Z', 'project.business-case', {
      actorName: 'Project Lead (Waste Services) 2',
      before: { businessCase: { status: 'not-started', link: null } },
      after: { businessCase: { status: 'drafting', link: 'https://council.sharepoint.com/bc.docx' } },
    }),
    anEvent('2026-12-03T11:05:00Z', 'project.view'),
  ];

  it('tells the audit trail in words, newest first, with what changed', () => {
    const card = historyCard('DP-2026-0012', 'Online booking for bulky uplifts', events);
    expectValid(card);
    expect(paragraphs(card)).toEqual([
      'DP-2026-0012 – Online booking for bulky uplifts',
      '6 changes, newest first.',
      '3 Dec 2026, 11:00 · Project Lead (Waste Services) 2 · Business case updated (business case: Not started → Drafting; business case link: none → bc.docx)',
      '3 Dec 2026, 10:45 · Digital Leader (Customers) 1 · Owners assigned (Project Lead: none → Project Lead (Waste Services) 2)',
      '3 Dec 2026, 10:30 · DSG Chair · Approved (status: Under review → Approved; priority: High; priority project: yes)',
      '2 Dec 2026, 15:12 · Requester (Waste Services) 4 · Answered (status: More information requested → Under review)',
      '1 Dec 2026, 10:00 · DSG Chair · Asked for more information (status: Submitted → More information requested)',
      '27 Nov 2026, 09:30 · Requester (Waste Services) 4 · Submitted (status: Submitted)',
    ]);
    expect(topActions(card)).toEqual([]);
  });

  it(`pages at ${PAGE_SIZE} lines, the page size of every list, with "and N earlier changes"`, () => {
    const many = Array.from({ length: 40 }, (_, i) => anEvent(`2026-12-01T10:${String(i).padStart(2, '0')}:00Z`, 'milestone.done'));
    const first = historyCard('DP-2026-0012', 'Online booking for bulky uplifts', many);
    expectValid(first);
    const lines = paragraphs(first).filter((t) => t.includes('Milestone done'));
    expect(lines).toHaveLength(PAGE_SIZE);
    expect(lines[0]).toBe('1 Dec 2026, 10:39 · DSG Chair · Milestone done');
    expect(paragraphs(first)).toContain('and 30 earlier changes');
    expect(topActions(first).map((a) => [a.title, a.verb, a.data])).toEqual([['Earlier changes', 'history.show', { reference: 'DP-2026-0012', page: 2, here: true }]]);
    const last = historyCard('DP-2026-0012', 'Online booking for bulky uplifts', many, 4);
    expectValid(last);
    expect(paragraphs(last).filter((t) => t.includes('Milestone done'))).toHaveLength(10);
    expect(titles(last)).toEqual(['Later changes']);
    expect(paragraphs(historyCard('DP-2026-0012', 'x', many, 99))[1]).toBe('40 changes, newest first. Page 4 of 4.');
  });

  it('stays under 28 KB with long names and long links on every line', () => {
    const link = `https://council.sharepoint.com/${long(900)}`;
    const many = Array.from({ length: 15 }, (_, i) =>
      anEvent(`2026-12-01T10:${String(i).padStart(2, '0')}:00Z`, 'project.plan', { actorName: long(200), before: { planLink: link }, after: { planLink: `${link}2` } }),
    );
    const card = historyCard('DP-2026-0012', long(LIMITS.title), many);
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('linkTitle', () => {
  it("names a document by its decoded name, never its raw address", () => {
    expect(linkTitle('https://council.sharepoint.com/sites/DSG/Shared%20Documents/Bulky%20uplift%20business%20case.docx')).toBe('Bulky uplift business case.docx');
    expect(linkTitle('https://council.sharepoint.com/:w:/r/sites/DSG/_layouts/15/Doc.aspx?sourcedoc=%7B1234%7D&file=Plan%20for%20DP-2026-0012.docx&action=default')).toBe('Plan for DP-2026-0012.docx');
    expect(linkTitle('https://council.sharepoint.com/sites/DSG/Shared%20Documents/Plans/')).toBe('Plans');
    expect(linkTitle('https://council.sharepoint.com')).toBe('council.sharepoint.com');
    expect(linkTitle('https://x.example/100%25%zz')).toBe('100%25%zz');
    expect(linkTitle('\\\\fileserver\\dsg\\bc.docx')).toBe('\\\\fileserver\\dsg\\bc.docx');
  });
});

describe('actionWords and changeWords', () => {
  it('names the DSG and programme actions', () => {
    expect(
      Object.fromEntries(
        [
          'request.approve',
          'request.decline',
          'request.ask',
          'request.answer',
          'request.merge',
          'request.assign',
          'dsg.setup',
          'settings.save',
          'project.business-case',
          'project.plan',
          'project.resourcing',
          'project.dpia',
          'milestone.add',
          'milestone.done',
        ].map((a) => [a, actionWords(a)]),
      ),
    ).toEqual({
      'request.approve': 'Approved',
      'request.decline': 'Declined',
      'request.ask': 'Asked for more information',
      'request.answer': 'Answered',
      'request.merge': 'Merged',
      'request.assign': 'Owners assigned',
      'dsg.setup': 'DSG channel set up',
      'settings.save': 'Settings saved',
      'project.business-case': 'Business case updated',
      'project.plan': 'Plan updated',
      'project.resourcing': 'Resourcing updated',
      'project.dpia': 'DPIA updated',
      'milestone.add': 'Milestones added',
      'milestone.done': 'Milestone done',
    });
  });

  it('names only known fields that changed, at most three', () => {
    expect(changeWords({ status: 'submitted', title: 'a' }, { status: 'submitted', title: 'b' })).toEqual([]);
    expect(changeWords(null, null)).toEqual([]);
    expect(changeWords({ chair: CHAIR }, { chair: LEADER })).toEqual(['chair: DSG Chair → Digital Leader (Customers) 1']);
    expect(changeWords({ dpia: 'not-started' }, { dpia: 'completed' })).toEqual(['DPIA: Not started → Completed']);
    expect(changeWords({ resourcing: { confirmed: false } }, { resourcing: { confirmed: true } })).toEqual(['resourcing confirmed: no → yes']);
    expect(
      changeWords(
        { status: 'submitted', priority: 'low', isPriority: false, planLink: null },
        { status: 'approved', priority: 'high', isPriority: true, planLink: 'https://x' },
      ),
    ).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------------

describe('noticeCard', () => {
  it('shows a title and lines as plain text, with one button', () => {
    const card = noticeCard({
      title: 'Your request was approved',
      lines: ['Good news: the Digital Strategy Group approved DP-2026-0012 "Online booking for bulky uplifts".', '', 'Note: share the contract.'],
      open: { opens: 'project', reference: 'DP-2026-0012', title: 'Open project' },
    });
    expectValid(card);
    expect(paragraphs(card)).toEqual([
      'Your request was approved',
      'Good news: the Digital Strategy Group approved DP-2026-0012 "Online booking for bulky uplifts".',
      'Note: share the contract.',
    ]);
    expect(ofType(card, 'TextBlock')).toEqual([]);
    expect(topActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([['Open project', 'project.view', { reference: 'DP-2026-0012' }]]);
  });

  it('opens each signed download link with a button of its own', () => {
    const url = 'https://dsg-bot.council.example/exports/programme/2026-27.xlsx?expires=1796489734&token=abc';
    const card = noticeCard({ title: 'The Digital Programme as a workbook', lines: ['The link works until 5 Dec 2026, 16:55.'] }, [{ title: 'Download the Digital Programme (.xlsx)', url }]);
    expectValid(card);
    expect(topActions(card).map((a) => [a.type, a.title, a.url])).toEqual([['Action.OpenUrl', 'Download the Digital Programme (.xlsx)', url]]);
  });

  it('has no button when none is given', () => {
    const card = noticeCard({ title: 'Request declined', lines: ['The Digital Strategy Group declined DP-2026-0012.'] });
    expectValid(card);
    expect(topActions(card)).toEqual([]);
  });
});

describe('retentionPreviewCard', () => {
  it('says what the next run would do, one sentence per kind of record', () => {
    const card = retentionPreviewCard({ plan: { closedRequests: ['DP-2024-0001'], completedProjects: [], drafts: 2, deliveryLogs: 1, meetings: ['2020-03-04'] }, schedule: DEFAULT_RETENTION });
    expectValid(card);
    expect(paragraphs(card)).toEqual([
      'Retention: what the next run would do',
      'Pseudonymise the people in 1 declined, withdrawn or merged request decided more than 2 years ago: DP-2024-0001.',
      'Pseudonymise the people in 0 projects completed more than 6 years ago.',
      'Delete 2 drafts not saved for 90 days.',
      'Delete 1 delivery log entry (sent or failed messages) older than 1 year.',
      'Pseudonymise the people in the record of 1 DSG meeting held more than 6 years ago: 2020-03-04; the minutes keep what was decided.',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Cross-cutting rules

function anItemView(overrides: Partial<ItemView> = {}): ItemView {
  const agenda: AgendaItem[] = [{ id: 'awaiting-decision:DP-2026-0012', source: 'awaiting-decision', reference: 'DP-2026-0012', title: 'Online booking for bulky uplifts', detail: 'Submitted 27 Nov 2026', addedBy: null }];
  const meeting = startMeeting('m-1', TODAY, '10:00', agenda, 'DSG Chair', `${TODAY}T10:00:00.000Z`);
  return { meeting, actions: [], members: [CHAIR, LEADER, LEAD, MANAGER], canRun: true, today: TODAY, item: agenda[0], request: aRequest(), project: null, mergeTargets: MERGE_TARGETS.slice(0, 2), ...overrides };
}

describe('meetingItemCard', () => {
  it('offers the triage decisions on a request awaiting one (Approve, Decline, Ask, Mark as duplicate), then Noted or defer', () => {
    const card = meetingItemCard(anItemView());
    expectValid(card);
    expect(titles(card)).toEqual(['Approve', 'Decline', 'Ask', 'Mark as duplicate', 'Noted or defer']);
    const merge = showCard(card, 'Mark as duplicate');
    expect((inputById(merge, 'duplicateOf')?.choices as Choice[]).map((c) => c.value)).toEqual(['DP-2026-0007', 'DP-2026-0003']);
    expect(execute(card, 'meeting.decide').map((a) => (a.data as Record<string, unknown>).decision)).toEqual(['approve', 'decline', 'ask', 'merge']);
  });

  it('offers Assign owners and Change priority on a project (prefilled), with Noted or defer, and no request decisions', () => {
    const project = aProject();
    const card = meetingItemCard(anItemView({ request: aRequest({ status: 'in-delivery', version: 7 }), project }));
    expectValid(card);
    expect(titles(card)).toEqual(['Assign owners', 'Change priority', 'Noted or defer']);
    expect(inputById(showCard(card, 'Assign owners'), 'projectLead')?.value).toBe(project.projectLead?.aadObjectId);
    expect(inputById(showCard(card, 'Change priority'), 'priority')?.value).toBe(project.priority);
    expect(paragraphs(card)).toEqual(expect.arrayContaining(['Priority: High – priority project']));
  });

  it('keeps a project item open after owners are assigned, and closes an item once noted', () => {
    const view = anItemView({ request: aRequest({ status: 'approved' }), project: aProject() });
    const at = `${TODAY}T10:10:00.000Z`;
    const assigned = recordOutcome(view.meeting, view.item.id, { kind: 'decision', action: 'assign', note: 'Project Lead: X', by: 'DSG Chair', at }, at);
    expect(titles(meetingItemCard({ ...view, meeting: assigned }))).toEqual(['Assign owners', 'Change priority', 'Noted or defer']);
    const noted = recordOutcome(assigned, view.item.id, { kind: 'noted', note: null, by: 'DSG Chair', at }, at);
    const card = meetingItemCard({ ...view, meeting: noted });
    expect(titles(card)).toEqual([]);
    expect(paragraphs(card)).toEqual(expect.arrayContaining(['Outcome: Owners assigned (DSG Chair): Project Lead: X; Noted (DSG Chair)']));
  });
});

describe('every action that changes a record carries its version', () => {
  const MUTATING = [
    'request.approve',
    'request.decline',
    'request.ask',
    'request.merge',
    'request.assign',
    'request.priority',
    'meeting.decide',
    'request.answer',
    'settings.save',
    'project.business-case',
    'project.plan',
    'project.resourcing',
    'project.dpia',
    'milestone.add',
    'milestone.done',
  ];
  const cards: [string, AdaptiveCardJson, number][] = [
    ['triage (open)', triageCard(triageInput({ request: aRequest({ version: 9 }) })), 9],
    ['triage (approved)', triageCard(triageInput({ request: aRequest({ status: 'approved', version: 9 }), project: aProject() })), 9],
    ['settings', settingsCard({ ...SETTINGS, version: 9 }, PEOPLE, true), 9],
    ['question', questionCard(aRequest({ version: 9 }), aQuestion({ answer: null, answeredAt: null })), 9],
    ['project', projectCard({ request: aRequest({ status: 'in-delivery' }), project: aProject({ version: 9 }), today: TODAY, canEdit: true }), 9],
    ['meeting item (request)', meetingItemCard(anItemView({ request: aRequest({ version: 9 }) })), 9],
    ['meeting item (project)', meetingItemCard(anItemView({ request: aRequest({ status: 'approved', version: 9 }), project: aProject() })), 9],
  ];

  it.each(cards)('%s', (_name, card, version) => {
    const mutating = actionsOf(card).filter((a) => MUTATING.includes(String(a.verb)));
    expect(mutating.length).toBeGreaterThan(0);
    for (const a of mutating) {
      expect({ verb: a.verb, version: (a.data as Record<string, unknown>).version }).toEqual({ verb: a.verb, version });
      expect(((a.fallback as Record<string, unknown>).data as Record<string, unknown>).version).toBe(version);
    }
  });
});

describe('the templates’ input limits match INPUT_LIMITS', () => {
  it.each([
    ['triage', 'note', INPUT_LIMITS.note],
    ['triage', 'reason', INPUT_LIMITS.reason],
    ['triage', 'question', INPUT_LIMITS.question],
    ['question', 'answer', INPUT_LIMITS.answer],
    ['project', 'link', INPUT_LIMITS.link],
    ['project', 'planLink', INPUT_LIMITS.link],
    ['project', 'note', INPUT_LIMITS.note],
    ['project', 'm1Title', INPUT_LIMITS.milestoneTitle],
    ['project', 'm5Title', INPUT_LIMITS.milestoneTitle],
  ])('%s %s', (name, id, max) => {
    const template = JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8'));
    expect(inputById(template, id)?.maxLength).toBe(max);
  });
});

describe('user-typed text on the DSG cards', () => {
  const MARKERS = [
    '**bold** [x](http://evil) <b>hi</b> <at>Someone</at> ${title}',
    '${reference} ${if(true, 1, 2)} ${$root.version} @{x} _em_ # Heading\n- list item\n1. one',
  ];

  /** Every DSG card with `marker` in every field a person can type, and every Teams display name. */
  function cardsWith(marker: string): Record<string, AdaptiveCardJson> {
    const who = person(marker, 'aad-marker');
    const request = aRequest({ title: marker, requesterName: marker, problem: marker, route: 'build', routeJustification: marker });
    const project = aProject({
      digitalLeader: who,
      projectLead: who,
      projectManager: who,
      businessCase: { status: 'drafting', link: marker, date: null },
      planLink: marker,
      resourcing: { confirmed: false, note: marker },
      plannedBenefits: { annualCash: null, nonCash: marker },
      milestones: [aMilestone({ title: marker })],
    });
    const question = aQuestion({ question: marker, askedBy: marker, answer: marker });
    const triage = aTriage({ questions: [question], lastDecision: { action: 'decline', by: marker, at: '2026-12-01T10:00:00Z', note: marker } });
    const similar = [{ ...SIMILAR[0], title: marker }];
    const choice = { title: marker, value: 'x' };
    const settings: DsgSettings = { ...SETTINGS, channel: { ...SETTINGS.channel!, name: marker }, chair: who, leaders: { customers: who } };
    const events = [anEvent('2026-12-01T10:00:00Z', 'project.plan', { actorName: marker, before: { planLink: null }, after: { planLink: marker, projectLead: who } })];
    return {
      triageOpen: triageCard(triageInput({ request, triage, similar, leader: who, people: [choice], mergeTargets: [{ reference: 'x', title: marker }] })),
      triageApproved: triageCard(triageInput({ request: { ...request, status: 'approved' }, triage, similar, project, leader: who, people: [choice] })),
      settings: settingsCard(settings, [choice], true),
      question: questionCard(request, question, false),
      answered: questionCard(request, question, true),
      project: projectCard({ request, project, today: TODAY, canEdit: true, values: { m1Title: marker, note: marker } }),
      pending: pendingCard({ items: [request], total: 1 }, 1, 10, TODAY),
      programme: programmeCard([{ project, request }], 1, 10, 1, TODAY),
      history: historyCard('DP-2026-0012', marker, events),
      notice: noticeCard({ title: marker, lines: [marker] }),
    };
  }

  /** Where a person's text may go: TextRuns (never Markdown), input values, choice titles (plain text). */
  const safePlace = (s: ReturnType<typeof strings>[number]): boolean =>
    (s.holder.type === 'TextRun' && s.key === 'text') ||
    (s.holder.type === 'Input.Text' && s.key === 'value') ||
    (!('type' in s.holder) && s.key === 'title' && /\.choices\[\d+\]\.title$/.test(s.path));

  it.each(MARKERS)('comes out literally, and only in TextRuns, input values and choice titles: %s', (marker) => {
    const firstLine = marker.split('\n')[0];
    for (const [name, card] of Object.entries(cardsWith(marker))) {
      expect({ name, problems: cardProblems(card, { allowDollarBrace: true }) }).toEqual({ name, problems: [] });
      const hits = strings(card).filter((s) => s.value.includes(firstLine));
      expect({ name, some: hits.length > 0 }).toEqual({ name, some: true });
      for (const h of hits) expect({ name, path: h.path, safe: safePlace(h) }).toEqual({ name, path: h.path, safe: true });
    }
  });

  it('is never expanded again by the template engine', () => {
    const card = cardsWith('${reference} ${$root.version}').project;
    expect(paragraphs(card)).toContain('${reference} ${$root.version}');
    expect(JSON.stringify(card)).not.toContain('DP-2026-0012 7');
  });

  it('never reaches a TextBlock, a fact or an action title', () => {
    for (const marker of MARKERS) {
      for (const [name, card] of Object.entries(cardsWith(marker))) {
        walk(card, (o, path) => {
          const places = [
            o.type === 'TextBlock' ? o.text : undefined,
            typeof o.type === 'string' && o.type.startsWith('Action.') ? o.title : undefined,
            !('type' in o) && path.includes('.facts[') ? o.value : undefined,
          ];
          for (const p of places) if (typeof p === 'string') expect({ name, path, p }).not.toEqual({ name, path, p: expect.stringContaining('**bold**') });
        });
      }
    }
  });
});

describe('people lists', () => {
  it('take roster members or people as well as choices', () => {
    const roster = [{ id: '29:chair', ...CHAIR }, { id: '29:lead', ...LEAD }];
    const settings = settingsCard(SETTINGS, roster, true);
    expectValid(settings);
    expect((inputById(settings, 'chair')?.choices as Choice[]).slice(0, 2)).toEqual([asChoice(CHAIR), asChoice(LEAD)]);
    const triage = triageCard(triageInput({ request: aRequest({ status: 'approved' }), project: aProject(), people: [MANAGER] }));
    expectValid(triage);
    expect((inputById(triage, 'projectManager')?.choices as Choice[]).map((c) => c.title)).toEqual([MANAGER.name, LEADER.name, LEAD.name]);
  });
});
