import { addMonths, daysBetween } from './calendar';
import { ukDate } from './dates';
import { DomainError } from './errors';
import { isOverdue, MISSING_LABELS, type MissingItem, type Project, whatIsMissing } from './project';
import { REMINDER_WHY, type ReminderItem, type ReminderState } from './reminders';
import type { ProjectRequest, RequestHeadline } from './request';
import type { PlannedMeeting } from './meeting-plans';
import { HIGH_RISK_SCORE, isHighRisk, orderedLog, RISK_KIND_LABELS, type RiskEntry, riskName, riskScore } from './risks';
import type { Where } from './people';
import type { PersonRef } from './settings';
import { type Decision, DECISION_WORDS, type Triage } from './triage';
import { GATE_OUTCOME_LABELS, type GateOutcome, type GateRequest } from './stages';

/** The agenda item of a waiting gate request: the meeting decides it from the gate's card. */
export const gateItemId = (gateId: string): string => `gate-request:${gateId}`;

/**
 * The DSG's meetings: the agenda drafted from the programme, who came, what was decided about each item, the
 * actions agreed, and the minutes drawn from that record. The strategy: "The DSG Chairman will schedule a
 * meeting at least once every two months", and the group has a Minute Taker.
 */

export type MeetingStatus = 'scheduled' | 'running' | 'ended' | 'cancelled';

/** Why an item is on the agenda, in the order the agenda lists them. */
export const AGENDA_SOURCES = ['awaiting-decision', 'question-answered', 'gate-request', 'escalated', 'governance', 'overdue-milestone', 'high-risk', 'open-action', 'added'] as const;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];

export const AGENDA_SOURCE_LABELS: Record<AgendaSource, string> = {
  'awaiting-decision': 'Awaiting a decision',
  'question-answered': 'Question answered',
  'gate-request': 'Stage gate to decide',
  escalated: 'Escalated by reminders',
  governance: 'Priority project missing governance',
  'overdue-milestone': 'Overdue milestone',
  'high-risk': `Risk or issue scoring ${HIGH_RISK_SCORE} or more`,
  'open-action': 'Open action',
  added: 'Added by a member',
};

export interface AgendaItem {
  /** Stable across drafts: `<source>:<reference or id>`. */
  id: string;
  source: AgendaSource;
  /** The request or project it is about, if any. */
  reference: string | null;
  title: string;
  /** One line on why it is here. */
  detail: string;
  /** Who added it (items added with `agenda add`). */
  addedBy: string | null;
}

/** An item a DSG member put on the next agenda with `agenda add`. */
export interface AgendaAddition {
  id: string;
  reference: string | null;
  text: string;
  addedById: string;
  addedByName: string;
  addedAt: string;
  /** The meeting that took it up (null while it waits for the next meeting). */
  meetingId: string | null;
}

/** What the meeting did with an item (`earlier`: what it did before, when that left the item open). */
export type ItemOutcome = (
  | { kind: 'decision'; action: Decision['action']; note: string | null; by: string; at: string }
  | { kind: 'noted'; note: string | null; by: string; at: string }
  | { kind: 'deferred'; by: string; at: string }
  /** A stage gate decided at the meeting (src/domain/stages.ts). */
  | { kind: 'gate'; outcome: GateOutcome; note: string | null; by: string; at: string }
) & { earlier?: ItemOutcome[] };

/**
 * Whether an outcome closes its item. Assigning owners and changing a project's priority do not: the meeting may
 * do both, then note or defer the item; every other outcome is the item's last.
 */
export const closesItem = (o: ItemOutcome): boolean => !(o.kind === 'decision' && (o.action === 'assign' || o.action === 'priority'));

/** Whether the meeting can still act on the item: running, and nothing closed it yet. */
export const isOpenItem = (meeting: Meeting, itemId: string): boolean => meeting.status === 'running' && !(meeting.outcomes[itemId] && closesItem(meeting.outcomes[itemId]));

