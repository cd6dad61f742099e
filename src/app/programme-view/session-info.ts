import type { SessionInfo } from '../../domain/programme-view-types';

/** How the API signs people in on this server: Teams SSO when configured, the demo users in local mode. */
export interface SignInModes {
  sso: boolean;
  /** The demo sign-in's users (local mode only), or null. */
  demoUsers: readonly { aadObjectId: string; name: string }[] | null;
}

/** GET /api/session: how the tab can sign in here. */
export function sessionInfo(modes: SignInModes): SessionInfo {
  const mode: SessionInfo['mode'] = modes.sso ? 'teams-sso' : modes.demoUsers ? 'local-demo' : 'anonymous';
  if (!modes.demoUsers) return { mode };
  return { mode, demoUsers: modes.demoUsers.map((u) => ({ id: u.aadObjectId, name: u.name })) };
}
