import type { Actor } from './people';
import { isAllowed, type RoleContext, rolesFor, type Subject } from './permissions';
import type { ProjectRequest } from './request';

/** The three ways a request is shown to a person. */
export type RequestViewKind = 'requester' | 'triage' | 'read-only';

/**
 * Which view of a request `actor` gets, wherever they open it (pending, a digest, My requests, a typed reference,
 * a notice, a similar request): the one place this is decided.
 * - Its requester: their own view, with the DSG's question to answer and Withdraw. This holds for a requester who
 *   is in the DSG too: it is the only place they answer and withdraw, and the DSG's card stays in the DSG channel.
 * - The DSG and administrators: the triage view, with its actions.
 * - Anyone else: a read-only summary (reference, title, status, strand), as similar requests have always shown.
 */
export function requestViewFor(actor: Actor, subject: Subject & { request: ProjectRequest }, ctx: RoleContext): RequestViewKind {
  const roles = rolesFor(actor, subject, ctx);
  if (roles.includes('requester')) return 'requester';
  if (isAllowed('triage.view', roles)) return 'triage';
  return 'read-only';
}