export interface MeetingAction {
  id: string;
  meetingId: string;
  /** The agenda item it came from. */
  itemId: string;
  /** The request or project it is about, if any. */
  reference: string | null;
  what: string;
  owner: PersonRef;
  /** `yyyy-mm-dd`. */
  due: string;
  createdAt: string;
  createdBy: string;
  doneAt: string | null;
  doneBy: string | null;
}

export interface Meeting {
  id: string;
  /** `yyyy-mm-dd`, London: one meeting a day. */
  date: string;
  /** `HH:mm`, London. */
  startTime: string | null;
  /** Where it was planned to be held: a room, or the Teams meeting link (from the planned meeting). */
  place: string | null;
  status: MeetingStatus;
  /** The agenda as it stood when the meeting started. */
  agenda: AgendaItem[];
  attendees: PersonRef[];
  apologies: PersonRef[];
  outcomes: Record<string, ItemOutcome>;
  /** The Minute Taker's free-text notes for the minutes. */
  notes: string;
  startedBy: string | null;
  endedAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  version: number;
  updatedAt: string;
}

/** What the agenda is drafted from. */
export interface AgendaSourceData {
  /** Requests waiting for a decision (submitted, under review), with their triage record. */
  waiting: readonly { request: ProjectRequest; triage: Triage | null }[];
  /** The programme's projects, each named by its request's headline. */
  programme: readonly { project: Project; request: RequestHeadline }[];
  /** Reminder states (escalated ones are raised). */
  reminders: readonly ReminderState[];
  openActions: readonly MeetingAction[];
  /** Open risks and issues scoring HIGH_RISK_SCORE or more (those of projects no longer live are left out here). */
  highRisks?: readonly RiskEntry[];
  /** Items the last meeting deferred that would not come back by themselves (those members added). */
  deferred: readonly AgendaItem[];
  additions: readonly AgendaAddition[];
  /** Gate requests waiting for the DSG, oldest first, with their project's title. */
  gateRequests?: readonly { gate: GateRequest; title: string; words: string }[];
  /** `yyyy-mm-dd`, London. */
  today: string;
}

/** What the strategy asks a priority project to have: business case, lead, manager, plan, resourcing. */
const GOVERNANCE: readonly MissingItem[] = ['business-case', 'business-case-approval', 'project-lead', 'project-manager', 'implementation-plan', 'resourcing'];

