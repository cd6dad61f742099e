/**
 * The Programme tab's API over real HTTP on loopback, with a real SQLite store and Teams SSO tokens signed by a
 * locally generated key whose key set is served on loopback (SSO_JWKS_URL). Without a token the answers carry
 * no person, id, link, note or free text (every personal value of fully populated projects is looked for in the
 * whole JSON); with a valid token they carry names, links and notes; every kind of bad token is a 401 with its
 * reason (logged, never with the token). The demo sign-in works only in local mode.
 */
import { createServer } from 'node:net';
import type { ProgrammeResponse, ProjectDetailResponse, SessionInfo } from '../../src/domain/programme-view-types';
import type { Store } from '../../src/app/ports';
import { loadConfig } from '../../src/config';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { createLogger } from '../../src/log';
import { type RunningBot, startBot } from '../../src/main';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { openStore } from '../../src/storage/open-store';
import { personalRecord } from '../support/personal-record';
import { sampleRequest } from '../support/sample-request';
import {
  OTHER_TENANT_ID,
  startTokenIssuer,
  TEST_APP_ID_URI,
  TEST_PUBLIC_HOST,
  TEST_SSO_APP_ID,
  TEST_TENANT_ID,
  type TokenIssuer,
} from '../support/token-issuer';
import { TestDatabase } from './support/test-bot';

const PUBLISHED = ['DP-2026-0001', 'DP-2026-0002', 'DP-2026-0003'];
const DECLINED = 'DP-2026-0004';
const PENDING = 'DP-2026-0005';
/** The Project Lead of every published project (see personalRecord). */
const LEAD_OID = 'PERSONAL-aad-lead';
const COLLEAGUE_OID = '0c7e5a1b-2d3f-4a6b-9c8d-1e2f3a4b5c6d';
const CHAIR = { aadObjectId: 'PERSONAL-aad-chair', name: 'PERSONAL-name-chair' };

/** Personal values a signed-in viewer with history rights sees. */
const SHOWN_WHEN_SIGNED_IN = [
  'PERSONAL-name-leader',
  'PERSONAL-name-lead',
  'PERSONAL-name-manager',
  'https://PERSONAL-link-business-case',
  'https://PERSONAL-link-plan',
  'PERSONAL-resourcing-note',
  'PERSONAL-requesterName',
  'PERSONAL-name-chair',
];
/** Personal values no one gets from the API: ids, free text, notes the tab does not show. */
const NEVER_SHOWN = ['PERSONAL-aad', 'PERSONAL-requesterId', 'PERSONAL-requestId', 'PERSONAL-formId', 'PERSONAL-problem', 'PERSONAL-outcome', 'PERSONAL-principlesHow', 'PERSONAL-reuseChecked', 'PERSONAL-justification', 'PERSONAL-nonCash', 'PERSONAL-benefit-note', 'PERSONAL-recordedBy', 'PERSONAL-revision', 'PERSONAL-decision-note', 'PERSONAL-refused', 'PERSONAL-milestoneId', TEST_TENANT_ID, COLLEAGUE_OID];

