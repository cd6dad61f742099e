/**
 * With bot credentials every POST /api/messages is authenticated by the real CloudAdapter path, against the Bot
 * Framework's OpenID configuration and keys served on loopback by a locally generated key pair. Every kind of token
 * that does not hold is a 401 with a short generic body (the reason only in the log) and nothing is handled or
 * stored; sign-in metadata that cannot be read is a 503 with Retry-After, logged at error level.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { createLogger } from '../../src/log';
import { startTokenIssuer, TEST_PUBLIC_HOST, type TokenIssuer, type TokenOptions } from '../support/token-issuer';
import { invokeAction, message } from './support/activities';
import { invokeCard, wordsOf } from './support/card-reading';
import { rawRequest } from './support/raw-http';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const APP_ID = 'b3d1c0a9-8e7f-4d6c-9b5a-4e3f2d1c0b9a';
const APP_PASSWORD = 'test-bot-secret-that-signs-nothing';
const CREDENTIALS = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, PUBLIC_URL: `https://${TEST_PUBLIC_HOST}` };

/** Words a body must never carry: library error text, stack frames, keys or the token. */
const LEAKS = /signature|jwt|token|key|issuer|audience|ECONN|ENOTFOUND|\w+Error|at \S+\.js|node_modules/i;

let db: TestDatabase;
let issuer: TokenIssuer;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  issuer = await startTokenIssuer();
});
afterAll(async () => {
  await issuer?.stop();
  await db?.dispose();
});

/** A bot with credentials whose logs are kept; `metadataUrl` is where it reads the Bot Framework's keys. */
async function startAuthenticatedBot(metadataUrl: string, timeoutMs?: number): Promise<TestBot & { logs: () => Record<string, any>[] }> {
  const lines: string[] = [];
  const t = await startTestBot(db, CREDENTIALS, undefined, undefined, {
    channelAuth: { openIdMetadataUrl: metadataUrl, timeoutMs },
    log: createLogger('info', { write: (line: string) => void lines.push(line) }),
  });
  return { ...t, logs: () => lines.map((l) => JSON.parse(l)) };
}

const stored = (personId: string) => db.knowsPerson(personId);

const person = (n: string) => ({ ...MOCK_USERS.councilOfficer, id: `29:auth-${n}`, aadObjectId: undefined });

describe('with bot credentials', () => {
  let t: Awaited<ReturnType<typeof startAuthenticatedBot>>;
  // The SDK writes its own view of each refused token to the console; the bot's log has what matters.
  let quiet: jest.SpyInstance;
  beforeAll(async () => {
    quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    t = await startAuthenticatedBot(issuer.openIdMetadataUrl);
  });
  afterAll(async () => {
    await t?.stop();
    quiet.mockRestore();
  });

  const token = (options: TokenOptions = {}, serviceUrl = t.opts.serviceUrl) => issuer.signChannel(APP_ID, serviceUrl, options);

  it('handles a press with a valid token and answers in the response', async () => {
    const res = await t.post(invokeAction('help.show', {}, { ...t.opts, from: person('valid') }), { authorization: `Bearer ${await token()}` });
    expect(res.status).toBe(200);
    expect(wordsOf(invokeCard(res.body))).toContain('How to use dsg-bot');
    expect(await stored('29:auth-valid')).toBe(true);
  });

  const cases: [string, () => Promise<string | undefined>, RegExp][] = [
    ['no Authorization header', async () => undefined, /not authorized/i],
    ['an Authorization header that is not a bearer token', async () => 'Basic dXNlcjpwYXNz', /No valid identity/],
    ['a token that is not a JWT', async () => 'Bearer not-a-jwt', /No valid identity/],
    ['a bad signature (another key under the published key id)', async () => `Bearer ${await token({ key: 'impostor' })}`, /invalid signature/],
    ['an unknown key', async () => `Bearer ${await token({ key: 'unknown' })}`, /Signing Key could not be retrieved/],
    ['alg none under the published key id', async () => `Bearer ${await token({ alg: 'none' })}`, /signature is required|invalid algorithm/],
    ['HS256 signed with the app password', async () => `Bearer ${await token({ alg: 'HS256', secret: APP_PASSWORD })}`, /invalid algorithm/],
    ['an expired token', async () => `Bearer ${await token({ expiresIn: -3600 })}`, /expired/],
    ['a token for another bot (wrong audience)', async () => `Bearer ${await token({ claims: { aud: '11111111-2222-4333-8444-555555555555' } })}`, /Invalid AppId/],
    ['a token from another issuer', async () => `Bearer ${await token({ claims: { iss: 'https://login.evil.example/' } })}`, /No valid identity/],
    ['a serviceUrl that does not match the token', async () => `Bearer ${await token({}, 'https://smba.trafficmanager.net/teams/')}`, /ServiceUrl claim do not match/],
  ];

  it.each(cases.map(([name, header, reason], i) => [name, header, reason, i] as const))(
    'refuses %s with 401 and a short generic body, logs why, and handles nothing',
    async (_name, header, reason, i) => {
      const authorization = await header();
      const from = person(`refused-${i}`);
      for (const activity of [invokeAction('request.new', { fresh: true }, { ...t.opts, from }), message('new', { ...t.opts, from })]) {
        const res = await t.post(activity, authorization ? { authorization } : {});
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: 'Unauthorized.' });
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
      }
      const logged = t.logs().filter((l) => l.msg === 'authentication refused' && l.activityId);
      expect(logged.some((l) => reason.test(l.reason))).toBe(true);
      if (authorization) expect(JSON.stringify(t.logs())).not.toContain(authorization.split(' ')[1]);
      expect(await stored(from.id)).toBe(false);
      expect(t.connector.requests).toHaveLength(0);
    },
  );

  it('answers its public Host: with credentials the bot sits behind its public address', async () => {
    const res = await rawRequest(`${t.bot.url}/healthz`, { headers: { host: TEST_PUBLIC_HOST } });
    expect(res.status).toBe(200);
  });
});

