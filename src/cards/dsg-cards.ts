import type { AuditEvent, Page, SimilarRequest } from '../app/ports';
import { STRANDS, digitalLeaderTitle, principleName, routeName, strandName } from '../domain/catalogue';
import { ukDate, ukDateTime } from '../domain/dates';
import {
  BUSINESS_CASE_LABELS,
  BUSINESS_CASE_STATUSES,
  DPIA_LABELS,
  DPIA_STATUSES,
  MISSING_LABELS,
  PRIORITIES,
  PRIORITY_LABELS,
  isOverdue,
  whatIsMissing,
  type Milestone,
  type Project,
  financialYearOf,
} from '../domain/project';
import { ASSIGNABLE_STATUSES, DECIDABLE_STATUSES, STATUS_LABELS, type ProjectRequest, type RequestStatus } from '../domain/request';
import { LIMITS, isIsoDate } from '../domain/request-form';
import type { DsgSettings, PersonRef } from '../domain/settings';
import { MAX_SIMILAR_SHOWN } from '../domain/similarity';
import type { Question, Triage } from '../domain/triage';
import {
  actionWords,
  changeWords,
  clip,
  countOf,
  daysSince,
  daysWords,
  decisionLine,
  isHistoryEvent,
  isHttpsUrl,
  pounds,
  submittedAgo,
  summaryOf,
} from './format';
import { MAX_CARD_BYTES, cardBytes, render, type AdaptiveCardJson } from './render';
import {
  INPUT_LIMITS,
  PROJECT_FORM_FIELDS,
  type AuditLine,
  type CardDataMap,
  type CardName,
  type Choice,
  type NoticeAction,
  type NoticeData,
  type OwnerLine,
  type ProjectData,
  type ProjectFieldErrors,
  type ProjectFormField,
  type ProjectFormValues,
  type SettingsData,
  type TriageData,
} from './types';

const nonBlank = (v: string | null | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);
const statusLabel = (status: RequestStatus): string => STATUS_LABELS[status] ?? status;
const nameOf = (person: PersonRef | null | undefined, none: string): string => nonBlank(person?.name) ?? none;

/**
 * Bytes the DSG's cards are fitted to: under MAX_CARD_BYTES with room for what the caller adds
 * (a mention entity, the activity around the card).
 */
export const CARD_BUDGET_BYTES = MAX_CARD_BYTES - 1024;

/**
 * Renders with the first level of detail whose card fits CARD_BUDGET_BYTES, trying each level in turn
 * (less text, fewer choices); the last level is returned even if it does not fit, for the tests to catch.
 */
export function fitted<N extends CardName, L>(name: N, levels: readonly L[], build: (level: L) => CardDataMap[N], budget = CARD_BUDGET_BYTES): AdaptiveCardJson {
  let card = render(name, build(levels[0]));
  for (let i = 1; i < levels.length && cardBytes(card) > budget; i++) card = render(name, build(levels[i]));
  return card;
}

/**
 * Renders with as many of `total` list entries as fit CARD_BUDGET_BYTES (a binary search on `build(count)`);
 * with none at all if even that does not fit, for the tests to catch.
 */
