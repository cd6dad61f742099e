import { ukDate } from './dates';
import { DEFAULT_HEALTH_RHYTHM, hasHealth, type HealthRatings, type HealthRhythm, healthAsked } from './health';
import { lastClosedPeriod, type Measure, periodLabel, periodOf } from './measures';
import { isOverdue, type Project } from './project';
import type { ProjectRequest, RequestHeadline } from './request';
import type { PersonRef } from './settings';
import type { Triage } from './triage';

/** What dsg-bot chases, and who about. */
export type ReminderKind =
  | 'owners'
  | 'business-case'
  | 'plan'
  | 'milestones'
  | 'resourcing'
  | 'dpia'
  | 'milestone-due-soon'
  | 'milestone-overdue'
  | 'question'
  /** An action agreed at a DSG meeting: open, due soon, overdue. */
  | 'action'
  | 'action-due-soon'
  | 'action-overdue'
  /** The chair: no DSG meeting is set within two months of the last one. */
  | 'meeting'
  /** A period of an outcome measure has closed with no figure recorded for it. */
  | 'measure-figure'
  /** A Digital Leader: a catalogue entry of their strand has a licence or contract ending within 6 months (or ended). */
  | 'contract-ending'
  /** A project in delivery has no health (RAG) status, or its rhythm has come round since it was last set. */
  | 'health'
  /** An open risk or issue whose review date has passed: its owner is asked to review it. */
  | 'risk-review';

export interface ReminderThresholds {
  /** Days after approval before a missing or unapproved business case is chased. */
  businessCaseDays: number;
  /** Days after approval before a missing plan or milestones are chased. */
  planDays: number;
  /** A milestone due within this many days gets one reminder before the date. */
  dueSoonDays: number;
  /** Working days an unanswered DSG question may wait before the requester is reminded. */
  questionWorkingDays: number;
  /** The same item is not raised with the same person more often than every this many working days. */
  remindEveryWorkingDays: number;
  /** After this many reminders with no change, the Digital Leader is told (once). */
  escalateAfter: number;
  snoozeDays: number;
  /** Snoozes allowed per item before the Digital Leader is told. */
  maxSnoozes: number;
  /** How often projects in delivery are asked for their health status (health.ts). */
  healthRhythm: HealthRhythm;
}

export const DEFAULT_THRESHOLDS: ReminderThresholds = {
  businessCaseDays: 30,
  planDays: 14,
  dueSoonDays: 7,
  questionWorkingDays: 5,
  remindEveryWorkingDays: 7,
  escalateAfter: 3,
  snoozeDays: 7,
  maxSnoozes: 2,
  healthRhythm: DEFAULT_HEALTH_RHYTHM,
};

/**
 * A run asked for by hand (`reminders run`, Run now) has the minute as its slot: its outbox keys name the minute,
 * so a second run within it queues nothing again. `next` is when a run can queue again.
 */
export function manualSlot(now: Date): { name: string; startedAt: string; next: string } {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const startedAt = new Date(minute).toISOString();
  return { name: `manual:${startedAt.slice(0, 16)}`, startedAt, next: new Date(minute + 60_000).toISOString() };
}

/** One thing to chase one person about. */
export interface ReminderItem {
  /**
   * Stable: `<reference>:<kind>` or `<reference>:<kind>:<milestoneId>`; items not about a project name their group
   * instead of a reference (`DSG:action:<actionId>`, `Catalogue:contract-ending:<solutionId>`).
   */
  key: string;
  reference: string;
  projectTitle: string;
  kind: ReminderKind;
  milestoneId: string | null;
  /** For a measure's figure: the measure and the period the figure is for. */
  measure?: { id: string; name: string; unit: string; period: string };
  /** For a health status: the version it asks about (0 before the first) and the statuses then, for "Still green?". */
  health?: { version: number; current: HealthRatings | null };
  /** Who is asked (AAD object id and name); a requester is named by Teams user id. */
  recipient: PersonRef;
  /** Changes whenever the underlying record changes, so "no change since the last reminder" can be seen. */
  fingerprint: string;
  /** What is missing, in plain words. */
  what: string;
  /** Why it matters. */
  why: string;
}

