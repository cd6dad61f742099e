/**
 * The demo Digital Programme as plain records, built from ./requests relative to `today`: requests in
 * every lifecycle state, their triage (questions and decisions), projects with owners, business cases,
 * plans, resourcing, DPIAs, milestones and realised benefits, and the audit trail that tells how each got
 * there. Pure: no I/O, the same `today` and options always give the same records. `seed-demo` writes them.
 */
import { reuseNote } from '../domain/triage';
import { demoSolution } from './solutions';
import type { AuditEvent } from '../domain/audit';
import { STRAND_IDS, type StrandId } from '../domain/catalogue';
import { daysBetween } from '../domain/calendar';
import { type Measure, periodLabel, periodOf, periodRange } from '../domain/measures';
import type { Person } from '../domain/people';
import {
  BUSINESS_CASE_STATUSES,
  financialYearOf,
  isOverdue,
  type Milestone,
  type MilestoneRevision,
  type Project,
  type RealisedBenefit,
} from '../domain/project';
import { formatReference, type ProjectRequest, REQUEST_STATUSES, type RequestStatus } from '../domain/request';
import type { DsgSettings, PersonRef } from '../domain/settings';
import type { Decision, Question, Triage } from '../domain/triage';
import { MOCK_TENANT } from '../playground/mock-tenant';
import { DEMO_MINUTE_TAKER, DEMO_PEOPLE, personRef, STRAND_TEAMS, type Who } from './people';
import { DEMO_REQUESTS } from './requests';
import type { AnsweredAskSpec, AskSpec, DaysAgo, DeliverySpec, MeasureSpec, MilestoneSpec, RequestSpec } from './spec';

interface DemoRecord {
  /** Stable name of the demo request, whatever reference it is given. */
  key: string;
  request: ProjectRequest;
  /** The DSG's side: questions and the last decision; null while nobody has looked at it. Never posted. */
  triage: Triage | null;
  /** The project, with its milestones and realised benefits, once approved. */
  project: Project | null;
  /** What happened to it, who and when, oldest first. */
  events: AuditEvent[];
}

export interface DemoProgramme {
  today: string;
  /** Everyone the demo names, role-named, without conversation references. */
  people: Person[];
  /** The DSG's chair, its Minute Taker, a Digital Leader for every strand and the next two meetings; no channel. */
  settings: Pick<DsgSettings, 'chair' | 'minuteTaker' | 'leaders' | 'meetings'>;
  /** Oldest first (the order references are given in). */
  records: DemoRecord[];
}

export interface DemoOptions {
  /**
   * The reference of each demo request, called in record order (oldest first). Default: `DP-<year of
   * creation>-0001` upwards per year, as an empty database's `nextReference` would give them.
   */
  reference?: (key: string, createdAt: string) => string;
  /** Ids of requests and milestones; default: stable ids derived from a counter. */
  newId?: () => string;
}

const DAY_MS = 86_400_000;

/** Request versions move with every decision, answer, withdrawal and delivery step. */
const REQUEST_CHANGES = new Set([
  'request.ask',
  'request.answer',
  'request.approve',
  'request.decline',
  'request.merge',
  'request.assign',
  'request.withdraw',
  'request.start-delivery',
  'request.complete',
]);
/** Project versions move with owners, the business case, plan, resourcing, DPIA and milestones. */
const PROJECT_CHANGES = new Set(['request.assign', 'project.business-case', 'project.plan', 'project.resourcing', 'project.dpia', 'milestone.add', 'milestone.done']);

function assertIsoDate(today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || new Date(`${today}T00:00:00Z`).toISOString().slice(0, 10) !== today) {
    throw new Error(`demoProgramme needs today as an ISO date (yyyy-mm-dd), not "${today}"`);
  }
}

/** The ISO date `offset` days from `today` (negative: before). */
export const dayFrom = (today: string, offset: number): string => new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);

