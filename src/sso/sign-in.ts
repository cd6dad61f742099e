/**
 * Who is calling the Programme tab's API: a Teams SSO bearer token (checked by the token validator), the
 * demo sign-in header in local mode, or nobody (the public view). This file does not load jose itself,
 * so the HTTP layer can import SignInError without it.
 */
import type { SignedIn } from '../app/programme-view/viewer';

/** A sign-in that was attempted and refused (401), or could not be checked now (503). The message is for people. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 503 = 401,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** Who a Teams SSO token says the caller is. */
type SsoIdentity = Pick<SignedIn, 'aadObjectId' | 'name'> & { tenantId: string };
/** Checks a Teams SSO token (signature, audience, issuer, tenant, expiry); throws SignInError when it does not hold. */
export type TokenValidator = (token: string) => Promise<SsoIdentity>;

/** The sign-in headers as the caller sent them (absent when not sent). */
export interface Caller {
  authorization?: string;
  /** `X-Demo-User`: a demo user's AAD object id (local mode only). */
  demoUser?: string;
}

interface DemoUser {
  aadObjectId: string;
  /** Teams user id (29:...). */
  id: string;
  name: string;
}

export interface SignInOptions {
  /** Checks a Teams SSO token; null when no Azure AD app is configured (SSO_APP_ID unset). */
  validate: TokenValidator | null;
  /** Local mode only: the users the demo sign-in offers, and their tenant. Null with bot credentials. */
  demo: { users: readonly DemoUser[]; tenantId: string } | null;
}

export interface SignIn {
  /** True when Teams SSO tokens are accepted. */
  readonly sso: boolean;
  /** The demo users (local mode), or null. */
  readonly demoUsers: readonly DemoUser[] | null;
  /** The signed-in caller, or null for nobody; throws SignInError for a sign-in that does not hold. */
  identify(caller: Caller): Promise<SignedIn | null>;
}

const BEARER = /^Bearer +([A-Za-z0-9\-_.~+/]+=*) *$/i;

export function createSignIn({ validate, demo }: SignInOptions): SignIn {
  return {
    sso: validate !== null,
    demoUsers: demo?.users ?? null,
    async identify(caller) {
      if (caller.authorization !== undefined) {
        if (!validate) throw new SignInError('This server does not accept sign-in tokens: Teams sign-in is not set up (SSO_APP_ID is not set).');
        const bearer = BEARER.exec(caller.authorization);
        if (!bearer) throw new SignInError('The Authorization header must be "Bearer " followed by a Teams sign-in token.');
        return { ...(await validate(bearer[1])), via: 'teams-sso' };
      }
      // With bot credentials the demo header means nothing: the caller is simply not signed in.
      if (caller.demoUser === undefined || !demo) return null;
      const id = caller.demoUser.trim();
      const user = demo.users.find((u) => u.aadObjectId === id);
      if (!user) throw new SignInError(`X-Demo-User "${id.slice(0, 60)}" is not one of the demo users; GET /api/session lists them.`);
      return { aadObjectId: user.aadObjectId, name: user.name, tenantId: demo.tenantId, via: 'local-demo', teamsUserId: user.id };
    },
  };
}