async function seed(store: Store): Promise<void> {
  for (const [i, reference] of PUBLISHED.entries()) {
    const { request, project } = personalRecord(reference, (['approved', 'in-delivery', 'completed'] as const)[i]);
    request.formId = `PERSONAL-formId-${reference}`;
    project.milestones = project.milestones.map((m) => ({ ...m, id: `${m.id}-${reference}` }));
    const { realisedBenefits } = project;
    await store.requests.insert(request, []);
    await store.projects.insert({ ...project, realisedBenefits: [] });
    for (const b of realisedBenefits) await store.projects.addRealisedBenefit(reference, b);
  }
  await store.requests.insert(sampleRequest({ reference: DECLINED, status: 'declined', title: 'Declined idea', requesterName: 'PERSONAL-declined-requester' }), []);
  await store.requests.insert(sampleRequest({ reference: PENDING, status: 'submitted', title: 'Pending idea', requesterName: 'PERSONAL-pending-requester' }), []);
  await store.settings.save({ ...EMPTY_SETTINGS, chair: CHAIR, updatedAt: '2026-09-01T09:00:00.000Z' }, 0);
  const event = { subjectType: 'request' as const, subjectId: PUBLISHED[0], outcome: 'done' as const, before: null, detail: null };
  await store.audit.record({ ...event, at: '2026-09-01T10:00:00.000Z', actorId: 'PERSONAL-requesterId', actorName: 'PERSONAL-requesterName', action: 'request.submit', after: { status: 'submitted' } });
  await store.audit.record({ ...event, at: '2026-10-01T09:00:00.000Z', actorId: '29:chair', actorName: CHAIR.name, action: 'request.approve', before: { status: 'submitted' }, after: { status: 'approved', priority: 'high' }, detail: 'PERSONAL-decision-note' });
  await store.audit.record({ ...event, at: '2026-10-02T09:00:00.000Z', actorId: '29:chair', actorName: CHAIR.name, action: 'request.assign', after: { projectLead: { aadObjectId: LEAD_OID, name: 'PERSONAL-name-lead' } } });
  await store.audit.record({ ...event, at: '2026-10-03T09:00:00.000Z', actorId: '29:x', actorName: 'PERSONAL-refused-actor', action: 'project.edit', outcome: 'refused', after: null, detail: 'PERSONAL-refused' });
  await store.audit.record({ ...event, at: '2026-10-04T09:00:00.000Z', actorId: '29:x', actorName: 'PERSONAL-viewer', action: 'project.view', after: null });
}

let db: TestDatabase;
let issuer: TokenIssuer;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  const store = await openStore({ sqlitePath: db.env.SQLITE_PATH });
  try {
    await seed(store);
  } finally {
    await store.close();
  }
  issuer = await startTokenIssuer();
});
afterAll(async () => {
  await issuer.stop();
  await db.dispose();
});

interface Api {
  bot: RunningBot;
  logs: string[];
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; text: string; body: any }>;
}

/** `jwksUrl`: where the tab's sign-in keys are read; an http:// key server on loopback, past the https rule of SSO_JWKS_URL. */
async function startApi(env: Record<string, string>, jwksUrl?: string): Promise<Api> {
  const logs: string[] = [];
  const loaded = loadConfig({ PLAYGROUND: 'off', ...db.env, ...env });
  const config = { ...loaded, port: 0, sso: loaded.sso && jwksUrl ? { ...loaded.sso, jwksUrl } : loaded.sso };
  const bot = await startBot(config, createLogger('info', { write: (line: string) => void logs.push(line) }));
  return {
    bot,
    logs,
    async get(path, headers = {}) {
      const res = await fetch(`${bot.url}${path}`, { headers });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
    },
  };
}