/** The two DSG meetings: the first Tuesday at least a week away, and four weeks after it. */
export function nextMeetings(today: string): string[] {
  const weekOn = dayFrom(today, 7);
  const weekday = new Date(`${weekOn}T00:00:00Z`).getUTCDay();
  const first = dayFrom(weekOn, (2 - weekday + 7) % 7);
  return [first, dayFrom(first, 28)];
}

/** Stable ids for the pure data (UUID-shaped); the seeder passes random ones. */
function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

interface Entry {
  at: string;
  who: Who;
  action: string;
  before: unknown;
  after: unknown;
  detail: string | null;
  decision?: { action: Decision['action']; note: string | null };
}

/** Builds the whole demo programme for `today`. */
export function demoProgramme(today: string, options: DemoOptions = {}): DemoProgramme {
  assertIsoDate(today);
  const newId = options.newId ?? counterIds();
  const stamp = (daysAgo: DaysAgo, time: string): string => `${dayFrom(today, -daysAgo)}T${time}:00.000Z`;

  // Oldest first; each request's submission time varies a little through the working day.
  const specs = DEMO_REQUESTS.map((spec, index) => ({ spec, createdAt: stamp(spec.submitted, submissionTime(index)) })).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  const sequences = new Map<number, number>();
  const defaultReference = (_key: string, createdAt: string): string => {
    const year = Number(createdAt.slice(0, 4));
    const next = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, next);
    return formatReference(year, next);
  };
  const references = new Map<string, string>();
  for (const { spec, createdAt } of specs) references.set(spec.key, (options.reference ?? defaultReference)(spec.key, createdAt));
  const ref = (key: string): string => {
    const reference = references.get(key);
    if (!reference) throw new Error(`demo request "${key}" is not in the programme`);
    return reference;
  };

  const records = specs.map(({ spec, createdAt }) => buildRecord(spec, createdAt, { today, stamp, ref, newId }));
  return {
    today,
    people: Object.values(DEMO_PEOPLE).map((p) => ({
      id: p.id,
      aadObjectId: p.aadObjectId,
      name: p.name,
      tenantId: MOCK_TENANT.tenantId,
      conversationRef: null,
      reachable: true,
      updatedAt: `${today}T00:00:00.000Z`,
    })),
    settings: {
      chair: personRef('dsgChair'),
      // The Digital Leader (Learning) takes the minutes: they published the demo's past minutes (src/demo/meetings.ts).
      minuteTaker: personRef(DEMO_MINUTE_TAKER),
      leaders: Object.fromEntries(STRAND_IDS.map((s) => [s, personRef(STRAND_TEAMS[s].leader)])) as Record<StrandId, PersonRef>,
      // The meetings at ten in the council chamber, the first also on Teams for members working elsewhere.
      meetings: nextMeetings(today).map((date) => ({ date, startTime: '10:00', place: 'Council Chamber, Council Headquarters' })),
    },
    records,
  };
}