/** How one item has been chased with one person so far. */
export interface ReminderState {
  key: string;
  recipientId: string;
  /** Reminders sent since the item last changed. */
  count: number;
  lastSentAt: string | null;
  fingerprint: string;
  snoozedUntil: string | null;
  snoozes: number;
  escalatedAt: string | null;
}

/** Why each kind of item matters, in plain words (shown on the reminder card). */
export const REMINDER_WHY: Record<ReminderKind, string> = {
  owners: 'The strategy asks every project to have a Project Lead and a Project Manager.',
  'business-case': 'The strategy asks projects in the programme to have an approved business case before the DSG commits resources.',
  plan: 'The DSG needs an implementation plan to track delivery.',
  milestones: 'Milestones let the DSG see progress and spot slippage early.',
  resourcing: 'Priority projects must be resourced appropriately.',
  dpia: 'Personal data is involved: a data protection impact assessment is a legal requirement before go-live.',
  'milestone-due-soon': 'Mark it done when it is, or move the date with a reason.',
  'milestone-overdue': 'It is past its due date: mark it done, or move the date with a reason.',
  question: 'The DSG cannot decide until it has your answer.',
  action: 'The DSG agreed this action at its meeting; it stays on the next agenda until it is done.',
  'action-due-soon': 'It is due soon: mark it done when it is.',
  'action-overdue': 'It is past its due date: the DSG will see it on the next agenda.',
  meeting: 'The strategy asks the DSG chair to hold a meeting at least once every two months.',
  'measure-figure': "The strategy asks for routine measures of customers' experience and of what digital services deliver: record the figure for the period just closed.",
  health: 'The DSG tracks how each project in delivery is going: a red or amber status, with its reason, lets it help early.',
  'contract-ending':
    'The strategy asks Digital Leaders to join up any future procurement with the Digital Strategy: share and re-use before buying. Plan a replacement, renew it or retire it in good time.',
  'risk-review': 'Its review date has passed: say it is unchanged, update its scores, mitigation or next review, or close it. Open entries scoring 15 or more go on the DSG agenda.',
};

const daysBetween = (fromIso: string, toIso: string): number => Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);

export interface ProjectFacts {
  /** Only its headline: the rules ask nothing of what was asked for (the whole request is ten times the read). */
  request: RequestHeadline;
  project: Project;
}

/**
 * Every reminder the records call for right now, per recipient, before the rhythm rules: the same
 * "what is missing" facts as the project card. A missing recipient falls back to the Digital Leader.
 */
