/**
 * GET /api/meetings, the Programme tab's Meetings page, over real HTTP on loopback with a real SQLite store and
 * Teams SSO tokens from a local key set. Without a token: no name, note, link or title of a request awaiting a
 * decision anywhere in the JSON (every personal value is a marker looked for in the whole text); counts of
 * attendees, outcomes without who, action owners by role. With a token: names, notes and signed links that
 * download the minutes; the requests awaiting a decision only for the DSG chair. Unpublished minutes are not
 * shown as minutes.
 */
import type { AgendaEntryView, MeetingsResponse } from '../../src/domain/programme-view-types';
import type { Store } from '../../src/app/ports';
import { addDays, londonDate } from '../../src/domain/calendar';
import { HIDDEN_REQUEST } from '../../src/domain/meetings-page';
import { type Meeting, type MeetingAction, startMeeting } from '../../src/domain/meetings';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type RunningBot, startBot } from '../../src/main';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { personalRecord } from '../support/personal-record';
import { sampleRequest } from '../support/sample-request';
import { startTokenIssuer, TEST_PUBLIC_HOST, TEST_SSO_APP_ID, TEST_TENANT_ID, type TokenIssuer } from '../support/token-issuer';
import { TestDatabase } from './support/test-bot';

const PUBLISHED = 'DP-2026-0001';
const PENDING = 'DP-2026-0005';
const LEAD = { aadObjectId: 'PERSONAL-aad-lead', name: 'PERSONAL-name-lead' };
const CHAIR = { aadObjectId: 'PERSONAL-aad-chair', name: 'PERSONAL-name-chair' };
const OTHER_OWNER = { aadObjectId: 'PERSONAL-aad-other', name: 'PERSONAL-name-other' };
const COLLEAGUE_OID = '0c7e5a1b-2d3f-4a6b-9c8d-1e2f3a4b5c6d';

const today = londonDate(new Date());
const NEXT = addDays(today, 14);
const LATER = addDays(today, 42);
const HELD = addDays(today, -40);
const DRAFT = addDays(today, -2);

/** Names, notes and free text only a signed-in viewer gets. */
const SIGNED_IN_ONLY = ['PERSONAL-link', 'PERSONAL-name-attendee-1', 'PERSONAL-name-attendee-2', 'PERSONAL-name-apology', 'PERSONAL-name-chair', 'PERSONAL-decision-note', 'PERSONAL-minutes-notes', 'PERSONAL-name-lead', 'PERSONAL-name-other', 'PERSONAL-name-adder'];
/** What only the DSG and admins see: the requests awaiting a decision. */
const DSG_ONLY = [PENDING, 'Pending idea', 'PERSONAL-pending-requester'];

function heldMeeting(id: string, date: string, published: boolean): Meeting {
  const agenda = [
    { id: `governance:${PUBLISHED}`, source: 'governance' as const, reference: PUBLISHED, title: `Online booking ${PUBLISHED}`, detail: 'Missing: Implementation plan', addedBy: null },
    { id: `awaiting-decision:${PENDING}`, source: 'awaiting-decision' as const, reference: PENDING, title: 'Pending idea', detail: 'Submitted 1 Sep 2026 by PERSONAL-pending-requester', addedBy: null },
    { id: 'added:1', source: 'added' as const, reference: null, title: 'Website analytics', detail: 'Added by PERSONAL-name-adder', addedBy: 'PERSONAL-name-adder' },
    { id: 'added:2', source: 'added' as const, reference: null, title: 'Any other business', detail: 'Added by PERSONAL-name-adder', addedBy: 'PERSONAL-name-adder' },
  ];
  const at = `${date}T10:30:00.000Z`;
  return {
    ...startMeeting(id, date, '10:00', agenda, CHAIR.name, `${date}T10:00:00.000Z`),
    status: 'ended',
    attendees: [
      { aadObjectId: 'PERSONAL-aad-a1', name: 'PERSONAL-name-attendee-1' },
      { aadObjectId: 'PERSONAL-aad-a2', name: 'PERSONAL-name-attendee-2' },
    ],
    apologies: [{ aadObjectId: 'PERSONAL-aad-ap', name: 'PERSONAL-name-apology' }],
    outcomes: {
      [agenda[0].id]: { kind: 'decision', action: 'approve', note: 'PERSONAL-decision-note', by: CHAIR.name, at },
      [agenda[1].id]: { kind: 'deferred', by: CHAIR.name, at },
      [agenda[2].id]: { kind: 'noted', note: null, by: CHAIR.name, at },
    },
    notes: 'PERSONAL-minutes-notes',
    endedAt: `${date}T11:00:00.000Z`,
    publishedAt: published ? `${date}T15:00:00.000Z` : null,
    publishedBy: published ? CHAIR.name : null,
  };
}

