import type { ItemOutcome, Meeting } from './meetings';
import type { RequestStatus } from './request';
import type { PersonRef } from './settings';

/**
 * Data protection: how long personal data is kept (the retention schedule), and what a person's name becomes when
 * a record is kept but the person is not: the role they held. Plain rules; the storage applies them.
 */

/** Days after which the people in a record are pseudonymised, or the rows deleted. */
export interface RetentionSchedule {
  /** Declined, withdrawn and merged requests: days after the decision. */
  closedRequestDays: number;
  /** Completed projects: days after completion. */
  completedProjectDays: number;
  /** Saved, never submitted request drafts: days after last saved. */
  draftDays: number;
  /** Delivery logs (the outbox's sent and failed messages): days after they were queued. */
  deliveryLogDays: number;
  /**
   * DSG meetings: days after the meeting, when the people in its record (attendance, who decided, action owners,
   * who added items, names in the notes) become roles. The minutes themselves (what was decided) are the DSG's
   * record and stay.
   */
  meetingPeopleDays: number;
}

export const DEFAULT_RETENTION: RetentionSchedule = { closedRequestDays: 730, completedProjectDays: 2190, draftDays: 90, deliveryLogDays: 365, meetingPeopleDays: 2190 };

/** Requests closed without becoming a project. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['declined', 'withdrawn', 'merged', 'reused'];

export interface RetentionCutoffs {
  closedRequests: string;
  completedProjects: string;
  drafts: string;
  deliveryLogs: string;
  meetings: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instants (ISO-8601 UTC) before which each kind of record is past retention at `now`. */
export function retentionCutoffs(now: Date, schedule: RetentionSchedule): RetentionCutoffs {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return {
    closedRequests: before(schedule.closedRequestDays),
    completedProjects: before(schedule.completedProjectDays),
    drafts: before(schedule.draftDays),
    deliveryLogs: before(schedule.deliveryLogDays),
    meetings: before(schedule.meetingPeopleDays),
  };
}

/** What a retention run does (or, previewed, would do). */
export interface RetentionPlan {
  /** References of declined, withdrawn and merged requests whose people are pseudonymised. */
  closedRequests: string[];
  /** References of completed projects whose people are pseudonymised. */
  completedProjects: string[];
  drafts: number;
  deliveryLogs: number;
  /** Dates of the meetings whose people become roles. */
  meetings: string[];
}

export const isEmptyPlan = (p: RetentionPlan): boolean => p.closedRequests.length + p.completedProjects.length + p.drafts + p.deliveryLogs + p.meetings.length === 0;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "730" → "2 years", "90" → "90 days": whole years read as years. */
export function daysInWords(days: number): string {
  return days >= 365 && days % 365 === 0 ? plural(days / 365, 'year', 'years') : plural(days, 'day', 'days');
}

/** The plan in sentences, for the preview and the run's audit entry. */
export function describeRetention(plan: RetentionPlan, schedule: RetentionSchedule): string[] {
  const refs = (list: string[]) => (list.length ? `: ${list.slice(0, 10).join(', ')}${list.length > 10 ? ` and ${list.length - 10} more` : ''}` : '');
  return [
    `Pseudonymise the people in ${plural(plan.closedRequests.length, 'declined, withdrawn or merged request', 'declined, withdrawn or merged requests')} decided more than ${daysInWords(schedule.closedRequestDays)} ago${refs(plan.closedRequests)}.`,
    `Pseudonymise the people in ${plural(plan.completedProjects.length, 'project', 'projects')} completed more than ${daysInWords(schedule.completedProjectDays)} ago${refs(plan.completedProjects)}.`,
    `Delete ${plural(plan.drafts, 'draft', 'drafts')} not saved for ${daysInWords(schedule.draftDays)}.`,
    `Delete ${plural(plan.deliveryLogs, 'delivery log entry', 'delivery log entries')} (sent or failed messages) older than ${daysInWords(schedule.deliveryLogDays)}.`,
    `Pseudonymise the people in the record of ${plural(plan.meetings.length, 'DSG meeting', 'DSG meetings')} held more than ${daysInWords(schedule.meetingPeopleDays)} ago${refs(plan.meetings)}; the minutes keep what was decided.`,
  ];
}