/** An OpenID configuration server on loopback that fails ('down': 500, 'hang': never answers) until told to work. */
async function startFlakyMetadata(issuerUrl: string): Promise<{ url: string; mode: 'down' | 'hang' | 'up'; stop(): Promise<void> }> {
  const state = { mode: 'down' as 'down' | 'hang' | 'up' };
  const server: Server = createServer((req, res) => {
    // Separate statements: restify (loaded in this worker) patches writeHead to return nothing.
    if (state.mode === 'hang') return;
    if (state.mode === 'down') {
      res.writeHead(500);
      res.end();
      return;
    }
    void fetch(issuerUrl).then(async (r) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(await r.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  return Object.assign(state, {
    url,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}

describe('when the Bot Framework sign-in metadata cannot be read', () => {
  let quiet: jest.SpyInstance;
  beforeAll(() => (quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)));
  afterAll(() => quiet.mockRestore());

  const expectUnavailable = async (t: Awaited<ReturnType<typeof startAuthenticatedBot>>, from: { id: string }) => {
    const authorization = `Bearer ${await issuer.signChannel(APP_ID, t.opts.serviceUrl)}`;
    const res = await t.post(invokeAction('help.show', {}, { ...t.opts, from }), { authorization });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.body).toEqual({ error: 'Sign-ins cannot be checked right now; try again later.' });
    expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
    const logged = t.logs().filter((l) => l.msg.startsWith('the Bot Framework sign-in metadata could not be read'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.every((l) => l.level === 50)).toBe(true);
    return logged;
  };

  it('answers 503 with Retry-After when nothing listens there, and logs the cause at error level', async () => {
    // Port 1 (tcpmux): nothing listens there, and no test can take it meanwhile, as a just-closed ephemeral port could be.
    const t = await startAuthenticatedBot('http://127.0.0.1:1/v1/.well-known/openidconfiguration');
    try {
      const logged = await expectUnavailable(t, person('unreachable'));
      expect(logged.some((l) => /ECONNREFUSED/.test(l.reason))).toBe(true);
      expect(await stored('29:auth-unreachable')).toBe(false);
    } finally {
      await t.stop();
    }
  });

  it('answers 503 while the metadata fails or hangs, then authenticates again once it is back', async () => {
    const metadata = await startFlakyMetadata(issuer.openIdMetadataUrl);
    const t = await startAuthenticatedBot(metadata.url, 500);
    try {
      await expectUnavailable(t, person('down'));
      metadata.mode = 'hang';
      const started = Date.now();
      await expectUnavailable(t, person('hang'));
      expect(Date.now() - started).toBeLessThan(5_000);
      metadata.mode = 'up';
      const authorization = `Bearer ${await issuer.signChannel(APP_ID, t.opts.serviceUrl)}`;
      const res = await t.post(invokeAction('help.show', {}, { ...t.opts, from: person('back') }), { authorization });
      expect(res.status).toBe(200);
      expect(await stored('29:auth-down')).toBe(false);
      expect(await stored('29:auth-back')).toBe(true);
    } finally {
      await t.stop();
      await metadata.stop();
    }
  });
});