export function candidateReminders(
  programme: readonly ProjectFacts[],
  waitingQuestions: readonly { request: ProjectRequest; triage: Triage }[],
  today: string,
  workingDaysSince: (isoDate: string) => number,
  t: ReminderThresholds = DEFAULT_THRESHOLDS,
): ReminderItem[] {
  const items: ReminderItem[] = [];
  // The last closed period is the same for every measure of a frequency: worked out once per run, not per measure.
  const closed = new Map<Measure['frequency'], string>();
  const lastClosed = (frequency: Measure['frequency']): string => {
    let period = closed.get(frequency);
    if (period === undefined) closed.set(frequency, (period = lastClosedPeriod(frequency, today)));
    return period;
  };
  for (const { request, project } of programme) {
    if (request.status !== 'approved' && request.status !== 'in-delivery') continue;
    const ref = request.reference;
    // Run for every item of a 10,000-project programme: no spread, no set for one or two people.
    const add = (kind: ReminderKind, people: (PersonRef | null)[], what: string, fingerprint: string, milestoneId: string | null = null, measure?: ReminderItem['measure'], health?: ReminderItem['health']) => {
      const key = measure ? `${ref}:${kind}:${measure.id}:${measure.period}` : milestoneId ? `${ref}:${kind}:${milestoneId}` : `${ref}:${kind}`;
      const sent: string[] = [];
      for (const recipient of people.some(Boolean) ? people : [project.digitalLeader]) {
        if (!recipient || sent.includes(recipient.aadObjectId)) continue;
        sent.push(recipient.aadObjectId);
        const item: ReminderItem = { key, reference: ref, projectTitle: request.title, kind, milestoneId, recipient, fingerprint, what, why: REMINDER_WHY[kind] };
        if (measure) item.measure = measure;
        if (health) item.health = health;
        items.push(item);
      }
    };
    const age = daysBetween(project.approvedAt, `${today}T23:59:59.999Z`);
    const lead = project.projectLead;
    if (!project.projectLead || !project.projectManager) {
      const missing = [!project.projectLead && 'a Project Lead', !project.projectManager && 'a Project Manager'].filter(Boolean).join(' and ');
      add('owners', [project.digitalLeader], `Assign ${missing}.`, `${project.projectLead?.aadObjectId}|${project.projectManager?.aadObjectId}`);
    }
    if (project.businessCase.status !== 'approved' && age >= t.businessCaseDays) {
      const what = project.businessCase.link ? `Get the business case approved (it is ${project.businessCase.status.replace('-', ' ')}).` : 'Add the business case.';
      add('business-case', [lead], what, `${project.businessCase.status}|${project.businessCase.link}`);
    }
    if (age >= t.planDays) {
      if (!project.planLink) add('plan', [lead], 'Add the implementation plan.', 'none');
      if (project.milestones.length === 0) add('milestones', [lead], 'Add the milestones.', 'none');
    }
    if (project.isPriority && !project.resourcing.confirmed) add('resourcing', [lead, project.digitalLeader], 'Confirm the project is resourced.', project.resourcing.note ?? '');
    if (project.dpia !== null && project.dpia !== 'completed') add('dpia', [lead], `Complete the data protection impact assessment (it is ${project.dpia.replace('-', ' ')}).`, project.dpia);
    for (const m of project.milestones) {
      if (isOverdue(m, today)) {
        add('milestone-overdue', [lead], `Milestone "${m.title}" was due ${ukDate(m.due)}.`, `${m.status}|${m.due}`, m.id);
      } else if (m.status === 'planned' && daysBetween(`${today}T00:00:00Z`, `${m.due}T00:00:00Z`) <= t.dueSoonDays) {
        add('milestone-due-soon', [lead, project.projectManager], `Milestone "${m.title}" is due ${ukDate(m.due)}.`, `${m.status}|${m.due}`, m.id);
      }
    }
    // A measure's period has closed (from its baseline's on) with no figure for it: its lead and manager are asked.
    for (const m of project.measures) {
      const period = lastClosed(m.frequency);
      if (period < periodOf(m.frequency, m.baseline.date) || m.figures.some((f) => f.period === period)) continue;
      add('measure-figure', [lead, project.projectManager], `Record the figure for "${m.name}" for ${periodLabel(m.frequency, period)} (in ${m.unit}).`, 'none', null, { id: m.id, name: m.name, unit: m.unit, period });
    }
    // The health status, on its rhythm: its lead and manager are asked ("Still green?" is one press).
    const asked = hasHealth(request.status) ? healthAsked(project.health, today, t.healthRhythm) : null;
    if (asked) add('health', [lead, project.projectManager], asked, String(project.health?.version ?? 0), null, undefined, { version: project.health?.version ?? 0, current: project.health?.ratings ?? null });
  }
  for (const { request, triage } of waitingQuestions) {
    const open = triage.questions.find((q) => q.answer === null);
    if (request.status !== 'more-info-requested' || !open || workingDaysSince(open.askedAt.slice(0, 10)) < t.questionWorkingDays) continue;
    items.push({
      key: `${request.reference}:question`,
      reference: request.reference,
      projectTitle: request.title,
      kind: 'question',
      milestoneId: null,
      recipient: { aadObjectId: request.requesterId, name: request.requesterName },
      fingerprint: open.askedAt,
      what: `Answer the DSG's question: ${open.question}`,
      why: REMINDER_WHY.question,
    });
  }
  return items;
}

