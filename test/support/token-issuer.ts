/**
 * A stand-in for Microsoft Entra ID in tests: a locally generated RSA key pair whose public half is served as a
 * JSON Web Key Set on loopback (point SSO_JWKS_URL at `jwksUrl`), and a signer for Teams-SSO-shaped tokens.
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
}

export interface TokenIssuer {
  jwksUrl: string;
  /** A v2.0 Teams SSO token for `oid` in the test tenant, for the test app. */
  sign(oid: string, name: string, options?: TokenOptions): Promise<string>;
  stop(): Promise<void>;
}

const KID = 'test-key-1';

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const published = await generateKeyPair('RS256');
  const impostor = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    async sign(oid, name, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        aud: TEST_SSO_APP_ID,
        iss: `https://login.microsoftonline.com/${TEST_TENANT_ID}/v2.0`,
        tid: TEST_TENANT_ID,
        oid,
        name,
        ver: '2.0',
        scp: 'access_as_user',
        iat: now - 60,
        nbf: now - 60,
        exp: now + (options.expiresIn ?? 3600),
        ...options.claims,
      };
      for (const k of Object.keys(claims)) if (claims[k] === undefined) delete claims[k];
      const key: KeyLike = options.key === 'impostor' || options.key === 'unknown' ? impostor.privateKey : published.privateKey;
      const kid = options.key === 'unknown' ? 'some-other-key' : KID;
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
