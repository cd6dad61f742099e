import { healthRules } from '../support/health-rules';
import MarkdownIt from 'markdown-it';
import { annualReport } from '../../src/domain/annual-report';
import type { AuditEvent } from '../../src/domain/audit';
import { buildDigest } from '../../src/domain/digest';
import type { ReminderCardItem, ReminderKind } from '../../src/domain/reminders';
import type { PersonRef } from '../../src/domain/settings';
import { completeConfirmation, declineConfirmation, mergeConfirmation, withConfirmation, withdrawConfirmation } from '../../src/presenters/confirm';
import { escapeMarkdown } from '../../src/presenters/format';
import { assuranceReportCard } from '../../src/presenters/assurance-report';
import { annualReportCard } from '../../src/presenters/annual-report';
import { digestCard } from '../../src/presenters/digest';
import { draftOfferCard } from '../../src/presenters/draft-offer';
import { helpCard } from '../../src/presenters/help';
import { greetingCard } from '../../src/presenters/greeting';
import { COMMANDS } from '../../src/domain/commands';
import { historyCard } from '../../src/presenters/history';
import { myRequestsCard } from '../../src/presenters/my-requests';
import { noticeCard } from '../../src/presenters/notice';
import { pendingCard } from '../../src/presenters/pending';
import { milestonesCard } from '../../src/presenters/milestones';
import { milestoneDetail, programmeMilestones } from '../../src/domain/digest';
import { programmeCard } from '../../src/presenters/programme';
import { projectCard } from '../../src/presenters/project';
import { questionCard } from '../../src/presenters/question';
import { reminderCard } from '../../src/presenters/reminder';
import { remindersPreviewCard } from '../../src/presenters/reminders-preview';
import type { AdaptiveCardJson } from '../../src/presenters/render';
import { requestSummaryCard } from '../../src/presenters/request-summary';
import { requestDetailCard } from '../../src/presenters/request-detail';
import { requestFormCard } from '../../src/presenters/request-form';
import { requestSubmittedCard } from '../../src/presenters/request-submitted';
import { notFoundCard, requestCompactCard, requestRaisedCard } from '../../src/presenters/request-compact';
import { cancelMeetingConfirmation, settingsCard } from '../../src/presenters/settings';
import { similarRequestsCard } from '../../src/presenters/similar-requests';
import { triageCard } from '../../src/presenters/triage';
import type { CardName } from '../../src/presenters/types';
import { welcomeCard } from '../../src/presenters/welcome';
import { agendaCard } from '../../src/presenters/agenda';
import { meetingCard, meetingItemCard } from '../../src/presenters/meeting';
import { meetingsCard, minutesCard } from '../../src/presenters/minutes';
import { draftMinutes, type Meeting, type MeetingAction } from '../../src/domain/meetings';
import { DEFAULT_SERVICE_STANDARD, gateFrom, type GateRequest } from '../../src/domain/stages';
import { gateCard, gateRequestCard } from '../../src/presenters/gates';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { solutionFormCard, solutionsCard } from '../../src/presenters/solutions';
import { riskFormCard } from '../../src/presenters/risks';
import { sampleRisk } from '../support/sample-risk';
import { sampleSolution } from '../support/sample-solution';
import { cardProblems, walk } from './card-checks';

/**
 * Every card, drawn through its presenter with every field a person types (or a Teams display name) set to text
 * full of Markdown, shows that text as typed: where Teams reads Markdown (TextBlock text, facts) it renders to no
 * formatting, link or mention; in TextRuns (never Markdown) it is there exactly as typed, with no escapes to show.
 */

const HOSTILE = '**bold** _it_ [link](http://evil.example) # h\n- item\n1. one <at>Chair</at> `code` http://evil.example &lt;';
/** What must be readable wherever the text is shown (summaries put it on one line; long texts may be clipped after it). */
const FIRST_LINE = '**bold** _it_ [link](http://evil.example) # h';
const TODAY = '2026-12-03';

const who = (id: string): PersonRef => ({ aadObjectId: id, name: HOSTILE });

