import { actionWords } from './audit';
import type { Notice } from './notices';
import { BUSINESS_CASE_LABELS, type BusinessCaseStatus } from './project';
import type { ProjectRequest } from './request';

/** A group chat that gets a project's changes as they happen (`follow DP-2026-0007` typed in it). */
export interface ProjectFollow {
  /** The Teams conversation id of the group chat. */
  conversationId: string;
  reference: string;
  /** Opaque conversation reference (owned by the Teams adapter), to post in the chat. */
  conversationRef: unknown;
  followedAt: string;
}

/**
 * The changes a following chat is told of: decisions, owners, the business case, milestones done or moved,
 * benefits, and the project's status.
 */
const FOLLOWED = new Set([
  'request.approve',
  'request.decline',
  'request.merge',
  'request.reuse',
  'request.priority',
  'request.assign',
  'project.business-case',
  'project.status',
  'project.reopen',
  'milestone.done',
  'milestone.move',
  'benefit.record',
]);

/** One change to a followed project, as its audit event recorded it: what the chat's notice is drawn from. */
export interface FollowedChange {
  action: string;
  by: string;
  at: string;
  /** The audited state after it (status, note, milestone, business case…), as recorded. */
  after: unknown;
  detail: string | null;
}

/** The change a following chat is told of, or null for a change chats do not follow (a plan link, a DPIA…). */
export function followedChange(event: FollowedChange): FollowedChange | null {
  return FOLLOWED.has(event.action) ? event : null;
}

const field = (after: unknown, name: string): string | null => {
  const value = after !== null && typeof after === 'object' ? (after as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' && value.trim() ? value : null;
};

/** The notice a following chat gets: what changed, by whom, and the words recorded with it; drawn when it is sent. */
export function followNotice(change: FollowedChange, record: Pick<ProjectRequest, 'reference' | 'title' | 'status'>): Notice {
  const what = actionWords(change.action, change.after);
  const businessCase = change.action === 'project.business-case' ? (field(change.after, 'businessCase') as BusinessCaseStatus | null) : null;
  const said = [
    businessCase && BUSINESS_CASE_LABELS[businessCase] ? `Business case: ${BUSINESS_CASE_LABELS[businessCase].toLowerCase()}.` : null,
    field(change.after, 'note'),
    change.detail,
  ].filter((line): line is string => !!line);
  const inProgramme = record.status === 'approved' || record.status === 'in-delivery' || record.status === 'completed';
  return {
    title: `${record.reference}: ${what}`,
    lines: [`"${record.title}": ${what.charAt(0).toLowerCase()}${what.slice(1)} by ${change.by}.`, ...said],
    open: inProgramme ? { opens: 'project', reference: record.reference, title: 'Open project' } : { opens: 'request', reference: record.reference, title: 'Open request' },
  };
}

/** The group chat a command was typed in, as the Teams adapter gives it. */
export interface GroupChat {
  conversationId: string;
  /** Opaque conversation reference (owned by the Teams adapter). */
  reference: unknown;
}

/** One project a chat follows, for `following`. */
export interface FollowedProject {
  reference: string;
  title: string;
  status: ProjectRequest['status'];
  followedAt: string;
}