const action = (id: string, meetingId: string, what: string, owner: typeof LEAD, reference: string | null, due: string): MeetingAction => ({
  id,
  meetingId,
  itemId: `governance:${PUBLISHED}`,
  reference,
  what,
  owner,
  due,
  createdAt: `${HELD}T10:30:00.000Z`,
  createdBy: CHAIR.name,
  doneAt: null,
  doneBy: null,
});

async function seed(store: Store): Promise<void> {
  const { request, project } = personalRecord(PUBLISHED, 'approved');
  await store.requests.insert(request, []);
  await store.projects.insert({ ...project, realisedBenefits: [] });
  await store.requests.insert(sampleRequest({ reference: PENDING, status: 'submitted', title: 'Pending idea', requesterName: 'PERSONAL-pending-requester' }), []);
  await store.settings.save({ ...EMPTY_SETTINGS, chair: CHAIR, meetings: [{ date: LATER, startTime: '10:00', place: null }, { date: NEXT, startTime: '14:00', place: 'https://teams.microsoft.com/l/meetup-join/PERSONAL-link' }], updatedAt: `${today}T09:00:00.000Z` }, 0);
  await store.meetings.insert(heldMeeting('m-held', HELD, true));
  await store.meetings.insert(heldMeeting('m-draft', DRAFT, false));
  await store.meetings.addAction(action('a-lead', 'm-held', 'Bring the plan', LEAD, PUBLISHED, addDays(today, 10)));
  await store.meetings.addAction(action('a-other', 'm-held', 'Ask about the pilot', OTHER_OWNER, PENDING, addDays(today, -3)));
  await store.meetings.addAddition({ id: 'add-1', reference: null, text: 'Budget review', addedById: 'PERSONAL-aad-adder', addedByName: 'PERSONAL-name-adder', addedAt: `${today}T08:00:00.000Z`, meetingId: null });
}

let db: TestDatabase;
let issuer: TokenIssuer;
let bot: RunningBot;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  await db.read(seed);
  issuer = await startTokenIssuer();
  const loaded = loadConfig({
    PLAYGROUND: 'off',
    ...db.env,
    MicrosoftAppId: 'b3d1c0a9-8e7f-4d6c-9b5a-4e3f2d1c0b9a',
    MicrosoftAppPassword: 'test-bot-secret',
    SSO_APP_ID: TEST_SSO_APP_ID,
    PUBLIC_URL: `https://${TEST_PUBLIC_HOST}`,
    ALLOWED_TENANT_IDS: TEST_TENANT_ID,
  });
  bot = await startBot({ ...loaded, port: 0, sso: loaded.sso && { ...loaded.sso, jwksUrl: issuer.jwksUrl } }, createLogger('silent'));
});
afterAll(async () => {
  await bot?.stop();
  await issuer?.stop();
  await db?.dispose();
});