/** The words that stand for a person once their name is gone: the role they held. */
export const FORMER = {
  requester: 'former requester',
  dsgMember: 'DSG member',
  chair: 'former DSG chair',
  digitalLeader: 'former Digital Leader',
  projectLead: 'former Project Lead',
  projectManager: 'former Project Manager',
  projectTeam: 'project team member',
  actionOwner: 'former action owner',
  riskOwner: 'former risk owner',
  colleague: 'former member of staff',
} as const;

/** The role in which someone did `action` (an audit action such as `request.approve`). */
export function roleOfAction(action: string): string {
  if (['request.submit', 'request.withdraw', 'request.answer', 'request.draft'].includes(action)) return FORMER.requester;
  if (/^(request|dsg|settings|digest|report|pending)\./.test(action)) return FORMER.dsgMember;
  if (/^(project|milestone|benefit|measure|reminder|risk)\./.test(action)) return FORMER.projectTeam;
  if (/^(meeting|agenda|minutes)\./.test(action) || action === 'action.add') return FORMER.dsgMember;
  return FORMER.colleague;
}

/** A role kept without the person: no id, the role as the name (never matches anyone signing in). */
export const roleOnly = (role: string): PersonRef => ({ aadObjectId: '', name: role });
export const isRoleOnly = (ref: PersonRef | null): boolean => !!ref && ref.aadObjectId === '';

/** A letter or digit: a name is replaced only where it stands as whole words. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/** The names to look for, longest first, for each map (a retention run asks thousands of times with one map). */
const sortedNames = new WeakMap<ReadonlyMap<string, string>, { size: number; list: string[] }>();
function namesOf(names: ReadonlyMap<string, string>): string[] {
  const known = sortedNames.get(names);
  if (known && known.size === names.size) return known.list;
  const list = [...names.keys()].filter((n) => n.trim().length >= 3).sort((a, b) => b.length - a.length);
  sortedNames.set(names, { size: names.size, list });
  return list;
}

/**
 * Replaces each whole-word occurrence of a name in `text` with its role (longest names first, so "Ann Lee" goes
 * before "Ann"). `names` maps a name to the role it becomes. Names of fewer than 3 characters are left alone.
 */
export function withoutNames(text: string, names: ReadonlyMap<string, string>): string {
  if (!text) return text;
  let out = text;
  for (const name of namesOf(names)) {
    if (!out.includes(name)) continue;
    const role = names.get(name) ?? name;
    let result = '';
    let from = 0;
    for (let at = out.indexOf(name); at !== -1; at = out.indexOf(name, at + 1)) {
      if (at < from || isWordChar(out[at - 1]) || isWordChar(out[at + name.length])) continue;
      result += out.slice(from, at) + role;
      from = at + name.length;
    }
    out = result + out.slice(from);
  }
  return out;
}

/** True when `text` holds one of the names (as withoutNames would replace it). */
export const mentionsAny = (text: string | null, names: ReadonlyMap<string, string>): boolean => !!text && withoutNames(text, names) !== text;

/** The people a meeting's record loses: persons (by id), names (who decided, started, published, added), and names in free text. */
export interface MeetingPeople {
  person: (p: PersonRef) => boolean;
  name: (name: string) => boolean;
  /** Each name to replace in free text (the notes, items' titles and details), with what it becomes. */
  names: ReadonlyMap<string, string>;
}

/** The parts of a meeting's record that name people. */
type MeetingRecord = Pick<Meeting, 'agenda' | 'attendees' | 'apologies' | 'outcomes' | 'notes' | 'startedBy' | 'publishedBy'>;