function submissionTime(index: number): string {
  const hour = 8 + ((index * 5) % 9);
  const minute = (index * 17) % 60;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

interface BuildContext {
  today: string;
  stamp: (daysAgo: DaysAgo, time: string) => string;
  ref: (key: string) => string;
  newId: () => string;
}

function buildRecord(spec: RequestSpec, createdAt: string, ctx: BuildContext): DemoRecord {
  const { stamp, ref, newId, today } = ctx;
  const reference = ref(spec.key);
  const { startAfter, ...details } = spec.details;
  const team = STRAND_TEAMS[spec.strand];
  const entries: Entry[] = [];
  const push = (daysAgo: DaysAgo, time: string, who: Who, action: string, before: unknown, after: unknown, extra: Partial<Pick<Entry, 'detail' | 'decision'>> = {}) =>
    entries.push({ at: stamp(daysAgo, time), who, action, before, after, detail: extra.detail ?? null, ...(extra.decision && { decision: extra.decision }) });

  let status: RequestStatus = 'submitted';
  const move = (to: RequestStatus) => {
    const before = { status };
    status = to;
    return [before, { status: to }] as const;
  };
  push(spec.submitted, createdAt.slice(11, 16), spec.requester, 'request.submit', null, { status, title: details.title, strand: spec.strand, route: details.route });

  const questions: Question[] = [];
  const ask = (a: AskSpec) => {
    const [before, after] = move('more-info-requested');
    push(a.on, '10:05', a.by, 'request.ask', before, { ...after, note: a.question }, { decision: { action: 'ask', note: a.question } });
    questions.push({ question: a.question, askedBy: DEMO_PEOPLE[a.by].name, askedAt: stamp(a.on, '10:05'), answer: null, answeredAt: null });
  };
  const askAndAnswer = (a: AnsweredAskSpec) => {
    ask(a);
    const [before, after] = move('under-review');
    push(a.answeredOn, '14:20', spec.requester, 'request.answer', before, after, { decision: { action: 'answer', note: null } });
    Object.assign(questions[questions.length - 1], { answer: a.answer, answeredAt: stamp(a.answeredOn, '14:20') });
  };

  let duplicateOf: string | null = null;
  let project: Project | null = null;
  const story = spec.story;
  switch (story.status) {
    case 'submitted':
      break;
    case 'more-info-requested':
      ask(story.ask);
      break;
    case 'under-review':
      askAndAnswer(story.ask);
      break;
    case 'declined': {
      if (story.ask) askAndAnswer(story.ask);
      const [before, after] = move('declined');
      push(story.on, '11:40', 'dsgChair', 'request.decline', before, { ...after, note: story.reason }, { decision: { action: 'decline', note: story.reason } });
      break;
    }
    case 'withdrawn': {
      const [before, after] = move('withdrawn');
      push(story.on, '15:00', spec.requester, 'request.withdraw', before, after);
      break;
    }
    case 'merged': {
      duplicateOf = ref(story.into);
      const note = `Duplicate of ${duplicateOf}`;
      const [before, after] = move('merged');
      push(story.on, '11:50', 'dsgChair', 'request.merge', before, { ...after, duplicateOf, note }, { decision: { action: 'merge', note } });
      break;
    }
    case 'reused': {
      const note = reuseNote(demoSolution(story.solution), null);
      const [before, after] = move('reused');
      push(story.on, '11:55', 'dsgChair', 'request.reuse', before, { ...after, note }, { decision: { action: 'reuse', note } });
      break;
    }
    default: {
      if (story.ask) askAndAnswer(story.ask);
      project = deliver(spec, story.status, story.delivery, { ...ctx, reference, team, push, move });
    }
  }

  entries.sort((a, b) => a.at.localeCompare(b.at));
  const requestChanges = entries.filter((e) => REQUEST_CHANGES.has(e.action));
  const decisions = entries.filter((e) => e.decision);
  const last = decisions[decisions.length - 1];
  const request: ProjectRequest = {
    ...details,
    strand: spec.strand,
    // The demo's requests were submitted before the form offered the catalogue.
    reuseSolution: null,
    desiredStart: startAfter === null ? null : dayFrom(today, startAfter - spec.submitted),
    id: newId(),
    reference,
    status,
    version: 1 + requestChanges.length,
    requesterId: DEMO_PEOPLE[spec.requester].id,
    requesterName: DEMO_PEOPLE[spec.requester].name,
    formId: `demo-form-${spec.key}-${newId()}`,
    createdAt,
    updatedAt: requestChanges.length ? requestChanges[requestChanges.length - 1].at : createdAt,
  };
  if (project) {
    const projectChanges = entries.filter((e) => PROJECT_CHANGES.has(e.action));
    project.version = 1 + projectChanges.length;
    project.updatedAt = projectChanges.length ? projectChanges[projectChanges.length - 1].at : project.approvedAt;
  }
  const triage: Triage | null =
    last || questions.length
      ? {
          reference,
          post: null,
          lastDecision: last?.decision ? { action: last.decision.action, by: DEMO_PEOPLE[last.who].name, at: last.at, note: last.decision.note } : null,
          duplicateOf,
          questions,
        }
      : null;
  const events: AuditEvent[] = entries.map((e) => ({
    at: e.at,
    actorId: DEMO_PEOPLE[e.who].id,
    actorName: DEMO_PEOPLE[e.who].name,
    action: e.action,
    subjectType: 'request',
    subjectId: reference,
    outcome: 'done',
    before: e.before,
    after: e.after,
    detail: e.detail,
  }));
  return { key: spec.key, request, triage, project, events };
}

interface DeliveryContext extends BuildContext {
  reference: string;
  team: (typeof STRAND_TEAMS)[StrandId];
  push: (daysAgo: DaysAgo, time: string, who: Who, action: string, before: unknown, after: unknown, extra?: Partial<Pick<Entry, 'detail' | 'decision'>>) => void;
  move: (to: RequestStatus) => readonly [{ status: RequestStatus }, { status: RequestStatus }];
}

const BUSINESS_CASE_LINK = (key: string) => `https://council.sharepoint.com/sites/dsg/Business%20Cases/${key}-business-case.docx`;
const PLAN_LINK = (key: string) => `https://council.sharepoint.com/sites/dsg/Implementation%20Plans/${key}-implementation-plan.xlsx`;

/**
 * A measure set when the project was approved, with its figures: each recorded a few days after its period closed,
 * those before the approval on the day of it (all in the audit trail).
 */
function demoMeasure(m: MeasureSpec, approved: DaysAgo, ctx: DeliveryContext, editor: Who): Measure {
  const { stamp, push, newId, today } = ctx;
  const start = periodRange(m.frequency, periodOf(m.frequency, dayFrom(today, -365)))!.first;
  const measure: Measure = {
    id: newId(),
    name: m.name,
    kind: m.kind,
    unit: m.unit,
    baseline: { value: m.baseline, date: start },
    target: { value: m.target, date: dayFrom(start, 2 * 365) },
    direction: m.direction,
    frequency: m.frequency,
    figures: [],
  };
  push(approved, '14:00', editor, 'measure.add', {}, { measures: 1 }, { detail: m.name });
  let period = periodOf(m.frequency, start);
  for (const value of m.figures) {
    const on = Math.min(approved, Math.max(0, daysBetween(dayFrom(periodRange(m.frequency, period)!.last, 5), today)));
    const time = on === approved ? '14:30' : '10:30';
    measure.figures.push({ period, value, recordedAt: stamp(on, time), recordedBy: DEMO_PEOPLE[editor].name });
    push(on, time, editor, 'measure.record', {}, { period, value }, { detail: `${m.name}, ${periodLabel(m.frequency, period)}: ${value}` });
    period = periodOf(m.frequency, dayFrom(periodRange(m.frequency, period)!.last, 1));
  }
  return measure;
}

/** Approval and everything after it: the project as it stands today. */
function deliver(spec: RequestSpec, finalStatus: 'approved' | 'in-delivery' | 'completed', d: DeliverySpec, ctx: DeliveryContext): Project {
  const { stamp, push, move, team, newId, today } = ctx;
  const shouldStart = finalStatus !== 'approved';
  if (shouldStart !== (d.started !== undefined) || (finalStatus === 'completed') !== (d.completed !== undefined)) {
    throw new Error(`demo request "${spec.key}" is ${finalStatus}: its delivery must be started${finalStatus === 'completed' ? ' and completed' : ''} exactly then`);
  }
  if (d.dpia && !spec.details.personalData) throw new Error(`demo request "${spec.key}" has no personal data, so no DPIA`);

  const [approvedBefore, approvedAfter] = move('approved');
  push(d.approved, '11:30', 'dsgChair', 'request.approve', approvedBefore, { ...approvedAfter, priority: d.priority, isPriority: d.isPriority, ...(d.note && { note: d.note }) }, {
    decision: { action: 'approve', note: d.note },
  });
  const lead: Who | null = d.assigned ? team.lead : null;
  const manager: Who | null = d.assigned && d.assigned.manager !== false ? team.manager : null;
  /** Who keeps the project up to date: its manager, else its lead, else the Digital Leader. */
  const editor: Who = manager ?? lead ?? team.leader;

  if (d.assigned) {
    const owners = { digitalLeader: personRef(team.leader), projectLead: personRef(team.lead), ...(manager && { projectManager: personRef(manager) }) };
    const note = [`Digital Leader: ${owners.digitalLeader.name}`, `Project Lead: ${owners.projectLead.name}`, ...(manager ? [`Project Manager: ${DEMO_PEOPLE[manager].name}`] : [])].join('; ');
    push(d.assigned.on, '12:10', 'dsgChair', 'request.assign', { status: 'approved' }, { status: 'approved', projectLead: owners.projectLead, ...(manager && { projectManager: owners.projectManager }), note }, {
      decision: { action: 'assign', note },
    });
  }

  let businessCase: Project['businessCase'] = { status: 'not-started', link: null, date: null };
  if (d.businessCase) {
    const steps = BUSINESS_CASE_STATUSES.slice(1, BUSINESS_CASE_STATUSES.indexOf(d.businessCase.status) + 1);
    if (steps.length !== d.businessCase.steps.length) throw new Error(`demo request "${spec.key}": one day per business case step (${steps.join(', ')})`);
    steps.forEach((s, i) => {
      const on = d.businessCase!.steps[i];
      const next = { status: s, link: BUSINESS_CASE_LINK(spec.key), date: s === 'drafting' ? null : dayFrom(today, -on) };
      push(
        on,
        '13:00',
        s === 'approved' ? 'dsgChair' : (lead ?? team.leader),
        'project.business-case',
        { businessCaseStatus: businessCase.status, ...(businessCase.link && { businessCaseLink: businessCase.link }) },
        { businessCaseStatus: next.status, businessCaseLink: next.link, ...(next.date && { businessCaseDate: next.date }) },
      );
      businessCase = next;
    });
  }
  if (d.plan !== undefined) push(d.plan, '13:30', editor, 'project.plan', {}, { planLink: PLAN_LINK(spec.key) });
  if (d.resourcing) push(d.resourcing.on, '13:45', editor, 'project.resourcing', {}, { resourcingConfirmed: d.resourcing.confirmed, note: d.resourcing.note });
  if (d.dpia) push(d.dpia.on, '14:00', editor, 'project.dpia', { dpia: 'not-started' }, { dpia: d.dpia.status });

  const milestones = (d.milestones?.list ?? []).map((m) => milestone(m, editor, ctx));
  const groups = new Map<DaysAgo, MilestoneSpec[]>();
  for (const m of d.milestones?.list ?? []) {
    const added = m.added ?? d.milestones!.added;
    groups.set(added, [...(groups.get(added) ?? []), m]);
  }
  let count = 0;
  for (const [added, list] of [...groups.entries()].sort((a, b) => b[0] - a[0])) {
    push(added, '14:30', editor, 'milestone.add', { milestones: count }, { milestones: count + list.length }, { detail: list.map((m) => m.title).join('; ') });
    count += list.length;
  }
  for (const m of d.milestones?.list ?? []) {
    if (m.doneOn !== undefined) push(m.doneOn, '16:00', editor, 'milestone.done', {}, { milestone: m.title }, { detail: m.title });
  }

  if (d.started !== undefined) {
    const [before, after] = move('in-delivery');
    push(d.started, '09:30', team.leader, 'request.start-delivery', before, after);
  }
  if (d.completed !== undefined) {
    const [before, after] = move('completed');
    push(d.completed, '16:30', team.leader, 'request.complete', before, after);
  }

  const previousYear = financialYearOf(dayFrom(today, -365));
  const currentYear = financialYearOf(today);
  const measures = (d.measures ?? []).map((m) => demoMeasure(m, d.approved, ctx, editor));
  const measureIdOf = (name: string): string => {
    const measure = measures.find((m) => m.name === name);
    if (!measure) throw new Error(`demo request "${spec.key}" has no measure called ${name}`);
    return measure.id;
  };
  const realisedBenefits: RealisedBenefit[] = (d.benefits ?? []).map((b) => {
    const benefit = {
      financialYear: b.year === 'previous' ? previousYear : currentYear,
      cashSaving: b.cash,
      note: b.note,
      measureId: b.measure ? measureIdOf(b.measure) : null,
      recordedAt: stamp(b.on, '10:15'),
      recordedBy: DEMO_PEOPLE[editor].name,
    };
    push(b.on, '10:15', editor, 'project.realised-benefit', {}, { financialYear: benefit.financialYear, cashSaving: benefit.cashSaving }, { detail: b.note });
    return benefit;
  });

  return {
    reference: ctx.reference,
    priority: d.priority,
    isPriority: d.isPriority,
    digitalLeader: personRef(team.leader),
    projectLead: lead && personRef(lead),
    projectManager: manager && personRef(manager),
    businessCase,
    planLink: d.plan !== undefined ? PLAN_LINK(spec.key) : null,
    resourcing: d.resourcing ? { confirmed: d.resourcing.confirmed, note: d.resourcing.note } : { confirmed: false, note: null },
    dpia: spec.details.personalData ? (d.dpia?.status ?? 'not-started') : null,
    plannedBenefits: { annualCash: spec.details.annualBenefit, nonCash: d.nonCash ?? null },
    realisedBenefits,
    milestones: milestones.map((m) => ({ ...m, id: newId() })),
    measures,
    approvedAt: stamp(d.approved, '11:30'),
    // Set from the audit trail once it is complete.
    version: 1,
    updatedAt: stamp(d.approved, '11:30'),
  };
}

function milestone(m: MilestoneSpec, editor: Who, ctx: DeliveryContext): Omit<Milestone, 'id'> {
  const { today, stamp } = ctx;
  const dues = [...(m.revisions ?? []).map((r) => r.from), m.due];
  const revisions: MilestoneRevision[] = (m.revisions ?? []).map((r, i) => ({
    from: dayFrom(today, r.from),
    to: dayFrom(today, dues[i + 1]),
    reason: r.reason,
    at: stamp(r.on, '15:30'),
    by: DEMO_PEOPLE[editor].name,
  }));
  return {
    title: m.title,
    due: dayFrom(today, m.due),
    status: m.doneOn !== undefined ? 'done' : m.missed ? 'missed' : 'planned',
    completedOn: m.doneOn !== undefined ? dayFrom(today, -m.doneOn) : null,
    revisions,
  };
}

// ---------------------------------------------------------------------------------------------
// What a programme holds, for the seeder's summary and the tests

export interface DemoSummary {
  requests: number;
  projects: number;
  milestones: number;
  overdueMilestones: number;
  /** Planned milestones due today or within the next 7 days. */
  dueSoonMilestones: number;
  realisedBenefits: number;
  byStatus: Record<RequestStatus, number>;
  /** Open requests submitted more than 14 days ago. */
  waitingOverTwoWeeks: number;
}

export function summarise(programme: DemoProgramme): DemoSummary {
  const { today, records } = programme;
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const r of records) byStatus[r.request.status] += 1;
  const milestones = records.flatMap((r) => r.project?.milestones ?? []);
  const weekOn = dayFrom(today, 7);
  const open: readonly RequestStatus[] = ['submitted', 'under-review', 'more-info-requested'];
  const fortnightAgo = dayFrom(today, -14);
  return {
    requests: records.length,
    projects: records.filter((r) => r.project).length,
    milestones: milestones.length,
    overdueMilestones: milestones.filter((m) => isOverdue(m, today)).length,
    dueSoonMilestones: milestones.filter((m) => m.status === 'planned' && m.due >= today && m.due <= weekOn).length,
    realisedBenefits: records.reduce((n, r) => n + (r.project?.realisedBenefits.length ?? 0), 0),
    byStatus,
    waitingOverTwoWeeks: records.filter((r) => open.includes(r.request.status) && r.request.createdAt.slice(0, 10) < fortnightAgo).length,
  };
}