async function get(path: string, token?: string): Promise<{ status: number; headers: Headers; text: string; body: MeetingsResponse }> {
  const res = await fetch(`${bot.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

const titles = (entries: AgendaEntryView[]) => entries.map((e) => e.title);

describe('without a token', () => {
  it('shows the next meeting and its agenda without a name, and no request awaiting a decision', async () => {
    const res = await get('/api/meetings');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('vary')).toMatch(/authorization/i);
    expect(res.text).not.toContain('PERSONAL');
    expect(res.text).not.toContain('https://');
    for (const hidden of DSG_ONLY) expect(res.text).not.toContain(hidden);
    const { viewer, next, later } = res.body;
    expect(viewer).toBeNull();
    // With its start time; the Teams link (a way in) only for signed-in viewers.
    expect(next).toMatchObject({ date: NEXT, startTime: '14:00', place: 'Online (Teams meeting)', inProgress: false });
    expect(later).toEqual([LATER]);
    // The pending request stays on the agenda, unnamed; the open actions say whose role they are; the addition has no "added by".
    expect(next!.agenda).toContainEqual({ section: 'Awaiting a decision', reference: null, title: HIDDEN_REQUEST });
    expect(next!.agenda).toContainEqual({ section: 'Open action', reference: PUBLISHED, title: 'Bring the plan', detail: expect.stringMatching(/^the Project Lead, due /) });
    expect(next!.agenda).toContainEqual({ section: 'Open action', reference: null, title: 'Ask about the pilot', detail: expect.stringMatching(/^an owner, due /) });
    expect(next!.agenda).toContainEqual({ section: 'Added by a member', reference: null, title: 'Budget review' });
  });

  it('shows the published minutes with counts, outcomes without who, and owners by role; unpublished minutes are not minutes', async () => {
    const { body } = await get('/api/meetings');
    expect(body.past.map((m) => m.date)).toEqual([DRAFT, HELD]);
    expect(body.past[0].minutes).toBeNull();
    const minutes = body.past[1].minutes!;
    expect(minutes).toMatchObject({ attendeeCount: 2, apologyCount: 1 });
    for (const key of ['attendees', 'apologies', 'notes', 'downloads']) expect(minutes).not.toHaveProperty(key);
    expect(minutes.items.map((i) => [i.title, i.outcome])).toEqual([
      [`Online booking ${PUBLISHED}`, 'Approved'],
      [HIDDEN_REQUEST, 'Deferred to the next meeting'],
      ['Website analytics', 'Noted'],
      ['Any other business', 'Not discussed'],
    ]);
    expect(minutes.items.every((i) => i.by === undefined && i.note === undefined)).toBe(true);
    expect(minutes.actions.map((a) => [a.what, a.owner, a.reference])).toEqual([
      ['Ask about the pilot', 'an owner', null],
      ['Bring the plan', 'the Project Lead', PUBLISHED],
    ]);
  });
});

describe('signed in', () => {
  it('gives a colleague names, notes and download links, but not the requests awaiting a decision', async () => {
    const res = await get('/api/meetings', await issuer.sign(COLLEAGUE_OID, 'Council Colleague'));
    expect(res.status).toBe(200);
    expect(res.body.viewer).toEqual({ name: 'Council Colleague', roles: ['Colleague'], via: 'teams-sso' });
    for (const shown of SIGNED_IN_ONLY) expect(res.text).toContain(shown);
    for (const hidden of DSG_ONLY) expect(res.text).not.toContain(hidden);
    expect(res.text).not.toContain('PERSONAL-aad');
    const minutes = res.body.past[1].minutes!;
    expect(minutes.attendees).toEqual(['PERSONAL-name-attendee-1', 'PERSONAL-name-attendee-2']);
    expect(minutes.apologies).toEqual(['PERSONAL-name-apology']);
    expect(minutes.items[0]).toMatchObject({ outcome: 'Approved', by: CHAIR.name, note: 'PERSONAL-decision-note' });
    expect(minutes.actions.map((a) => a.owner)).toEqual([OTHER_OWNER.name, LEAD.name]);
    expect(minutes.notes).toBe('PERSONAL-minutes-notes');
    expect(res.body.past[0].minutes).toBeNull();
    expect(titles(res.body.next!.agenda)).toContain(HIDDEN_REQUEST);
    expect(res.body.next).toMatchObject({ date: NEXT, startTime: '14:00', place: 'https://teams.microsoft.com/l/meetup-join/PERSONAL-link' });
  });

  it('gives the chair the requests awaiting a decision too', async () => {
    const res = await get('/api/meetings', await issuer.sign(CHAIR.aadObjectId, CHAIR.name));
    expect(res.body.viewer?.roles).toContain('DSG chair');
    expect(res.body.next!.agenda).toContainEqual({ section: 'Awaiting a decision', reference: PENDING, title: 'Pending idea', detail: expect.stringContaining('PERSONAL-pending-requester') });
    expect(res.body.past[1].minutes!.items[1].title).toBe('Pending idea');
    expect(res.text).not.toContain(HIDDEN_REQUEST);
  });

  it('links to the minutes as Word and HTML through signed links that download', async () => {
    const { body } = await get('/api/meetings', await issuer.sign(COLLEAGUE_OID, 'Council Colleague'));
    const { downloads } = body.past[1].minutes!;
    expect(downloads?.docx).toMatch(new RegExp(`^https://${TEST_PUBLIC_HOST}/minutes/${HELD}\\.docx\\?`));
    for (const link of [downloads!.docx, downloads!.html]) {
      const url = new URL(link);
      const res = await fetch(`${bot.url}${url.pathname}${url.search}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    }
    const html = await (await fetch(`${bot.url}${new URL(downloads!.html).pathname}${new URL(downloads!.html).search}`)).text();
    expect(html).toContain('PERSONAL-name-attendee-1');
    const tampered = new URL(downloads!.docx);
    tampered.searchParams.set('token', 'x');
    expect((await fetch(`${bot.url}${tampered.pathname}${tampered.search}`)).status).toBe(403);
  });

  it('refuses a token that does not hold with 401 and no content', async () => {
    const res = await get('/api/meetings', await issuer.sign(COLLEAGUE_OID, 'X', { expiresIn: -3600 }));
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('PERSONAL');
  });

  it('ignores the demo sign-in header: with bot credentials there is no demo', async () => {
    const res = await fetch(`${bot.url}/api/meetings`, { headers: { 'x-demo-user': MOCK_USERS.dsgChair.aadObjectId } });
    expect(await res.text()).not.toContain('PERSONAL');
  });
});