const WITH_CREDENTIALS = {
  MicrosoftAppId: 'b3d1c0a9-8e7f-4d6c-9b5a-4e3f2d1c0b9a',
  MicrosoftAppPassword: 'test-bot-secret',
  SSO_APP_ID: TEST_SSO_APP_ID,
  PUBLIC_URL: `https://${TEST_PUBLIC_HOST}`,
  ALLOWED_TENANT_IDS: TEST_TENANT_ID,
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('with bot credentials and Teams SSO', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(WITH_CREDENTIALS, issuer.jwksUrl);
  });
  afterAll(() => api.bot.stop());

  it('says the tab signs in with Teams SSO', async () => {
    const res = await api.get('/api/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual<SessionInfo>({ mode: 'teams-sso' });
  });

  describe('without a token', () => {
    it('lists the published programme with no person, id, link, note or free text, and no other request', async () => {
      const res = await api.get('/api/programme');
      expect(res.status).toBe(200);
      expect(res.headers.get('vary')).toMatch(/authorization/i);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = res.body as ProgrammeResponse;
      expect(body.viewer).toBeNull();
      expect(body.projects.map((p) => p.reference)).toEqual(PUBLISHED);
      expect(body.projects.map((p) => p.status)).toEqual(['Approved', 'In delivery', 'Completed']);
      expect(body.projects.every((p) => !('owners' in p))).toBe(true);
      expect(body.financialYear).toMatch(/^\d{4}\/\d{2}$/);
      expect(res.text).not.toContain('PERSONAL');
      expect(res.text).not.toContain('https://');
      for (const hidden of [DECLINED, PENDING, 'Declined idea', 'Pending idea']) expect(res.text).not.toContain(hidden);
    });

    it('shows a project without people: history says when and what, not who', async () => {
      const res = await api.get(`/api/projects/${PUBLISHED[0]}`);
      expect(res.status).toBe(200);
      const body = res.body as ProjectDetailResponse;
      expect(body.viewer).toBeNull();
      expect(res.text).not.toContain('PERSONAL');
      expect(res.text).not.toContain('https://');
      expect(body.project.businessCase).toEqual({ status: 'Approved', date: '2026-10-02' });
      expect(body.project.plan).toEqual({ present: true });
      expect(body.project.resourcing).toEqual({ confirmed: true });
      expect(body.project.realisedSavings).toEqual([
        { financialYear: '2026/27', cashSaving: 1000 },
        { financialYear: '2027/28', cashSaving: 5000 },
      ]);
      expect(body.project.history).toEqual([
        { at: '2026-10-02T09:00:00.000Z', what: 'Owners assigned' },
        { at: '2026-10-01T09:00:00.000Z', what: 'Approved' },
        { at: '2026-09-01T10:00:00.000Z', what: 'Submitted' },
      ]);
      // The measure as open data publishes it (no id, no one who recorded a figure), with its status and trend worked
      // out by the domain: 55% for Q2 against the 60% the path from 40% (1 Apr 2026) to 80% (31 Mar 2027) expects.
      expect(body.project.measures).toEqual([
        expect.objectContaining({
          name: 'Bookings made online',
          status: 'Off track',
          track: 'off-track',
          met: false,
          latest: { period: '2026-Q2', label: 'Q2 2026/27 (Jul–Sep 2026)', value: 55, date: '2026-09-30', expected: 60 },
          trend: [
            { label: 'Baseline', date: '2026-04-01', actual: 40, expected: 40 },
            { label: 'Q2 2026/27 (Jul–Sep 2026)', date: '2026-09-30', actual: 55, expected: 60 },
            { label: 'Target', date: '2027-03-31', actual: null, expected: 80 },
          ],
        }),
      ]);
    });
  });

  describe('with a valid token', () => {
    it('adds owners, links, notes and who did what for the Project Lead, never an id', async () => {
      const token = await issuer.sign(LEAD_OID, 'PERSONAL-name-lead');
      const list = await api.get('/api/programme', bearer(token));
      expect(list.status).toBe(200);
      expect(list.headers.get('cache-control')).toBe('no-store');
      expect(list.headers.get('vary')).toMatch(/authorization/i);
      expect((list.body as ProgrammeResponse).viewer).toEqual({ name: 'PERSONAL-name-lead', roles: ['Project Lead', 'Colleague'], via: 'teams-sso' });
      expect((list.body as ProgrammeResponse).projects[0].owners).toEqual({ digitalLeader: 'PERSONAL-name-leader', projectLead: 'PERSONAL-name-lead', projectManager: 'PERSONAL-name-manager' });

      const detail = await api.get(`/api/projects/${PUBLISHED[0]}`, bearer(token));
      expect(detail.status).toBe(200);
      expect(detail.headers.get('cache-control')).toBe('no-store');
      for (const shown of SHOWN_WHEN_SIGNED_IN) expect(detail.text).toContain(shown);
      for (const hidden of NEVER_SHOWN) expect(detail.text).not.toContain(hidden);
      for (const hidden of NEVER_SHOWN) expect(list.text).not.toContain(hidden);
      expect(detail.text).not.toContain(token);
      const { project } = detail.body as ProjectDetailResponse;
      expect(project.history).toEqual([
        { at: '2026-10-02T09:00:00.000Z', what: 'Owners assigned', by: CHAIR.name },
        { at: '2026-10-01T09:00:00.000Z', what: 'Approved', by: CHAIR.name },
        { at: '2026-09-01T10:00:00.000Z', what: 'Submitted', by: 'PERSONAL-requesterName' },
      ]);
    });

    it('gives a colleague names and links, but the history without who, as the bot’s history rules say', async () => {
      const token = await issuer.sign(COLLEAGUE_OID, 'Council Colleague');
      const res = await api.get(`/api/projects/${PUBLISHED[0]}`, bearer(token));
      expect(res.status).toBe(200);
      const body = res.body as ProjectDetailResponse;
      expect(body.viewer).toEqual({ name: 'Council Colleague', roles: ['Colleague'], via: 'teams-sso' });
      expect(body.project.owners?.projectLead).toBe('PERSONAL-name-lead');
      expect(body.project.businessCase.link).toBe('https://PERSONAL-link-business-case');
      expect(body.project.history.every((h) => h.by === undefined)).toBe(true);
      expect(res.text).not.toContain('PERSONAL-requesterName');
    });

    it('accepts a v1 token for the app id URI (derived from PUBLIC_URL), and a token just past its expiry', async () => {
      const v1 = await issuer.sign(COLLEAGUE_OID, 'Council Colleague', { claims: { aud: TEST_APP_ID_URI, iss: `https://sts.windows.net/${TEST_TENANT_ID}/`, ver: '1.0' } });
      expect((await api.get('/api/programme', bearer(v1))).body.viewer).toMatchObject({ name: 'Council Colleague' });
      const justExpired = await issuer.sign(COLLEAGUE_OID, 'Council Colleague', { expiresIn: -20 });
      expect((await api.get('/api/programme', bearer(justExpired))).status).toBe(200);
    });

    it('ignores the demo sign-in header: with credentials there is no demo', async () => {
      const res = await api.get('/api/programme', { 'x-demo-user': MOCK_USERS.dsgChair.aadObjectId });
      expect(res.status).toBe(200);
      expect(res.body.viewer).toBeNull();
      expect(res.text).not.toContain('PERSONAL');
    });
  });

  describe('with a token that does not hold', () => {
    const cases: [string, () => Promise<string>, RegExp][] = [
      ['from another tenant', () => issuer.sign(COLLEAGUE_OID, 'Outsider', { claims: { tid: OTHER_TENANT_ID, iss: `https://login.microsoftonline.com/${OTHER_TENANT_ID}/v2.0` } }), /tenant 9e8d7c6b-.* not in this server’s allowed tenants/],
      ['for another app', () => issuer.sign(COLLEAGUE_OID, 'X', { claims: { aud: '11111111-2222-4333-8444-555555555555' } }), /another application \(wrong audience\)/],
      ['from another issuer', () => issuer.sign(COLLEAGUE_OID, 'X', { claims: { iss: 'https://login.evil.example/tenant/v2.0' } }), /wrong issuer/],
      ['issued for another tenant than its own', () => issuer.sign(COLLEAGUE_OID, 'X', { claims: { iss: `https://login.microsoftonline.com/${OTHER_TENANT_ID}/v2.0` } }), /wrong issuer/],
      ['expired', () => issuer.sign(COLLEAGUE_OID, 'X', { expiresIn: -3600 }), /has expired/],
      ['signed by another key', () => issuer.sign(COLLEAGUE_OID, 'X', { key: 'impostor' }), /signature is not valid/],
      ['signed with a key not published', () => issuer.sign(COLLEAGUE_OID, 'X', { key: 'unknown' }), /key Microsoft Entra ID does not publish/],
      ['without a user id', () => issuer.sign(COLLEAGUE_OID, 'X', { claims: { oid: undefined } }), /no "oid" claim/],
      ['malformed', async () => 'not-a-jwt', /well-formed sign-in token/],
    ];

    it.each(cases)('refuses a token %s with 401, says why, and logs the reason without the token', async (_name, token, reason) => {
      const t = await token();
      for (const path of ['/api/programme', `/api/projects/${PUBLISHED[0]}`]) {
        const res = await api.get(path, bearer(t));
        expect(res.status).toBe(401);
        expect(res.body.error).toMatch(reason);
        expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.text).not.toContain('PERSONAL');
      }
      const logged = api.logs.filter((l) => l.includes('sign-in refused') && reason.test(JSON.parse(l).reason));
      expect(logged.length).toBeGreaterThanOrEqual(2);
      expect(api.logs.join('\n')).not.toContain(t);
    });

    it('refuses an Authorization header that is not a bearer token', async () => {
      const res = await api.get('/api/programme', { authorization: 'Basic dXNlcjpwYXNz' });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatch(/must be "Bearer "/);
    });
  });

  describe('projects not in the programme', () => {
    it.each([
      ['an unknown reference', 'DP-2026-0099'],
      ['a declined request', DECLINED],
      ['a pending request', PENDING],
    ])('answers 404 for %s, even signed in, without saying whether it exists', async (_name, reference) => {
      const token = await issuer.sign(LEAD_OID, 'PERSONAL-name-lead');
      for (const headers of [{}, bearer(token)]) {
        const res = await api.get(`/api/projects/${reference}`, headers);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ error: `${reference} is not in the Digital Programme.` });
        expect(res.text).not.toMatch(/idea|declined|submitted|PERSONAL/i);
      }
    });

    it('answers 400 for something that is not a reference, and reads a lower-case one', async () => {
      const bad = await api.get('/api/projects/robert%27);%20DROP%20TABLE');
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatch(/is not a project reference; references look like DP-2026-0007/);
      expect((await api.get('/api/projects/dp-2026-0002')).body.project.reference).toBe('DP-2026-0002');
    });
  });
});

