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
}

export const DEFAULT_RETENTION: RetentionSchedule = { closedRequestDays: 730, completedProjectDays: 2190, draftDays: 90, deliveryLogDays: 365 };

/** Requests closed without becoming a project. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['declined', 'withdrawn', 'merged'];

export interface RetentionCutoffs {
  closedRequests: string;
  completedProjects: string;
  drafts: string;
  deliveryLogs: string;
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
}

export const isEmptyPlan = (p: RetentionPlan): boolean => p.closedRequests.length + p.completedProjects.length + p.drafts + p.deliveryLogs === 0;

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
  colleague: 'former member of staff',
} as const;

/** The role in which someone did `action` (an audit action such as `request.approve`). */
export function roleOfAction(action: string): string {
  if (['request.submit', 'request.withdraw', 'request.answer', 'request.draft'].includes(action)) return FORMER.requester;
  if (/^(request|dsg|settings|digest|report|pending)\./.test(action)) return FORMER.dsgMember;
  if (/^(project|milestone|benefit|reminder)\./.test(action)) return FORMER.projectTeam;
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
  /** Milestone moves and benefits they recorded, and digest subscriptions they made. */
  projectRecords: Row[];
  /** Messages queued or sent to them. */
  messages: Row[];
}

/** Everything dsg-bot holds about one person (UK GDPR article 15), as exported in JSON and on a readable page. */
export interface SubjectAccessExport extends PersonalData {
  generatedAt: string;
  searchedFor: string;
  person: { names: string[]; emails: string[]; upns: string[]; teamsIds: string[]; aadObjectIds: string[]; administrator: boolean };
}