export interface Selection {
  /** Items to send now, grouped by recipient id. */
  send: Map<string, ReminderItem[]>;
  /** Items to hand to the Digital Leader (once) because they were chased `escalateAfter` times with no change. */
  escalate: ReminderItem[];
  /** The states to store after sending. */
  states: ReminderState[];
}

/**
 * Applies the rhythm to the candidates: snoozes, "not more often than every N working days" even when the
 * record changed (overdue milestones every run; due-soon once), counting reminders since the item last
 * changed, escalation.
 */
export function selectReminders(
  candidates: readonly ReminderItem[],
  known: ReadonlyMap<string, ReminderState>,
  now: string,
  workingDaysSince: (isoDate: string) => number,
  t: ReminderThresholds = DEFAULT_THRESHOLDS,
): Selection {
  const send = new Map<string, ReminderItem[]>();
  const escalate: ReminderItem[] = [];
  const states: ReminderState[] = [];
  for (const item of candidates) {
    const id = item.recipient.aadObjectId;
    const before = known.get(stateKey(item.key, id));
    const changed = !before || before.fingerprint !== item.fingerprint;
    const state: ReminderState = changed
      ? { key: item.key, recipientId: id, count: 0, lastSentAt: before?.lastSentAt ?? null, fingerprint: item.fingerprint, snoozedUntil: null, snoozes: before?.snoozes ?? 0, escalatedAt: null }
      : { ...before };
    if (state.snoozedUntil && now < state.snoozedUntil) continue;
    const due =
      item.kind === 'milestone-overdue' || item.kind === 'action-overdue'
        ? true
        : item.kind === 'milestone-due-soon' || item.kind === 'action-due-soon'
          ? state.count === 0
          : !state.lastSentAt || workingDaysSince(state.lastSentAt.slice(0, 10)) >= t.remindEveryWorkingDays;
    if (!due) continue;
    if (state.count >= t.escalateAfter && !state.escalatedAt && item.kind !== 'question') {
      escalate.push(item);
      state.escalatedAt = now;
    }
    state.count += 1;
    state.lastSentAt = now;
    states.push(state);
    const list = send.get(id);
    if (list) list.push(item);
    else send.set(id, [item]);
  }
  return { send, escalate, states };
}

export const stateKey = (itemKey: string, recipientId: string): string => `${itemKey}|${recipientId}`;

/** The request or project an item key is about (`<reference>:<kind>…`). */
export const referenceOfKey = (itemKey: string): string => itemKey.split(':', 1)[0];

/** One item on the reminder card: a reminder, and where it stands now. */
export type ReminderCardItem = ReminderItem & {
  /** Answered (or no longer needed): shown as Done, with no actions. */
  resolved: boolean;
  /** Snoozed until this date or time: shown as Snoozed until…, with no actions (ignored once it is past). */
  snoozedUntil: string | null;
  /** Carried by every action as `version` (for a question, the request's version). */
  projectVersion: number;
  /** A milestone's due date (`yyyy-mm-dd`), shown as 'Due 9 Dec 2026'. */
  dueDate?: string;
  /** A risk or issue to review: its scores, mitigation and review date as they stand (Update starts from them). */
  riskNow?: { kind: 'risk' | 'issue'; likelihood: number | null; impact: number; mitigation: string; reviewDate: string };
};

/** One person's reminder card as it stands: every item of their run, where each stands now, and who may be assigned. */
export interface ReminderView {
  /** The reminder message's id, sent back by every action so the answer can update it in place. */
  messageId: string;
  /** The Teams display name of the person the card is for. */
  recipientName: string;
  /** All of this person's items from the reminder run, in the same order every time the card is drawn. */
  items: ReminderCardItem[];
  /** `yyyy-mm-dd`, London. */
  today: string;
  /** Who may be assigned as Project Lead or Project Manager (the DSG's members). */
  people: PersonRef[];
}

