import type { Actor } from './people';
import type { ProjectRequest } from './request';

/** Everything a person can try to do that not everyone may. */
export type Action = 'request.view' | 'request.withdraw' | 'request.history';

/** The roles a person holds for one subject; derived, never stored as such. */
export type Role = 'requester' | 'dsg-member' | 'chair' | 'admin';

const ALLOWED: Record<Action, readonly Role[]> = {
  'request.view': ['requester', 'dsg-member', 'chair', 'admin'],
  'request.history': ['requester', 'dsg-member', 'chair', 'admin'],
  'request.withdraw': ['requester'],
};

export function isAllowed(action: Action, roles: readonly Role[]): boolean {
  return ALLOWED[action].some((r) => roles.includes(r));
}

export interface RoleContext {
  adminAadIds: readonly string[];
}

/** The roles `actor` holds for `request`. */
export function rolesFor(actor: Actor, request: ProjectRequest | null, ctx: RoleContext): Role[] {
  const roles: Role[] = [];
  if (request && request.requesterId === actor.id) roles.push('requester');
  if (actor.aadObjectId && ctx.adminAadIds.includes(actor.aadObjectId)) roles.push('admin');
  return roles;
}
