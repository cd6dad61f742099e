/**
 * A stand-in for Microsoft Entra ID and the Bot Framework's sign-in service in tests: a locally generated RSA key
 * pair whose public half is served as a JSON Web Key Set on loopback (point SSO_JWKS_URL at `jwksUrl`), with an
 * OpenID configuration naming it (point the bot's channel authentication at `openIdMetadataUrl`), and signers for
 * Teams-SSO-shaped tokens and for the tokens Teams sends with each activity.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, type KeyLike, SignJWT } from 'jose';

export const TEST_TENANT_ID = '5b0c1d6e-3f4a-4b5c-9d8e-7f6a5b4c3d2e';
export const OTHER_TENANT_ID = '9e8d7c6b-5a49-4382-b716-a5f4e3d2c1b0';
export const TEST_SSO_APP_ID = '2f6b8c1d-4e5a-4f6b-8c7d-9e0f1a2b3c4d';
export const TEST_PUBLIC_HOST = 'dsg-bot.council.example';
export const TEST_APP_ID_URI = `api://${TEST_PUBLIC_HOST}/${TEST_SSO_APP_ID}`;

export interface TokenOptions {
  /** Claims to add or replace (set one to undefined to leave it out). */
  claims?: JWTPayload & Record<string, unknown>;
  /** Seconds from now; negative for an expired token. Default one hour. */
  expiresIn?: number;
  /** 'published' (default); 'impostor': another key under the published key id; 'unknown': a key id the set does not hold. */
  key?: 'published' | 'impostor' | 'unknown';
  /** 'RS256' (default); 'none': no signature, under the published key id; 'HS256': signed with `secret`. */
  alg?: 'RS256' | 'none' | 'HS256';
  secret?: string;
}

/** Who the Bot Framework says signs the tokens Teams sends to bots. */
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface TokenIssuer {
  jwksUrl: string;
  /** The Bot Framework's OpenID configuration, naming `jwksUrl` as its key set. */
  openIdMetadataUrl: string;
  /** A v2.0 Teams SSO token for `oid` in the test tenant, for the test app. */
  sign(oid: string, name: string, options?: TokenOptions): Promise<string>;
  /** A token as the Bot Framework signs it for an activity to the bot `appId` answering at `serviceUrl`. */
  signChannel(appId: string, serviceUrl: string, options?: TokenOptions): Promise<string>;
  stop(): Promise<void>;
}

const KID = 'test-key-1';

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const published = await generateKeyPair('RS256');
  const impostor = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const openIdConfiguration = { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] };
    res.end(JSON.stringify(req.url?.includes('openid') ? openIdConfiguration : { keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function signClaims(defaults: Record<string, unknown>, options: TokenOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = { iat: now - 60, nbf: now - 60, exp: now + (options.expiresIn ?? 3600), ...defaults, ...options.claims };
    for (const k of Object.keys(claims)) if (claims[k] === undefined) delete claims[k];
    const kid = options.key === 'unknown' ? 'some-other-key' : KID;
    if (options.alg === 'none') {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${part({ alg: 'none', typ: 'JWT', kid })}.${part(claims)}.`;
    }
    if (options.alg === 'HS256') return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid }).sign(new TextEncoder().encode(options.secret ?? ''));
    const key: KeyLike = options.key === 'impostor' || options.key === 'unknown' ? impostor.privateKey : published.privateKey;
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key);
  }

  return {
    jwksUrl: `${base}/discovery/v2.0/keys`,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    sign(oid, name, options = {}) {
      const claims = { aud: TEST_SSO_APP_ID, iss: `https://login.microsoftonline.com/${TEST_TENANT_ID}/v2.0`, tid: TEST_TENANT_ID, oid, name, ver: '2.0', scp: 'access_as_user' };
      return signClaims(claims, options);
    },
    signChannel(appId, serviceUrl, options = {}) {
      return signClaims({ aud: appId, iss: BOT_FRAMEWORK_ISSUER, serviceurl: serviceUrl }, options);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