describe('when the key set cannot be read', () => {
  it('answers 503 (sign-in cannot be checked now), not 401, and still serves the public view', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as { port: number };
    await new Promise((r) => closed.close(r));
    const api = await startApi(WITH_CREDENTIALS, `http://127.0.0.1:${port}/keys`);
    try {
      const res = await api.get('/api/programme', bearer(await issuer.sign(COLLEAGUE_OID, 'X')));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(res.body.error).toMatch(/cannot be checked right now/);
      expect((await api.get('/api/programme')).status).toBe(200);
    } finally {
      await api.bot.stop();
    }
  });
});

describe('in local mode (no bot credentials)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({});
  });
  afterAll(() => api.bot.stop());

  it('offers the demo sign-in as the Playground’s mock users', async () => {
    const res = await api.get('/api/session');
    const body = res.body as SessionInfo;
    expect(body.mode).toBe('local-demo');
    expect(body.demoUsers).toEqual(Object.values(MOCK_USERS).map((u) => ({ id: u.aadObjectId, name: u.name })));
  });

  it('signs in with X-Demo-User and answers with names, never cached', async () => {
    const res = await api.get(`/api/projects/${PUBLISHED[1]}`, { 'x-demo-user': MOCK_USERS.dsgChair.aadObjectId });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.viewer).toEqual({ name: 'DSG Chair', roles: ['Colleague'], via: 'local-demo' });
    expect(res.body.project.owners.projectLead).toBe('PERSONAL-name-lead');
  });

  it('refuses an unknown demo user with 401 and a clear message', async () => {
    const res = await api.get('/api/programme', { 'x-demo-user': 'nobody' });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('X-Demo-User "nobody" is not one of the demo users; GET /api/session lists them.');
  });

  it('refuses a token when Teams SSO is not set up', async () => {
    const res = await api.get('/api/programme', bearer(await issuer.sign(COLLEAGUE_OID, 'X')));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/Teams sign-in is not set up \(SSO_APP_ID is not set\)/);
  });
});