function fittedCount<N extends CardName>(name: N, total: number, build: (count: number) => CardDataMap[N]): AdaptiveCardJson {
  const full = render(name, build(total));
  if (cardBytes(full) <= CARD_BUDGET_BYTES) return full;
  let lo = 0;
  let hi = total - 1;
  let best = render(name, build(0));
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const card = render(name, build(mid));
    if (cardBytes(card) <= CARD_BUDGET_BYTES) {
      best = card;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * People to choose from: `list` in its order, then anyone already in a role who is not in it (so the card
 * can preselect them), each once. Everyone in a role, and at most `max` others. Titles are clipped for a dropdown.
 */
/** Someone to choose: a choice as the card shows it, or a person (a roster Member is one). */
export type PersonChoice = Choice | PersonRef;
const asChoice = (p: PersonChoice): Choice => ('aadObjectId' in p ? { title: p.name, value: p.aadObjectId } : p);

function peopleChoices(current: readonly (PersonRef | null | undefined)[], list: readonly PersonChoice[], max: number): { choices: Choice[]; total: number } {
  const inRole = new Set(current.filter((p): p is PersonRef => !!p && !!p.aadObjectId).map((p) => p.aadObjectId));
  const seen = new Set<string>();
  const all: (Choice & { fixed: boolean })[] = [];
  const add = (c: Choice) => {
    if (!c.value || seen.has(c.value)) return;
    seen.add(c.value);
    all.push({ title: clip(nonBlank(c.title) ?? 'Unnamed person', 80), value: c.value, fixed: inRole.has(c.value) });
  };
  for (const c of list) add(asChoice(c));
  for (const p of current) if (p && p.aadObjectId) add({ title: p.name, value: p.aadObjectId });
  let room = max;
  const choices = all.filter((c) => c.fixed || room-- > 0).map(({ title, value }) => ({ title, value }));
  return { choices, total: all.length };
}

const ownerLines = (p: Pick<Project, 'digitalLeader' | 'projectLead' | 'projectManager'>): OwnerLine[] => [
  { role: 'Digital Leader', name: nameOf(p.digitalLeader, 'Not assigned') },
  { role: 'Project Lead', name: nameOf(p.projectLead, 'Not assigned') },
  { role: 'Project Manager', name: nameOf(p.projectManager, 'Not assigned') },
];

/** 'High', or 'High – priority project'. */
const priorityWords = (p: Project): string => `${PRIORITY_LABELS[p.priority] ?? p.priority}${p.isPriority ? ' – priority project' : ''}`;

function pageOf(pageNo: number, pageSize: number, total: number): { page: number; pages: number } {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, not ${pageSize}`);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Number.isInteger(pageNo) && pageNo >= 1 ? pageNo : 1;
  return { page, pages };
}

// ---------------------------------------------------------------------------------------------
// triage

/** Long texts on the triage card (problem, justification, questions, answers, decision note) are clipped to this. */
export const TRIAGE_TEXT_CHARS = 600;
/** Most recent questions shown on the triage card. */
export const MAX_QUESTIONS_SHOWN = 5;

/** Less and less detail, until the card fits: first fewer people and requests to choose from, then shorter texts. */
const TRIAGE_LEVELS = [
  { text: TRIAGE_TEXT_CHARS, people: 60, targets: 50 },
  { text: TRIAGE_TEXT_CHARS, people: 40, targets: 30 },
  { text: TRIAGE_TEXT_CHARS, people: 25, targets: 20 },
  { text: 400, people: 25, targets: 20 },
  { text: 250, people: 15, targets: 10 },
  { text: 150, people: 10, targets: 5 },
  { text: 80, people: 5, targets: 5 },
] as const;

export interface TriageCardInput {
  request: ProjectRequest;
  /** Null before anything was decided or asked. */
  triage: Triage | null;
  similar: readonly SimilarRequest[];
  /** The project, once the request is approved. */
  project: Project | null;
  requesterName: string;
  /** `yyyy-mm-dd`, London. */
  today: string;
  /** The Digital Leader of the request's strand, from the DSG settings. */
  leader: PersonRef | null;
  /** `<at>Name</at>`, escaped by the caller, who adds the mention entity to the card. */
  leaderMention?: string;
  /** Who may be assigned: `{ title: name, value: aadObjectId }` (or the people themselves). */
  people: readonly PersonChoice[];
  /** Open requests and projects to merge into: `{ title: 'DP-2026-0003 Title', value: 'DP-2026-0003' }`. */
  mergeTargets: readonly Choice[];
}

/**
 * The DSG's card for one request, posted as a thread in the DSG channel and updated after each action.
 * Decisions (Approve, Decline, Ask, Mark as duplicate) while the request is open; Assign and Open project
 * once it is a project; every decision carries the request version.
 */
export function triageCard(input: TriageCardInput): AdaptiveCardJson {
  const { request, triage, project } = input;
  const canDecide = DECIDABLE_STATUSES.includes(request.status);
  const owners = project ? [project.digitalLeader, project.projectLead, project.projectManager] : [];
  const mergeable = input.mergeTargets.filter((c) => c.value && c.value !== request.reference);

  return fitted('triage', TRIAGE_LEVELS, (level) => {
    const people = peopleChoices(owners, input.people, level.people);
    const data: TriageData = {
      reference: request.reference,
      title: request.title,
      statusLabel: statusLabel(request.status),
      strandName: strandName(request.strand),
      digitalLeaderTitle: digitalLeaderTitle(request.strand),
      leaderName: nameOf(input.leader, 'not set in the DSG settings'),
      requesterName: nonBlank(input.requesterName) ?? nonBlank(request.requesterName) ?? 'Unknown',
      age: submittedAgo(daysSince(request.createdAt, input.today)),
      summary: summaryOf(request.problem, level.text),
      principles: request.principles.map(principleName).join(', '),
      routeName: routeName(request.route),
      personalData: request.personalData ? 'Yes – a data protection impact assessment will be needed' : 'No',
      similar: input.similar.slice(0, MAX_SIMILAR_SHOWN).map((s) => ({
        reference: s.reference,
        title: clip(s.title, LIMITS.title),
        statusLabel: statusLabel(s.status),
      })),
      questions: (triage?.questions ?? []).slice(-MAX_QUESTIONS_SHOWN).map((q) => questionLine(q, level.text)),
      projectOwners: project ? ownerLines(project) : [],
      hasProject: project !== null,
      canDecide,
      canAssign: project !== null && ASSIGNABLE_STATUSES.includes(request.status) && people.choices.length > 0,
      priorities: PRIORITIES.map((p) => ({ title: PRIORITY_LABELS[p], value: p })),
      mergeTargets: mergeable.slice(0, level.targets).map((c) => ({ title: clip(nonBlank(c.title) ?? c.value, 90), value: c.value })),
      hasMergeTargets: mergeable.length > 0,
      people: people.choices,
      owners: {
        digitalLeader: project?.digitalLeader?.aadObjectId ?? '',
        projectLead: project?.projectLead?.aadObjectId ?? '',
        projectManager: project?.projectManager?.aadObjectId ?? '',
      },
      version: request.version,
      projectVersion: project?.version ?? 0,
    };
    const mention = nonBlank(input.leaderMention);
    if (mention) data.leaderMention = mention;
    const justification = nonBlank(request.routeJustification);
    if (justification) data.routeJustification = summaryOf(justification, level.text);
    if (request.oneOffCost !== null) data.oneOffCost = pounds(request.oneOffCost);
    if (request.annualBenefit !== null) data.annualBenefit = pounds(request.annualBenefit);
    if (triage?.lastDecision) data.lastDecision = decisionLine(triage.lastDecision, level.text);
    if (triage?.duplicateOf) data.duplicateOf = triage.duplicateOf;
    if (project) data.priorityLabel = priorityWords(project);
    if (people.choices.length < people.total) {
      data.peopleNote = `${people.choices.length} of ${people.total} people are listed. In Teams on a computer, type a name to find anyone else for Project Lead or Project Manager.`;
    }
    return data;
  });
}

function questionLine(q: Question, chars: number): TriageData['questions'][number] {
  const line: TriageData['questions'][number] = {
    asked: `Asked by ${nonBlank(q.askedBy) ?? 'dsg-bot'} on ${ukDateTime(q.askedAt)}`,
    question: clip(nonBlank(q.question) ?? '(no question text)', chars),
    answered: q.answer !== null ? `Answered ${q.answeredAt ? ukDateTime(q.answeredAt) : ''}`.trim() : 'Not answered yet',
  };
  const answer = nonBlank(q.answer);
  if (answer) line.answer = clip(answer, chars);
  return line;
}

// ---------------------------------------------------------------------------------------------
// settings

/**
 * The DSG's settings: channel, chair, each strand's Digital Leader, the next meetings. With `canEdit`,
 * a Change settings form (`chair`, `leader-<strandId>`, `meeting1..3`) that saves with the settings version.
 */
export function settingsCard(settings: DsgSettings, members: readonly PersonChoice[], canEdit: boolean, notice?: string): AdaptiveCardJson {
  const current = [settings.chair, ...STRANDS.map((s) => settings.leaders[s.id])];
  const meetingValue = (i: number): string => {
    const d = settings.meetings[i];
    return d && isIsoDate(d) ? d : '';
  };
  // Eight ChoiceSets repeat the member list: as many members are listed as fit (the people in a role always).
  return fittedCount('settings', canEdit ? members.length : 0, (max) => {
    const people = canEdit ? peopleChoices(current, members, max) : { choices: [], total: 0 };
    const data: SettingsData = {
      channelName: settings.channel ? (nonBlank(settings.channel.name) ?? 'set up (its name is not known)') : 'not set up yet',
      chairName: nameOf(settings.chair, 'not set'),
      leaders: STRANDS.map((s) => ({
        strandName: s.name,
        roleTitle: digitalLeaderTitle(s.id),
        name: nameOf(settings.leaders[s.id], 'not set'),
        inputId: `leader-${s.id}`,
        value: settings.leaders[s.id]?.aadObjectId ?? '',
      })),
      meetings: settings.meetings.map((d) => ({ date: ukDate(d) })),
      canEdit,
      members: people.choices,
      hasMembers: people.choices.length > 0,
      chair: settings.chair?.aadObjectId ?? '',
      meeting1: meetingValue(0),
      meeting2: meetingValue(1),
      meeting3: meetingValue(2),
      version: settings.version,
    };
    if (settings.updatedAt) data.updated = `Last changed ${ukDateTime(settings.updatedAt)}`;
    const text = nonBlank(notice);
    if (text) data.notice = text;
    if (people.choices.length < people.total) {
      data.membersNote = `${people.choices.length} of ${people.total} team members are listed. In Teams on a computer, type a name to find anyone else.`;
    }
    return data;
  });
}

// ---------------------------------------------------------------------------------------------
// question to the requester

/**
 * Sent to the requester when the DSG asks for more information, with an `answer` input; re-rendered
 * with `answered` to show the answer instead of the input.
 */
export function questionCard(request: ProjectRequest, question: Question, answered = question.answer !== null): AdaptiveCardJson {
  return render('question', {
    reference: request.reference,
    title: request.title,
    question: nonBlank(question.question) ?? '(no question text)',
    askedBy: nonBlank(question.askedBy) ?? 'the Digital Strategy Group',
    askedAt: ukDateTime(question.askedAt),
    answered,
    ...(answered && {
      answer: nonBlank(question.answer) ?? 'Your answer was sent.',
      answeredNote: `${question.answeredAt ? `Sent ${ukDateTime(question.answeredAt)}. ` : ''}The Digital Strategy Group will look at it.`,
    }),
    version: request.version,
  });
}

// ---------------------------------------------------------------------------------------------
// project

/** Milestones shown on the project card; the rest are counted ("and 3 more"). */
export const MAX_MILESTONES_SHOWN = 12;
/** Financial years of realised benefits shown (the latest ones). */
export const MAX_BENEFIT_YEARS_SHOWN = 6;
/** Links are shown up to this many characters (the Open button and the form keep them whole). */
const LINK_SHOWN_CHARS = 200;

/** The `maxLength` of each sub-form input: longer text cannot have come from the card. */
const PROJECT_FIELD_MAX: Record<ProjectFormField, number> = {
  status: 20,
  link: INPUT_LIMITS.link,
  date: 10,
  planLink: INPUT_LIMITS.link,
  confirmed: 5,
  note: INPUT_LIMITS.note,
  dpia: 20,
  m1Title: INPUT_LIMITS.milestoneTitle,
  m1Due: 10,
  m2Title: INPUT_LIMITS.milestoneTitle,
  m2Due: 10,
  m3Title: INPUT_LIMITS.milestoneTitle,
  m3Due: 10,
  m4Title: INPUT_LIMITS.milestoneTitle,
  m4Due: 10,
  m5Title: INPUT_LIMITS.milestoneTitle,
  m5Due: 10,
  benefitYear: 7,
  cashSaving: 12,
  benefitNote: 500,
};

/** The sub-form (ShowCard title) each input is in, to say which one to open when it is sent back with errors. */
const SUB_FORM: Record<ProjectFormField, string> = {
  status: 'Business case',
  link: 'Business case',
  date: 'Business case',
  planLink: 'Plan',
  confirmed: 'Resourcing',
  note: 'Resourcing',
  dpia: 'DPIA',
  m1Title: 'Add milestones',
  m1Due: 'Add milestones',
  m2Title: 'Add milestones',
  m2Due: 'Add milestones',
  m3Title: 'Add milestones',
  m3Due: 'Add milestones',
  m4Title: 'Add milestones',
  m4Due: 'Add milestones',
  m5Title: 'Add milestones',
  m5Due: 'Add milestones',
  benefitYear: 'Record benefit',
  cashSaving: 'Record benefit',
  benefitNote: 'Record benefit',
};

export interface ProjectCardInput {
  request: ProjectRequest;
  project: Project;
  /** `yyyy-mm-dd`, London: decides what is overdue and missing. */
  today: string;
  /** Shows the sub-forms and Mark done. */
  canEdit: boolean;
  /** Shows Record benefit. */
  canRecordBenefit?: boolean;
  /** A line at the top, e.g. 'Business case saved.' */
  notice?: string;
  /** One message per sub-form input, shown under it. */
  errors?: ProjectFieldErrors;
  /** What the person typed, kept when a sub-form is sent back. */
  values?: ProjectFormValues;
}

/** 'Not saved. Open Business case to fix the problem marked.' */
export function subFormProblemsNotice(errors: ProjectFieldErrors): string {
  const fields = PROJECT_FORM_FIELDS.filter((f) => nonBlank(errors[f]));
  const forms = [...new Set(fields.map((f) => SUB_FORM[f]))];
  const what = fields.length === 1 ? 'the problem' : `the ${fields.length} problems`;
  return `Not saved. Open ${forms.join(' and ')} to fix ${what} marked.`;
}

/** The financial years a benefit can be recorded for: this one and the two before. */
const benefitYears = (today: string): string[] => {
  const start = Number(financialYearOf(today).slice(0, 4));
  return [start, start - 1, start - 2].map((y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`);
};

function projectValues(project: Project, typed: ProjectFormValues, today: string): Required<ProjectFormValues> {
  const out = {} as Required<ProjectFormValues>;
  for (const f of PROJECT_FORM_FIELDS) out[f] = '';
  out.benefitYear = financialYearOf(today);
  out.status = project.businessCase.status;
  out.link = project.businessCase.link ?? '';
  out.date = project.businessCase.date ?? '';
  out.planLink = project.planLink ?? '';
  out.confirmed = project.resourcing.confirmed ? 'true' : 'false';
  out.note = project.resourcing.note ?? '';
  out.dpia = project.dpia ?? '';
  for (const f of PROJECT_FORM_FIELDS) {
    const v = typed[f];
    if (typeof v === 'string') out[f] = v;
  }
  for (const f of PROJECT_FORM_FIELDS) {
    out[f] = Array.from(out[f]).slice(0, PROJECT_FIELD_MAX[f]).join('');
    if ((f === 'date' || /^m\dDue$/.test(f)) && !isIsoDate(out[f])) out[f] = '';
  }
  if (!(BUSINESS_CASE_STATUSES as readonly string[]).includes(out.status)) out.status = project.businessCase.status;
  if (!(DPIA_STATUSES as readonly string[]).includes(out.dpia)) out.dpia = project.dpia ?? '';
  out.confirmed = out.confirmed === 'true' ? 'true' : 'false';
  return out;
}

/** At most `max` milestones, planned ones first (they are the ones to act on), shown in due-date order. */
function milestonesShown(milestones: readonly Milestone[], max: number): Milestone[] {
  const byDue = (a: Milestone, b: Milestone) => a.due.localeCompare(b.due);
  const planned = milestones.filter((m) => m.status === 'planned').sort(byDue);
  const others = milestones.filter((m) => m.status !== 'planned').sort(byDue);
  return [...planned, ...others].slice(0, max).sort(byDue);
}

function milestoneState(m: Milestone, today: string): string {
  if (isOverdue(m, today)) return 'Overdue';
  if (m.status === 'done') return m.completedOn ? `Done ${ukDate(m.completedOn)}` : 'Done';
  if (m.status === 'missed') return 'Missed';
  return 'Planned';
}

function realisedByYear(project: Project): { realised: ProjectData['realised']; note: string } {
  const years = new Map<string, number>();
  for (const b of project.realisedBenefits) years.set(b.financialYear, (years.get(b.financialYear) ?? 0) + b.cashSaving);
  if (years.size === 0) return { realised: [], note: 'None recorded yet.' };
  const all = [...years.entries()].sort(([a], [b]) => a.localeCompare(b));
  const shown = all.slice(-MAX_BENEFIT_YEARS_SHOWN);
  const total = all.reduce((sum, [, amount]) => sum + amount, 0);
  const hidden = all.length - shown.length;
  return {
    realised: shown.map(([financialYear, amount]) => ({ financialYear, amount: pounds(amount) })),
    note: `Total so far: ${pounds(total)}${hidden > 0 ? ` (${countOf(hidden, 'earlier year')} not shown)` : ''}`,
  };
}

const PROJECT_LEVELS = [
  { milestones: MAX_MILESTONES_SHOWN, text: 600 },
  { milestones: 8, text: 300 },
  { milestones: 5, text: 150 },
] as const;

/**
 * A project in the Digital Programme: owners, business case, plan, resourcing, DPIA, benefits, milestones
 * and what is missing. With `canEdit`, sub-forms that save with the project version, and Mark done.
 */
export function projectCard(input: ProjectCardInput): AdaptiveCardJson {
  const { request, project, today, canEdit } = input;
  const errors: ProjectFieldErrors = {};
  for (const f of PROJECT_FORM_FIELDS) {
    const message = nonBlank(input.errors?.[f]);
    if (message) errors[f] = message;
  }
  const notice = nonBlank(input.notice) ?? (Object.keys(errors).length > 0 ? subFormProblemsNotice(errors) : undefined);
  const values = projectValues(project, input.values ?? {}, today);
  const bcLink = nonBlank(project.businessCase.link);
  const planLink = nonBlank(project.planLink);
  const { realised, note } = realisedByYear(project);

  return fitted('project', PROJECT_LEVELS, (level) => {
    const shown = milestonesShown(project.milestones, level.milestones);
    const hidden = project.milestones.length - shown.length;
    const data: ProjectData = {
      reference: project.reference,
      title: request.title,
      statusLabel: statusLabel(request.status),
      strandName: strandName(request.strand),
      priorityLabel: priorityWords(project),
      owners: ownerLines(project),
      businessCase: { statusLabel: BUSINESS_CASE_LABELS[project.businessCase.status] ?? project.businessCase.status },
      resourcing: { confirmed: project.resourcing.confirmed ? 'Yes' : 'No' },
      plannedCash: project.plannedBenefits.annualCash !== null ? `${pounds(project.plannedBenefits.annualCash)} a year` : 'No cash saving planned',
      realised,
      realisedNote: note,
      milestones: shown.map((m) => ({
        id: m.id,
        title: clip(nonBlank(m.title) ?? 'Untitled milestone', INPUT_LIMITS.milestoneTitle),
        due: ukDate(m.due),
        state: milestoneState(m, today),
        overdue: isOverdue(m, today),
        ...(m.revisions.length > 0 && { revisions: `due date revised ${m.revisions.length === 1 ? 'once' : `${m.revisions.length} times`}` }),
        canMarkDone: canEdit && m.status === 'planned',
      })),
      missing: whatIsMissing(project, today).map((m) => ({ label: MISSING_LABELS[m] })),
      errors,
      values,
      choices: {
        businessCaseStatuses: BUSINESS_CASE_STATUSES.map((s) => ({ title: BUSINESS_CASE_LABELS[s], value: s })),
        dpiaStatuses: DPIA_STATUSES.map((s) => ({ title: DPIA_LABELS[s], value: s })),
        benefitYears: benefitYears(today).map((y) => ({ title: y, value: y })),
      },
      canEdit,
      canRecordBenefit: input.canRecordBenefit ?? false,
      version: project.version,
    };
    if (bcLink) data.businessCase.link = clip(bcLink, LINK_SHOWN_CHARS);
    if (isHttpsUrl(bcLink)) data.businessCase.url = bcLink;
    if (project.businessCase.date) data.businessCase.date = ukDate(project.businessCase.date);
    if (planLink) data.planLink = clip(planLink, LINK_SHOWN_CHARS);
    if (isHttpsUrl(planLink)) data.planUrl = planLink;
    const resourcingNote = nonBlank(project.resourcing.note);
    if (resourcingNote) data.resourcing.note = clip(resourcingNote, level.text);
    if (project.dpia !== null) data.dpiaLabel = DPIA_LABELS[project.dpia] ?? project.dpia;
    const nonCash = nonBlank(project.plannedBenefits.nonCash);
    if (nonCash) data.plannedNonCash = clip(nonCash, level.text);
    if (project.milestones.length === 0) data.milestonesNote = 'No milestones yet.';
    else if (hidden > 0) data.milestonesNote = `and ${hidden} more`;
    if (notice) data.notice = notice;
    if (canEdit && request.status === 'approved') data.nextStatus = { value: 'in-delivery', title: 'Start delivery' };
    if (canEdit && request.status === 'in-delivery') data.nextStatus = { value: 'completed', title: 'Mark completed' };
    return data;
  });
}

// ---------------------------------------------------------------------------------------------
// pending requests

/** A request waiting longer than this many days is overdue for a decision. */
export const DECISION_DUE_DAYS = 14;

/** Requests awaiting a decision, oldest first (`page.items` in the order given: the repository sorts them). */
export function pendingCard(page: Page<ProjectRequest>, pageNo: number, pageSize: number, today: string): AdaptiveCardJson {
  const { page: current, pages } = pageOf(pageNo, pageSize, page.total);
  return render('pending', {
    summary:
      page.total === 0
        ? 'Nothing is waiting for a decision.'
        : `${countOf(page.total, 'request')} awaiting a decision, oldest first. Page ${current} of ${pages}.`,
    items: page.items.map((r) => {
      const days = daysSince(r.createdAt, today);
      return {
        reference: r.reference,
        title: r.title,
        statusLabel: statusLabel(r.status),
        strandName: strandName(r.strand),
        age: days === 0 ? 'submitted today' : `waiting ${daysWords(days)}`,
        overdue: days > DECISION_DUE_DAYS,
      };
    }),
    page: current,
    hasPrevious: current > 1,
    hasNext: current < pages,
  });
}

// ---------------------------------------------------------------------------------------------
// programme

/**
 * One page of the Digital Programme, grouped by strand in the strategy's order (projects keep the
 * order given within a strand), each with what it is missing.
 */
export function programmeCard(
  items: readonly { project: Project; request: ProjectRequest }[],
  pageNo: number,
  pageSize: number,
  total: number,
  today: string,
): AdaptiveCardJson {
  const { page, pages } = pageOf(pageNo, pageSize, total);
  const groups = STRANDS.map((s) => ({
    strandName: s.name,
    projects: items
      .filter((i) => i.request.strand === s.id)
      .map(({ project, request }) => {
        const missing = whatIsMissing(project, today).map((m) => MISSING_LABELS[m]);
        return {
          reference: project.reference,
          title: request.title,
          priority: `${PRIORITY_LABELS[project.priority] ?? project.priority} priority${project.isPriority ? ' · priority project' : ''}`,
          lead: project.projectLead ? `Lead: ${nameOf(project.projectLead, 'Unnamed person')}` : 'No lead',
          statusLabel: statusLabel(request.status),
          missing: missing.length > 0 ? `Missing: ${missing.join(', ')}` : 'Nothing missing',
          hasMissing: missing.length > 0,
        };
      }),
  })).filter((g) => g.projects.length > 0);
  return render('programme', {
    summary:
      total === 0
        ? 'No projects are in the Digital Programme yet.'
        : `${countOf(total, 'project')} in the Digital Programme, by strand. Page ${page} of ${pages}.`,
    groups,
    page,
    hasPrevious: page > 1,
    hasNext: page < pages,
  });
}

// ---------------------------------------------------------------------------------------------
// history

/** History lines per page, newest first. */
export const HISTORY_PAGE_SIZE = 15;

/** A record's audit trail in words, newest first, 15 lines a page ("and N earlier changes"). */
export function historyCard(reference: string, title: string, events: readonly AuditEvent[], pageNo = 1): AdaptiveCardJson {
  const done = events.filter(isHistoryEvent).sort((a, b) => b.at.localeCompare(a.at));
  const { page: asked, pages } = pageOf(pageNo, HISTORY_PAGE_SIZE, done.length);
  const page = Math.min(asked, pages);
  const shown = done.slice((page - 1) * HISTORY_PAGE_SIZE, page * HISTORY_PAGE_SIZE);
  const earlier = done.length - (page - 1) * HISTORY_PAGE_SIZE - shown.length;
  const lines: AuditLine[] = shown.map((e) => {
    const line: AuditLine = {
      when: ukDateTime(e.at),
      who: nonBlank(e.actorName) ?? 'dsg-bot',
      what: actionWords(e.action, e.after),
    };
    const change = changeWords(e.before, e.after).join('; ');
    if (change) line.change = change;
    return line;
  });
  return render('history', {
    reference,
    title: nonBlank(title) ?? reference,
    summary:
      done.length === 0
        ? 'No changes are recorded yet.'
        : `${countOf(done.length, 'change')}, newest first.${pages > 1 ? ` Page ${page} of ${pages}.` : ''}`,
    lines,
    ...(earlier > 0 && { earlierNote: `and ${countOf(earlier, 'earlier change')}` }),
    page,
    hasEarlier: earlier > 0,
    hasLater: page > 1,
  });
}

// ---------------------------------------------------------------------------------------------
// notice

/**
 * A small card: a title, lines of text (shown as plain text: they may hold what people typed), and at
 * most one button that shows something (e.g. Open project).
 */
export function noticeCard(title: string, lines: readonly string[], action?: NoticeAction): AdaptiveCardJson {
  const data: NoticeData = {
    title: nonBlank(title) ?? 'Digital Strategy Group',
    lines: lines.filter((l) => nonBlank(l)).map((text) => ({ text })),
  };
  if (action) data.action = { ...action, fallbackData: { verb: action.verb, ...action.data } };
  return render('notice', data);
}
