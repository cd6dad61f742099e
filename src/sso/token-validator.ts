/**
 * Checks a Teams SSO token (a Microsoft Entra ID access token for the tab's app): its signature against the
 * published key set, the audience (the app id or its api:// URI), the issuer (Entra ID for the token's own
 * tenant, v1 or v2), the tenant (ALLOWED_TENANT_IDS) and its expiry. The only jose importer.
 */
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { SignInError, type TokenValidator } from './sign-in';

/** Seconds of clock difference tolerated on expiry and not-before. */
const CLOCK_TOLERANCE_SECONDS = 60;


export interface TokenValidatorOptions {
  /** The tab's Azure AD app (client) id. */
  appId: string;
  /** Its application id URI, `api://<host>/<appId>`, when known. */
  appIdUri: string | null;
  jwksUrl: string;
  /** Tenants whose people may sign in; empty accepts any tenant (warned about once, here). */
  allowedTenantIds: readonly string[];
  log: { warn(o: object, msg: string): void };
}

/** The issuers Entra ID uses for a tenant: v2.0 and v1 tokens. */
const issuersFor = (tenantId: string): string[] => [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];

function refusal(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof errors.JWTExpired) return new SignInError('The sign-in token has expired; sign in again.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new SignInError('The sign-in token was issued for another application (wrong audience).');
    if (error.claim === 'nbf' || error.claim === 'iat') return new SignInError('The sign-in token is not valid yet; check the computer’s clock.');
    if (error.reason === 'missing') return new SignInError(`The sign-in token has no "${error.claim}" claim, so it is not a Teams sign-in token.`);
    return new SignInError(`The sign-in token's "${error.claim}" claim is not acceptable.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new SignInError('The sign-in token’s signature is not valid.');
  if (error instanceof errors.JWKSNoMatchingKey) return new SignInError('The sign-in token was signed with a key Microsoft Entra ID does not publish.');
  if (error instanceof errors.JOSEAlgNotAllowed) return new SignInError('The sign-in token is signed with an algorithm this app does not accept.');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return new SignInError('The Authorization header does not hold a well-formed sign-in token (JWT).');
  }
  return new SignInError('Sign-in cannot be checked right now: the Microsoft Entra ID signing keys could not be read. Try again in a minute.', 503);
}

/** The delegated scope the tab asks Teams for (see README: expose an API scope named access_as_user). */
const SSO_SCOPE = 'access_as_user';

export function createTokenValidator(opts: TokenValidatorOptions): TokenValidator {
  const keys = createRemoteJWKSet(new URL(opts.jwksUrl));
  const audience = opts.appIdUri ? [opts.appId, opts.appIdUri] : [opts.appId];
  if (opts.allowedTenantIds.length === 0) {
    opts.log.warn({}, 'ALLOWED_TENANT_IDS is empty: people from any Microsoft 365 tenant can sign in to the Programme tab. Set it to the council tenant id.');
  }
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        audience,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['iss', 'exp', 'tid', 'oid'],
      });
      const { tid, oid } = payload;
      if (typeof tid !== 'string' || typeof oid !== 'string' || !tid || !oid) throw new SignInError('The sign-in token’s tenant or user id is not a text value.');
      if (!issuersFor(tid).includes(payload.iss ?? '')) throw new SignInError('The sign-in token was not issued by Microsoft Entra ID for its own tenant (wrong issuer).');
      // A person signed in through the tab asks for the app's `access_as_user` scope; a token an app got for itself
      // (client credentials: no `scp`, `idtyp: app`) is not a member of staff looking at the tab.
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (payload.idtyp === 'app' || !scopes.includes(SSO_SCOPE)) throw new SignInError(`The sign-in token was not issued to a person for this app's ${SSO_SCOPE} scope.`);
      if (opts.allowedTenantIds.length > 0 && !opts.allowedTenantIds.includes(tid)) {
        throw new SignInError(`People from tenant ${tid} cannot sign in here: it is not in this server’s allowed tenants.`);
      }
      return { aadObjectId: oid, name: typeof payload.name === 'string' ? payload.name : '', tenantId: tid };
    } catch (error) {
      const refused = refusal(error);
      if (refused.status === 503) opts.log.warn({ reason: error instanceof Error ? error.message : String(error), jwksUrl: opts.jwksUrl }, 'SSO signing keys could not be read');
      throw refused;
    }
  };
}