/**
 * A meeting's record without these people: whoever attended, sent apologies, decided, started the meeting,
 * published the minutes or added an item is kept as "DSG member", without an id; their names in the notes and
 * the items become what `names` says. What was decided stays, so the minutes still read as the DSG's record.
 */
export function meetingWithout<T extends MeetingRecord>(m: T, whom: MeetingPeople): T {
  const by = <N extends string | null>(n: N): N => (n && whom.name(n) ? FORMER.dsgMember : n) as N;
  const text = (t: string) => withoutNames(t, whom.names);
  const ref = (p: PersonRef) => (whom.person(p) ? roleOnly(FORMER.dsgMember) : p);
  const outcome = (o: ItemOutcome): ItemOutcome => {
    const earlier = o.earlier && { earlier: o.earlier.map(outcome) };
    return o.kind === 'deferred' ? { ...o, by: by(o.by), ...earlier } : { ...o, by: by(o.by), note: o.note && text(o.note), ...earlier };
  };
  return {
    ...m,
    agenda: m.agenda.map((i) => ({ ...i, title: text(i.title), detail: text(i.detail), addedBy: by(i.addedBy) })),
    attendees: m.attendees.map(ref),
    apologies: m.apologies.map(ref),
    outcomes: Object.fromEntries(Object.entries(m.outcomes).map(([id, o]) => [id, outcome(o)])),
    notes: text(m.notes),
    startedBy: by(m.startedBy),
    publishedBy: by(m.publishedBy),
  };
}

/**
 * Everyone in a meeting's record (retention): each person and name not already a role, with the action owners and
 * who added items (`addedBy`); their names in text become the role they had there.
 */
export function everyoneIn(m: MeetingRecord, actionOwners: readonly PersonRef[], addedBy: readonly string[] = []): MeetingPeople {
  const names = new Map<string, string>();
  const add = (name: string | null | undefined, role: string) => {
    if (name && !isRoleName(name) && !names.has(name)) names.set(name, role);
  };
  for (const p of [...m.attendees, ...m.apologies]) add(p.name, FORMER.dsgMember);
  const outcomes = Object.values(m.outcomes).flatMap((o) => [o, ...(o.earlier ?? [])]);
  for (const n of [m.startedBy, m.publishedBy, ...outcomes.map((o) => o.by), ...m.agenda.map((i) => i.addedBy), ...addedBy]) add(n, FORMER.dsgMember);
  // Someone who was there is named as a DSG member; an owner from elsewhere in the council as the action's owner.
  for (const p of actionOwners) add(p.name, FORMER.actionOwner);
  return { person: (p) => !isRoleOnly(p), name: (n) => !isRoleName(n), names };
}

/** A name that is already a role (a record done before). */
export const isRoleName = (name: string): boolean => (Object.values(FORMER) as string[]).includes(name);

/** Rows as stored, for a subject access export (plain JSON; no internal column is left out). */
export type Row = Record<string, unknown>;

/** Everything held about one person, table by table. */
export interface PersonalData {
  people: Row[];
  conversations: Row[];
  requests: Row[];
  drafts: Row[];
  /** Triage decisions and questions by them, by reference. */
  triage: { reference: string; decisions: Row[]; questions: Row[] }[];
  auditEntries: Row[];
  reminders: Row[];
  /** Roles they hold: chair, Digital Leader of a strand, a project's owner, DSG team member. */
  roles: { role: string; where: string }[];
  /** Milestone moves, benefits, measure figures and health statuses they recorded, and digest subscriptions they made. */
  projectRecords: Row[];
  /** Messages queued or sent to them. */
  messages: Row[];
  /** DSG meetings: attendance and apologies, outcomes they recorded, actions they own, agenda items they added. */
  meetings: Row[];
}

/** Everything dsg-bot holds about one person (UK GDPR article 15), as exported in JSON and on a readable page. */
export interface SubjectAccessExport extends PersonalData {
  generatedAt: string;
  searchedFor: string;
  person: { names: string[]; emails: string[]; upns: string[]; teamsIds: string[]; aadObjectIds: string[]; administrator: boolean };
}