function cards(): Record<CardName, AdaptiveCardJson[]> {
  const request = sampleRequest({
    title: HOSTILE,
    requesterName: HOSTILE,
    problem: HOSTILE,
    outcome: HOSTILE,
    principlesHow: HOSTILE,
    reuseChecked: HOSTILE,
    route: 'buy',
    routeJustification: HOSTILE,
  });
  const project = sampleProject(request.reference, {
    digitalLeader: who('aad-leader'),
    projectLead: who('aad-lead'),
    projectManager: who('aad-manager'),
    businessCase: { status: 'drafting', link: HOSTILE, date: null },
    planLink: HOSTILE,
    resourcing: { confirmed: false, note: HOSTILE },
    plannedBenefits: { annualCash: 1000, nonCash: HOSTILE },
    milestones: [sampleMilestone({ title: HOSTILE, due: '2026-12-01' }), sampleMilestone({ title: HOSTILE, due: '2026-11-01', status: 'done', completedOn: '2026-11-02' })],
  });
  const approved = { ...request, status: 'approved' as const };
  const question = { question: HOSTILE, askedBy: HOSTILE, askedAt: '2026-12-01T10:00:00Z', answer: HOSTILE, answeredAt: '2026-12-02T10:00:00Z' };
  const triage = { reference: request.reference, post: null, duplicateOf: 'DP-2026-0001', questions: [question], lastDecision: { action: 'ask' as const, by: HOSTILE, at: '2026-12-01T10:00:00Z', note: HOSTILE } };
  const events: AuditEvent[] = [
    { at: '2026-12-01T10:00:00Z', actorId: '29:x', actorName: HOSTILE, action: 'project.plan', subjectType: 'request', subjectId: request.reference, outcome: 'done', before: { planLink: null }, after: { planLink: HOSTILE, projectLead: who('aad-lead') }, detail: HOSTILE },
  ];
  const triageView = { request, triage, project: null, similar: [{ reference: 'DP-2026-0002', title: HOSTILE, status: 'submitted' as const, strand: 'customers' as const, score: 0.5 }], mergeTargets: [{ reference: 'DP-2026-0003', title: HOSTILE }], leader: who('aad-leader'), people: [who('aad-member')], today: TODAY, mentionLeader: true };
  const item = (kind: ReminderKind, i: number): ReminderCardItem => ({
    key: `${request.reference}:${kind}${kind.startsWith('milestone-') ? ':ms-1' : ''}`,
    reference: request.reference,
    projectTitle: HOSTILE,
    kind,
    milestoneId: kind.startsWith('milestone-') ? 'ms-1' : null,
    recipient: who('aad-lead'),
    fingerprint: 'f',
    what: HOSTILE,
    why: HOSTILE,
    resolved: i === 0,
    snoozedUntil: null,
    projectVersion: 1,
    dueDate: '2026-12-01',
  });
  const reminderItems = (['plan', 'owners', 'milestone-overdue', 'question'] as const).map(item);
  const digestSource = {
    kind: 'weekly' as const,
    audience: 'dsg' as const,
    today: TODAY,
    since: '2026-11-26T09:00:00.000Z',
    strands: null,
    meetings: [{ date: '2026-12-15', startTime: '10:00', place: HOSTILE }],
    programme: [{ request: approved, project }],
    pending: [request],
    newRequests: [request],
    decisions: [{ reference: request.reference, title: HOSTILE, strand: request.strand, action: 'approve' as const, at: '2026-12-01T10:00:00.000Z' }],
    reminderStates: [{ key: `${request.reference}:plan`, recipientId: 'aad-lead', count: 3, lastSentAt: null, fingerprint: 'f', snoozedUntil: null, snoozes: 0, escalatedAt: '2026-12-01T09:30:00.000Z' }],
    unreachable: [{ aadObjectId: 'aad-lead', name: HOSTILE }],
    health: healthRules(),
  };
  const report = annualReport({ financialYear: '2026/27', today: TODAY, programme: [{ request: approved, project }], decisions: [], completedOn: new Map() });
  const settings = { channel: { conversationId: 'c', teamId: 't', name: HOSTILE, reference: null }, chair: who('aad-chair'), minuteTaker: who('aad-mt'), leaders: { customers: who('aad-leader') }, meetings: [{ date: '2027-01-14', startTime: '10:00', place: HOSTILE }], version: 1, updatedAt: '2026-12-01T10:00:00Z' };
  const formValues = Object.fromEntries(['title', 'problem', 'outcome', 'principlesHow', 'reuseChecked', 'routeJustification'].map((f) => [f, HOSTILE]));

  const agenda = [
    { id: 'added:a1', source: 'added' as const, reference: null, title: HOSTILE, detail: HOSTILE, addedBy: HOSTILE },
    { id: `awaiting-decision:${request.reference}`, source: 'awaiting-decision' as const, reference: request.reference, title: HOSTILE, detail: HOSTILE, addedBy: null },
  ];
  const meeting: Meeting = {
    id: 'm-1',
    date: TODAY,
    startTime: '10:00',
    place: HOSTILE,
    status: 'running',
    agenda,
    attendees: [who('aad-a')],
    apologies: [who('aad-b')],
    outcomes: { 'added:a1': { kind: 'noted', note: HOSTILE, by: HOSTILE, at: '2026-12-03T10:00:00Z' } },
    notes: HOSTILE,
    startedBy: HOSTILE,
    endedAt: null,
    publishedAt: null,
    publishedBy: null,
    version: 3,
    updatedAt: '2026-12-03T10:00:00Z',
  };
  const actions: MeetingAction[] = [{ id: 'x', meetingId: 'm-1', itemId: 'added:a1', reference: null, what: HOSTILE, owner: who('aad-o'), due: '2026-12-20', createdAt: '2026-12-03T10:00:00Z', createdBy: HOSTILE, doneAt: null, doneBy: null }];
  const meetingView = { meeting, actions, members: [who('aad-a')], canRun: true, today: TODAY };
  const ended = { ...meeting, status: 'ended' as const, publishedAt: '2026-12-03T12:00:00Z', publishedBy: HOSTILE };
  const hostileSolution = sampleSolution({ name: HOSTILE, whatItDoes: HOSTILE, owningService: HOSTILE, sharedWithPartners: true, sharedWith: HOSTILE, contractEnds: '2026-11-30' });
  const hostileRisk = sampleRisk({ reference: approved.reference, description: HOSTILE, mitigation: HOSTILE, owner: who('aad-o'), reviewDate: '2026-11-01' });
  const links = { docx: 'https://bot.example/minutes/2026-12-03.docx', html: 'https://bot.example/minutes/2026-12-03.html' };

  const hostileGate: GateRequest = {
    id: 'g-1',
    reference: 'DP-2026-0012',
    from: 'alpha',
    to: 'beta',
    evidence: { users: `https://council.example/${HOSTILE}` },
    note: HOSTILE,
    requestedBy: who('aad-lead'),
    requestedAt: '2026-12-01T10:00:00Z',
    decision: { outcome: 'pass-with-conditions', note: HOSTILE, by: { aadObjectId: 'aad-m', name: HOSTILE }, at: '2026-12-03T10:00:00Z', meetingId: null },
    conditions: [{ id: 'c-1', gateId: 'g-1', reference: 'DP-2026-0012', what: HOSTILE, owner: { aadObjectId: 'aad-o', name: HOSTILE }, due: '2027-01-15', doneAt: null, doneBy: null }],
    version: 2,
  };
  const gateStage = { reference: 'DP-2026-0012', stage: 'alpha', since: null };
  const gateView = { gate: hostileGate, standard: DEFAULT_SERVICE_STANDARD, title: HOSTILE, people: [{ aadObjectId: 'aad-p', name: HOSTILE }], today: TODAY, meeting: null };

  return {
    'gate-request': [
      gateRequestCard({ reference: 'DP-2026-0012', title: HOSTILE, standard: DEFAULT_SERVICE_STANDARD, stage: gateStage, gate: gateFrom(DEFAULT_SERVICE_STANDARD, 'alpha')!, form: { values: { evidence_users: HOSTILE, gateNote: HOSTILE }, errors: { evidence_users: 'Enter it as a full https:// address.' } } }),
    ],
    gate: [gateCard(gateView), gateCard({ ...gateView, gate: { ...hostileGate, decision: null, conditions: [] }, form: { values: { c1What: HOSTILE, decisionNote: HOSTILE }, errors: {} } })],
    agenda: [
      agendaCard({ next: settings.meetings[0], items: agenda, removed: agenda, planVersion: 2, canArrange: true, running: null, canRun: true, today: TODAY, add: { text: HOSTILE, error: `There is no request: ${HOSTILE}` } }),
    ],
    meeting: [meetingCard(meetingView)],
    'meeting-item': [meetingItemCard({ ...meetingView, item: agenda[0], request: null, project: null, mergeTargets: [], form: { values: { what: HOSTILE }, errors: {} } })],
    minutes: [minutesCard({ meeting: ended, minutes: draftMinutes(ended, actions), canEdit: false, links })],
    meetings: [meetingsCard({ held: [ended], planned: settings.meetings, today: TODAY })],
    solutions: [solutionsCard({ query: HOSTILE, entries: [{ solution: hostileSolution, contract: 'ended' }], total: 1, canManage: true, today: TODAY })],
    'solution-form': [solutionFormCard({ solution: hostileSolution, values: { name: HOSTILE, whatItDoes: HOSTILE }, errors: { name: 'Give the name.' } })],
    'risk-form': [riskFormCard({ reference: approved.reference, title: HOSTILE, entry: hostileRisk, people: [who('aad-a')], today: TODAY, values: { riskDescription: HOSTILE, riskMitigation: HOSTILE, riskOwner: HOSTILE }, errors: { riskLikelihood: 'Likelihood is a whole number from 1 (rare) to 5 (almost certain).' } })],
    welcome: [welcomeCard(HOSTILE)],
    help: [helpCard({ commands: [...COMMANDS], notUnderstood: { typed: HOSTILE, suggestion: null } })],
    greeting: [greetingCard({ said: { kind: 'greeting', salutation: 'Hello' }, givenName: HOSTILE, dsg: false, pending: null })],
    'request-form': [requestFormCard({ formId: 'f-1', values: formValues })],
    'similar-requests': [similarRequestsCard('f-1', HOSTILE, triageView.similar, [{ id: 's-1', name: HOSTILE, owningService: HOSTILE, link: 'https://intranet.council.example/x', contractEnds: '2026-11-30', contract: 'ended', score: 0.5 }])],
    'request-submitted': [requestSubmittedCard(request)],
    'request-compact': [
      requestCompactCard({ request, inProgramme: false, owners: null }),
      requestCompactCard({ request: approved, inProgramme: true, owners: project }, true),
      notFoundCard(`There is no project ${HOSTILE}.`),
    ],
    'request-raised': [requestRaisedCard(request, `Already submitted: ${HOSTILE}`)],
    'my-requests': [myRequestsCard({ items: [request], total: 1 }, 1, 5, [{ ...request, status: 'more-info-requested' }])],
    'request-detail': [requestDetailCard(request, events, true), requestDetailCard({ ...request, status: 'more-info-requested' }, events, true, { question })],
    'request-summary': [requestSummaryCard(request, true)],
    'draft-offer': [draftOfferCard({ formId: 'f-1', personId: '29:x', values: { title: HOSTILE }, createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z' })],
    triage: [triageCard(triageView), triageCard({ ...triageView, request: approved, project })],
    settings: [
      settingsCard(settings, [who('aad-member')], true),
      settingsCard(settings, [who('aad-member')], true, undefined, { canPlan: true, today: TODAY, held: [], form: { moving: '2027-01-14', values: { date: '2027-01-14', startTime: '10:00', place: HOSTILE }, errors: { place: HOSTILE } } }),
    ],
    question: [questionCard(request, { ...question, answer: null, answeredAt: null }, false), questionCard(request, question, true)],
    project: [
      projectCard({
        request: approved,
        project,
        today: TODAY,
        canEdit: true,
        canRecordBenefit: true,
        values: { m1Title: HOSTILE, note: HOSTILE },
        gates: { standard: DEFAULT_SERVICE_STANDARD, stage: gateStage, history: [hostileGate], next: null, canRequest: false },
        risks: [hostileRisk],
        editableRisks: [hostileRisk.id],
        canAddRisk: true,
      }),
    ],
    pending: [pendingCard({ items: [request], total: 1 }, 1, 10, TODAY)],
    programme: [programmeCard([{ project, request: approved }], 1, 10, 1, TODAY)],
    milestones: (['overdue', 'completed'] as const).map((which) => {
      const items = programmeMilestones([{ project, request: approved }], which, TODAY, '2026-10-01').map((pm) => ({ ...pm, detail: milestoneDetail(pm, which, TODAY) }));
      return milestonesCard({ which, since: '2026-10-01', items, page: 1, pages: 1, total: items.length });
    }),
    history: [historyCard(request.reference, HOSTILE, events)],
    notice: [noticeCard({ title: HOSTILE, lines: [HOSTILE] })],
    'reminders-preview': [remindersPreviewCard({ people: [{ name: HOSTILE, items: reminderItems }], escalate: reminderItems, undelivered: [{ key: HOSTILE, reason: HOSTILE }] })],
    reminder: [reminderCard({ messageId: 'm-1', recipientName: HOSTILE, items: reminderItems, today: TODAY, people: [who('aad-member')], values: { i1_projectLead: 'aad-member', i2_reason: HOSTILE } })],
    digest: [digestCard(buildDigest(digestSource))],
    'annual-report': [annualReportCard(report, TODAY, { csv: 'https://bot.example/r.csv', json: 'https://bot.example/r.json', expiresAt: '2026-12-04T10:00:00Z' })],
    'assurance-report': [
      assuranceReportCard(
        {
          quarter: { name: '2026 Q4', first: '2026-10-01', last: '2026-12-31' },
          asAt: TODAY,
          projects: 1,
          sections: [{ key: 'concerns', heading: 'Red and amber projects', words: 'One red.', chartTitle: 'By strand', chart: [{ label: 'Digital Learning', value: 1 }], items: [{ reference: request.reference, title: HOSTILE, detail: HOSTILE }] }],
        },
        { docx: 'https://bot.example/a.docx', csv: 'https://bot.example/a.csv', expiresAt: '2026-12-04T10:00:00Z' },
      ),
    ],
    confirm: [
      withConfirmation(projectCard({ request: approved, project, today: TODAY, canEdit: true }), completeConfirmation(approved, project, TODAY, { errors: { dropReason: 'Give the reason.' }, values: { fate: 'dropped', dropReason: HOSTILE } })),
      withConfirmation(triageCard(triageView), declineConfirmation(request, question, HOSTILE)),
      withConfirmation(triageCard(triageView), mergeConfirmation(request, question, { reference: 'DP-2026-0003', title: HOSTILE })),
      withConfirmation(requestDetailCard(request, events, true), withdrawConfirmation(request, question)),
      withConfirmation(settingsCard(settings, [], true), cancelMeetingConfirmation({ meeting: settings.meetings[0], version: 1, isNext: true, agendaItems: 2, after: { ...settings.meetings[0], date: '2027-02-11' } })),
    ],
  };
}

/** With `html`, as Teams would, an `<at>` (or any tag) left in the text comes through as a tag. */
const markdown = new MarkdownIt({ html: true, linkify: true });
const FORMATTING = /<(a|strong|em|b|i|h[1-6]|ul|ol|li|code|pre|blockquote|s|del|hr|img|at)\b/i;
const plain = (html: string): string =>
  html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();

type Place = { path: string; text: string; markdown: boolean };

/** Each text Teams shows: TextBlock text and facts (Markdown), TextRun text (never Markdown). A mention's `<at>` is taken off. */
function placesOf(card: AdaptiveCardJson): Place[] {
  const mentions = new Set(((card.msteams as { entities?: { text: string }[] } | undefined)?.entities ?? []).map((e) => e.text));
  const out: Place[] = [];
  walk(card, (o, path) => {
    if (o.type === 'TextBlock' && typeof o.text === 'string') {
      // Teams turns an `<at>…</at>` with a matching entity into the person's mention; what is inside is still Markdown.
      const text = mentions.has(o.text) ? o.text.slice('<at>'.length, -'</at>'.length) : o.text;
      out.push({ path, text, markdown: true });
    }
    if (o.type === 'TextRun' && typeof o.text === 'string') out.push({ path, text: o.text, markdown: false });
    if (!('type' in o) && path.includes('.facts[')) {
      for (const key of ['title', 'value']) if (typeof o[key] === 'string') out.push({ path: `${path}.${key}`, text: o[key] as string, markdown: true });
    }
  });
  return out;
}

/** Whether a place shows the hostile text (or the start of it). */
const showsIt = (p: Place) => p.text.includes('bold');

describe('text a person typed is shown as typed on every card', () => {
  const all = cards();

  it.each(Object.keys(all))('%s: no formatting, link or mention comes alive, and the typed words are there', (name) => {
    for (const card of all[name as CardName]) {
      expect({ name, problems: cardProblems(card) }).toEqual({ name, problems: [] });
      for (const p of placesOf(card).filter(showsIt)) {
        if (p.markdown) {
          const html = markdown.render(p.text);
          expect({ name, path: p.path, html }).toEqual({ name, path: p.path, html: expect.not.stringMatching(FORMATTING) });
          expect({ name, path: p.path, shown: plain(html) }).toEqual({ name, path: p.path, shown: expect.stringContaining(FIRST_LINE) });
        } else {
          // TextRuns are not Markdown: the text is there as typed, with no backslash added.
          expect({ name, path: p.path, text: p.text }).toEqual({ name, path: p.path, text: expect.stringContaining(FIRST_LINE) });
        }
      }
    }
  });

  it('reaches every card that shows something a person typed (the annual report shows nothing typed; the form only in its inputs)', () => {
    const showing = Object.entries(all)
      .filter(([, list]) => list.every((card) => placesOf(card).some(showsIt)))
      .map(([name]) => name);
    expect(showing.sort()).toEqual(Object.keys(all).filter((n) => !['annual-report', 'request-form'].includes(n)).sort());
  });

  it('puts a Digital Leader with Markdown in their name in a mention that Teams shows as typed, and matches its entity', () => {
    const card = all.triage[0];
    const mention = (card.msteams as { entities: { text: string; mentioned: { name: string } }[] }).entities[0];
    expect(placesOf(card).some((p) => p.markdown && showsIt(p))).toBe(true);
    expect(mention.text).toMatch(/^<at>\\\*\\\*bold\\\*\\\* .*<\/at>$/s);
    expect(mention.mentioned.name).toBe(HOSTILE);
  });

  it.each([
    HOSTILE,
    '# heading\n> quote\n---\n2) two\n+ plus\n* star\nunder\n===',
    '~~struck~~ ![img](https://evil.example/x.png) <b>tag</b> &amp; &#60;at&#62; www.evil.example \\*kept\\*',
  ])('escapeMarkdown(%j) renders to exactly that text, with nothing formatted', (text) => {
    const html = markdown.render(escapeMarkdown(text));
    expect(html).not.toMatch(FORMATTING);
    expect(plain(html)).toBe(text.trim());
  });

  it('keeps what was typed in an input exactly, without escapes', () => {
    const form = all['request-form'][0];
    const values: string[] = [];
    walk(form, (o) => {
      if (o.type === 'Input.Text' && typeof o.value === 'string' && o.value.includes('bold')) values.push(o.value);
    });
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toBe(HOSTILE);
  });
});