/** Drafts the agenda for the next meeting from the programme, in the order of AGENDA_SOURCES. */
export function draftAgenda(src: AgendaSourceData): AgendaItem[] {
  const items: AgendaItem[] = [];
  const answered = (t: Triage | null) => !!t && t.questions.length > 0 && t.questions.every((q) => q.answer !== null);
  const waiting = [...src.waiting].sort((a, b) => (a.request.createdAt < b.request.createdAt ? -1 : a.request.createdAt > b.request.createdAt ? 1 : 0));
  for (const { request } of waiting.filter((w) => !answered(w.triage))) {
    items.push({ id: `awaiting-decision:${request.reference}`, source: 'awaiting-decision', reference: request.reference, title: request.title, detail: `Submitted ${ukDate(request.createdAt)} by ${request.requesterName}`, addedBy: null });
  }
  for (const { request, triage } of waiting.filter((w) => answered(w.triage))) {
    const last = triage!.questions[triage!.questions.length - 1];
    items.push({ id: `question-answered:${request.reference}`, source: 'question-answered', reference: request.reference, title: request.title, detail: `Answered: ${last.answer}`, addedBy: null });
  }
  for (const { gate, title, words } of src.gateRequests ?? []) {
    items.push({ id: gateItemId(gate.id), source: 'gate-request', reference: gate.reference, title, detail: words, addedBy: null });
  }
  const titles = new Map(src.programme.map((p) => [p.request.reference, p.request.title]));
  const escalated = new Map<string, string[]>();
  for (const state of src.reminders) {
    if (!state.escalatedAt) continue;
    const [reference, kind] = state.key.split(':');
    if (!titles.has(reference)) continue;
    const kinds = escalated.get(reference) ?? [];
    if (!kinds.includes(kind)) kinds.push(kind);
    escalated.set(reference, kinds);
  }
  for (const [reference, kinds] of [...escalated].sort(([a], [b]) => (a < b ? -1 : 1))) {
    items.push({ id: `escalated:${reference}`, source: 'escalated', reference, title: titles.get(reference)!, detail: `Reminded without change about: ${kinds.join(', ')}`, addedBy: null });
  }
  const live = src.programme.filter((p) => p.request.status === 'approved' || p.request.status === 'in-delivery');
  for (const { request, project } of live) {
    if (!project.isPriority) continue;
    const missing = whatIsMissing(project, src.today).filter((m) => GOVERNANCE.includes(m));
    if (missing.length) {
      items.push({ id: `governance:${request.reference}`, source: 'governance', reference: request.reference, title: request.title, detail: `Missing: ${missing.map((m) => MISSING_LABELS[m]).join(', ')}`, addedBy: null });
    }
  }
  for (const { request, project } of live) {
    const overdue = project.milestones.filter((m) => isOverdue(m, src.today));
    if (overdue.length) {
      items.push({ id: `overdue-milestone:${request.reference}`, source: 'overdue-milestone', reference: request.reference, title: request.title, detail: overdue.map((m) => `"${m.title}" was due ${ukDate(m.due)}`).join('; '), addedBy: null });
    }
  }
  // One item per project, naming each of its high entries, highest first.
  const highByProject = new Map<string, RiskEntry[]>();
  for (const e of src.highRisks ?? []) if (isHighRisk(e)) highByProject.set(e.reference, [...(highByProject.get(e.reference) ?? []), e]);
  for (const { request } of live) {
    const high = highByProject.get(request.reference);
    if (!high) continue;
    const words = orderedLog(high).map((e) => `${RISK_KIND_LABELS[e.kind]} scoring ${riskScore(e)}: "${riskName(e)}" (${e.owner.name})`);
    items.push({ id: `high-risk:${request.reference}`, source: 'high-risk', reference: request.reference, title: request.title, detail: words.join('; '), addedBy: null });
  }
  for (const action of src.openActions) {
    const late = action.due < src.today ? ' (overdue)' : '';
    items.push({ id: `open-action:${action.id}`, source: 'open-action', reference: action.reference, title: action.what, detail: `${action.owner.name}, due ${ukDate(action.due)}${late}`, addedBy: null });
  }
  items.push(...src.deferred.filter((i) => i.source === 'added'));
  for (const a of src.additions) {
    items.push({ id: `added:${a.id}`, source: 'added', reference: a.reference, title: a.text, detail: `Added by ${a.addedByName}`, addedBy: a.addedByName });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Where the agenda and the meeting may be used: the agenda lists requests still awaiting a decision, so it is for
// the DSG channel and a member's own chat; the meeting card is the DSG's, so the meeting starts in its channel.

/** The channel a conversation id names, without a thread's `;messageid=…`. */
const channelPart = (conversationId: string): string => conversationId.split(';')[0];

const inDsgChannel = (where: Where, dsgChannel: string | null): boolean => where.kind === 'channel' && !!dsgChannel && channelPart(where.conversationId) === channelPart(dsgChannel);

/** Why the agenda (`typed`: the command, for the words) cannot be shown here, or null where it can. */
export function agendaPlaceRefusal(where: Where, dsgChannel: string | null, typed = 'agenda'): string | null {
  if (where.kind === 'personal' || inDsgChannel(where, dsgChannel)) return null;
  return `The agenda is only for the DSG channel or your personal chat with me, as it lists requests still awaiting a decision: type "${typed}" in one of those.`;
}

/** Why a meeting's card or one of its items (`typed`: the command, for the words) cannot be shown here, or null where it can. */
export function meetingPlaceRefusal(where: Where, dsgChannel: string | null, typed = 'meeting'): string | null {
  if (where.kind === 'personal' || inDsgChannel(where, dsgChannel)) return null;
  return `The meeting card is only for the DSG channel or your personal chat with me, as its agenda lists requests still awaiting a decision: type "${typed}" in one of those.`;
}

/** Why the meeting cannot be started here, or null in the DSG channel. */
export function meetingStartPlaceRefusal(where: Where, dsgChannel: string | null): string | null {
  if (inDsgChannel(where, dsgChannel)) return null;
  if (!dsgChannel) return 'Start the meeting in the DSG channel, so the whole DSG sees the meeting card; no DSG channel is set up yet: an admin types "setup dsg" in it first.';
  return 'Start the meeting in the DSG channel, so the whole DSG sees the meeting card there: mention me in that channel with "meeting start".';
}

/** The items a meeting deferred to the next one. */
export const deferredItems = (meeting: Meeting | null): AgendaItem[] => (meeting ? meeting.agenda.filter((i) => meeting.outcomes[i.id]?.kind === 'deferred') : []);

/** A meeting started now: running, with the agenda as it stands. */
export function startMeeting(id: string, date: string, startTime: string, agenda: AgendaItem[], by: string, now: string, place: string | null = null): Meeting {
  return { id, date, startTime, place, status: 'running', agenda, attendees: [], apologies: [], outcomes: {}, notes: '', startedBy: by, endedAt: null, publishedAt: null, publishedBy: null, version: 1, updatedAt: now };
}

const bump = (meeting: Meeting, now: string, change: Partial<Meeting>): Meeting => ({ ...meeting, ...change, version: meeting.version + 1, updatedAt: now });

export function assertRunning(meeting: Meeting): void {
  if (meeting.status !== 'running') {
    throw new DomainError('STALE_CARD', `The meeting of ${ukDate(meeting.date)} is ${meeting.status === 'ended' ? 'over' : meeting.status}.`, { meetingId: meeting.id });
  }
}

/** Marks a person present (and no longer sending apologies); the same person twice changes nothing. */
export function markPresent(meeting: Meeting, person: PersonRef, now: string): Meeting {
  if (meeting.attendees.some((p) => p.aadObjectId === person.aadObjectId)) return meeting;
  return bump(meeting, now, { attendees: [...meeting.attendees, person], apologies: meeting.apologies.filter((p) => p.aadObjectId !== person.aadObjectId) });
}

/** The Minute Taker's register: who is here and who sent apologies (one list wins over the other for a person in both). */
export function setAttendance(meeting: Meeting, attendees: PersonRef[], apologies: PersonRef[], now: string): Meeting {
  const here = new Set(attendees.map((p) => p.aadObjectId));
  return bump(meeting, now, { attendees, apologies: apologies.filter((p) => !here.has(p.aadObjectId)) });
}

export function itemOf(meeting: Meeting, itemId: string): AgendaItem {
  const item = meeting.agenda.find((i) => i.id === itemId);
  if (!item) throw new DomainError('NOT_FOUND', `There is no item ${itemId} on the agenda of ${ukDate(meeting.date)}.`, { itemId });
  return item;
}

/** Refuses an action on an item the meeting can no longer act on: the meeting is over, or the item was dealt with (saying how). */
export function assertOpenItem(meeting: Meeting, itemId: string): AgendaItem {
  assertRunning(meeting);
  const item = itemOf(meeting, itemId);
  const before = meeting.outcomes[itemId];
  if (before && closesItem(before)) throw new DomainError('STALE_CARD', `"${item.title}" was already dealt with: ${outcomeWords(before)}.`, { itemId });
  return item;
}

/**
 * Records what the meeting did with an item; an item already dealt with is refused, saying how. After an outcome
 * that leaves the item open (owners, priority), the new one is recorded with the earlier ones.
 */
export function recordOutcome(meeting: Meeting, itemId: string, outcome: ItemOutcome, now: string): Meeting {
  assertOpenItem(meeting, itemId);
  const before = meeting.outcomes[itemId];
  if (!before) return bump(meeting, now, { outcomes: { ...meeting.outcomes, [itemId]: outcome } });
  const { earlier = [], ...last } = before;
  return bump(meeting, now, { outcomes: { ...meeting.outcomes, [itemId]: { ...outcome, earlier: [...earlier, last as ItemOutcome] } } });
}

/** What was done with an item, without who or the note: "Approved", "Noted", "Deferred to the next meeting". */
export function outcomeHead(o: ItemOutcome): string {
  if (o.kind === 'deferred') return 'Deferred to the next meeting';
  if (o.kind === 'gate') return `Gate: ${GATE_OUTCOME_LABELS[o.outcome]}`;
  return o.kind === 'noted' ? 'Noted' : DECISION_WORDS[o.action];
}

/** An outcome in words (earlier ones first), for the cards and the minutes. */
export function outcomeWords(o: ItemOutcome): string {
  const words = (x: ItemOutcome): string => `${outcomeHead(x)} (${x.by})${x.kind !== 'deferred' && x.note ? `: ${x.note}` : ''}`;
  return [...(o.earlier ?? []), o].map(words).join('; ');
}

export function endMeeting(meeting: Meeting, now: string): Meeting {
  assertRunning(meeting);
  return bump(meeting, now, { status: 'ended', endedAt: now });
}

export function setNotes(meeting: Meeting, notes: string, now: string): Meeting {
  if (meeting.status !== 'ended') throw new DomainError('STALE_CARD', 'The minutes can be edited once the meeting has ended.', { meetingId: meeting.id });
  if (meeting.publishedAt) throw new DomainError('STALE_CARD', `The minutes were published ${ukDate(meeting.publishedAt)}; they cannot be changed now.`, { meetingId: meeting.id });
  return bump(meeting, now, { notes });
}

/** Publishes the minutes once; a second time says when they were. */
export function publishMinutes(meeting: Meeting, by: string, now: string): Meeting {
  if (meeting.status === 'running') throw new DomainError('ILLEGAL_TRANSITION', 'The meeting is still running: end it with "meeting end" first.', { meetingId: meeting.id });
  if (meeting.publishedAt) throw new DomainError('ILLEGAL_TRANSITION', `The minutes of ${ukDate(meeting.date)} were already published on ${ukDate(meeting.publishedAt)} by ${meeting.publishedBy}.`, { meetingId: meeting.id });
  return bump(meeting, now, { publishedAt: now, publishedBy: by });
}

export interface ActionInput {
  what: string;
  owner: PersonRef;
  due: string;
}

/** A new action; a due date in the past is a field error, with what was typed kept by the caller. */
export function newAction(meeting: Meeting, itemId: string, input: ActionInput, id: string, by: string, now: string, today: string): MeetingAction {
  assertRunning(meeting);
  const item = itemOf(meeting, itemId);
  if (input.due < today) {
    throw new DomainError('INVALID_FIELD', 'The due date is in the past.', { field: 'due', errors: { due: `The due date is in the past: choose ${ukDate(today)} or later.` } });
  }
  return { id, meetingId: meeting.id, itemId, reference: item.reference, what: input.what, owner: input.owner, due: input.due, createdAt: now, createdBy: by, doneAt: null, doneBy: null };
}

export function completeAction(action: MeetingAction, by: string, now: string): MeetingAction {
  if (action.doneAt) throw new DomainError('STALE_CARD', `"${action.what}" was already marked done on ${ukDate(action.doneAt)} by ${action.doneBy}.`, { actionId: action.id });
  return { ...action, doneAt: now, doneBy: by };
}

/** The minutes, drawn from the record. */
export interface Minutes {
  meetingId: string;
  date: string;
  startTime: string | null;
  attendees: string[];
  apologies: string[];
  items: { title: string; reference: string | null; source: string; outcome: string; actions: string[] }[];
  actions: { what: string; owner: string; due: string; done: boolean }[];
  notes: string;
  publishedAt: string | null;
}

export const actionLine = (a: MeetingAction): string => `${a.what}: ${a.owner.name}, by ${ukDate(a.due)}`;

export function draftMinutes(meeting: Meeting, actions: readonly MeetingAction[]): Minutes {
  const mine = actions.filter((a) => a.meetingId === meeting.id);
  return {
    meetingId: meeting.id,
    date: meeting.date,
    startTime: meeting.startTime,
    attendees: meeting.attendees.map((p) => p.name),
    apologies: meeting.apologies.map((p) => p.name),
    items: meeting.agenda.map((item) => ({
      title: item.title,
      reference: item.reference,
      source: AGENDA_SOURCE_LABELS[item.source],
      outcome: meeting.outcomes[item.id] ? outcomeWords(meeting.outcomes[item.id]) : 'Not discussed',
      actions: mine.filter((a) => a.itemId === item.id).map(actionLine),
    })),
    actions: mine.map((a) => ({ what: a.what, owner: a.owner.name, due: a.due, done: a.doneAt !== null })),
    notes: meeting.notes,
    publishedAt: meeting.publishedAt,
  };
}

/**
 * How long the DSG may go without a meeting: the strategy's "at least once every two months", in calendar months
 * (a meeting on 1 Oct wants the next by 1 Dec; one on 31 Dec, by 28 Feb).
 */
export const MEETING_GAP_MONTHS = 2;
/** How many days before the two-month mark the chair is first reminded to set the next meeting. */
export const MEETING_DUE_NOTICE_DAYS = 7;

/** Whether the chair should set a meeting, and why: the last meeting, the date the next is wanted by, and the next one set (if later). */
export interface MeetingDue {
  due: boolean;
  /** The last meeting: the latest held (or running), or planned on a date now past; null when there has been none. */
  last: string | null;
  /** The last meeting plus two calendar months: a meeting should be set on or before it. */
  by: string | null;
  /** The first meeting set from today, if any (it may be after `by`). */
  next: string | null;
}

/**
 * Whether the chair should be told to set a meeting: no planned meeting falls on or before the last meeting plus
 * two calendar months, and that mark is at most MEETING_DUE_NOTICE_DAYS away (or past). A meeting set for later
 * than the mark does not count. A planned date now past counts as the last meeting (the chair cancels one that
 * did not take place). With no meeting ever, the chair is told until one is set.
 */
export function meetingDue(lastHeld: string | null, planned: readonly string[], today: string): MeetingDue {
  const past = planned.filter((d) => d < today);
  const coming = planned.filter((d) => d >= today).sort();
  const last = [lastHeld, ...past].reduce<string | null>((a, d) => (d && (!a || d > a) ? d : a), null);
  const next = coming[0] ?? null;
  if (!last) return { due: !next, last, by: null, next };
  const by = addMonths(last, MEETING_GAP_MONTHS);
  const inTime = coming.some((d) => d <= by);
  return { due: !inTime && daysBetween(today, by) <= MEETING_DUE_NOTICE_DAYS, last, by, next };
}

// ---------------------------------------------------------------------------------------------
// What the meeting cards show (results of the use cases, drawn by the presenters)

export interface AgendaView {
  /** The next meeting in the settings, or null when none is set. */
  next: PlannedMeeting | null;
  /** The drafted agenda as the chair or the Minute Taker arranged it. */
  items: AgendaItem[];
  /** Drafted items taken off the agenda of the next meeting. */
  removed: AgendaItem[];
  /** The arrangement's version: a card drawn from an older one is refused. */
  planVersion: number;
  /** The chair, the Minute Taker or an admin: may reorder, remove and put back items (before the meeting starts). */
  canArrange: boolean;
  /** The meeting in progress, if any (its agenda was fixed when it started). */
  running: Meeting | null;
  canRun: boolean;
  /** `yyyy-mm-dd`, London. */
  today: string;
  notice?: string;
}

/** A meeting card's data: the record, its actions, who may be ticked present, and what the viewer may do. */
export interface MeetingView {
  meeting: Meeting;
  actions: MeetingAction[];
  /** The DSG's members, for the register and as action owners. */
  members: PersonRef[];
  canRun: boolean;
  /** `yyyy-mm-dd`, London. */
  today: string;
  notice?: string;
}

/** One agenda item's card: the item, what was done with it, its actions, and the request it is about (for its version). */
export interface ItemView extends MeetingView {
  item: AgendaItem;
  request: ProjectRequest | null;
  /** The project the item is about, once its request is approved. */
  project: Project | null;
  /** What a request awaiting a decision could be a duplicate of (empty otherwise). */
  mergeTargets: Pick<ProjectRequest, 'reference' | 'title'>[];
  /** A form sent back: what was typed into the action form and the problem under each input. */
  form?: { values: Record<string, string>; errors: Record<string, string> };
}

export interface MinutesView {
  meeting: Meeting;
  minutes: Minutes;
  /** The chair, the Minute Taker or an admin, before the minutes are published: may edit the notes and publish. */
  canEdit: boolean;
  /** Signed download links (Word and HTML). */
  links: { docx: string; html: string };
  notice?: string;
}

export interface MeetingsList {
  /** Meetings held or running, newest first. */
  held: Meeting[];
  /** The meetings set for the coming weeks. */
  planned: PlannedMeeting[];
  today: string;
}

// ---------------------------------------------------------------------------------------------
// What the reminder engine chases about meetings

/** Reminder items about meetings are grouped under this name on the reminder card, not under a project. */
export const MEETINGS_GROUP = 'DSG';
export const actionKey = (actionId: string): string => `${MEETINGS_GROUP}:action:${actionId}`;
export const actionIdOf = (key: string): string | null => (key.startsWith(`${MEETINGS_GROUP}:action:`) ? key.slice(`${MEETINGS_GROUP}:action:`.length) : null);

/**
 * Each open action for its owner: open, then due soon (within `dueSoonDays`), then overdue (the fingerprint
 * changes with the due date and the state, so each step is a change).
 */
export function actionReminders(actions: readonly MeetingAction[], today: string, dueSoonDays: number): ReminderItem[] {
  return actions
    // An owner erased (or past retention) is a role without a person: no one to remind; the agenda still shows the action.
    .filter((a) => a.doneAt === null && a.owner.aadObjectId !== '')
    .map((a) => {
      const kind = a.due < today ? 'action-overdue' : daysBetween(today, a.due) <= dueSoonDays ? 'action-due-soon' : 'action';
      return {
        key: actionKey(a.id),
        reference: MEETINGS_GROUP,
        projectTitle: 'Actions from DSG meetings',
        kind,
        milestoneId: null,
        recipient: a.owner,
        fingerprint: `${kind}|${a.due}`,
        what: `${a.what} (${a.due < today ? 'was due' : 'due'} ${ukDate(a.due)}${a.reference ? `, ${a.reference}` : ''})`,
        why: REMINDER_WHY[kind],
      };
    });
}

/** The chair, when no meeting is set within two months of the last one: "Add a meeting" or Snooze. */
export function meetingReminder(chair: PersonRef | null, lastHeld: string | null, planned: readonly string[], today: string): ReminderItem[] {
  const { due, last, by, next } = meetingDue(lastHeld, planned, today);
  if (!due || !chair) return [];
  const later = next ? ` (the next one set, on ${ukDate(next)}, is later than that)` : '';
  return [
    {
      key: `${MEETINGS_GROUP}:meeting`,
      reference: MEETINGS_GROUP,
      projectTitle: 'DSG meetings',
      kind: 'meeting',
      milestoneId: null,
      recipient: chair,
      fingerprint: last ?? 'none',
      what: last && by ? `No DSG meeting is set within two months of the one on ${ukDate(last)}: add one by ${ukDate(by)}${later}.` : 'No DSG meeting is set: add the next one.',
      why: REMINDER_WHY.meeting,
    },
  ];
}
