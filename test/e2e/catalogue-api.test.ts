/**
 * GET /api/catalogue, the Programme tab's Catalogue page, over real HTTP on loopback with a real SQLite store: every
 * entry as open data publishes it (the same fields as /open/catalogue.json), retired ones marked, with its strands'
 * ids and its contract's state on the London day (ended, ending within 6 months, running, none); no personal data;
 * never cached; the viewer named with the demo sign-in (local mode), and an unknown one refused.
 */
import type { CatalogueResponse } from '../../src/domain/programme-view-types';
import { addDays, londonDate } from '../../src/domain/calendar';
import { addMonths } from '../../src/domain/solutions';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { sampleSolution } from '../support/sample-solution';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const today = londonDate(new Date());

let db: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  await db.read(async (store) => {
    await store.solutions.insert(sampleSolution({ id: 'ended', name: 'Ended', contractEnds: today }));
    await store.solutions.insert(sampleSolution({ id: 'ending', name: 'Ending', contractEnds: addMonths(today, 6) }));
    await store.solutions.insert(sampleSolution({ id: 'running', name: 'Running', contractEnds: addDays(addMonths(today, 6), 1), sharedWithPartners: true, sharedWith: 'Two neighbouring councils' }));
    await store.solutions.insert(sampleSolution({ id: 'none', name: 'No end', contractEnds: null, link: null }));
    await store.solutions.insert(sampleSolution({ id: 'retired', name: 'Retired', retired: true, contractEnds: addDays(today, -100) }));
  });
  t = await startTestBot(db, { OPEN_DATA: 'on' });
});
afterAll(async () => {
  await t?.stop();
  await db?.dispose();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${t.bot.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

describe('GET /api/catalogue', () => {
  it('gives every entry with its contract’s state today, as open data publishes it plus the strands’ ids', async () => {
    const res = await get('/api/catalogue');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('vary')).toMatch(/authorization/i);
    const body = res.body as CatalogueResponse;
    expect(body).toMatchObject({ today, viewer: null });
    expect(Date.parse(body.generatedAt)).not.toBeNaN();
    const state = Object.fromEntries(body.entries.map((e) => [e.name, [e.contract, e.contractStatus, e.retired]]));
    expect(state).toEqual({
      Ended: ['ended', 'Contract ended', false],
      Ending: ['ending', 'Contract ends within 6 months', false],
      Running: ['running', 'Contract runs', false],
      'No end': ['none', 'No licence or contract end date', false],
      Retired: ['ended', 'Contract ended', true],
    });
    const running = body.entries.find((e) => e.name === 'Running');
    expect(running).toMatchObject({ strandIds: ['customers', 'estates'], strands: ['Digital Customers', 'Digital Estates'], owningService: 'Customer Services', sharedWithPartners: true, sharedWith: 'Two neighbouring councils', link: 'https://intranet.council.example/bookings' });

    // Exactly open data's entries, with only the strands' ids and the state added.
    const open = (await get('/open/catalogue.json')).body as unknown[];
    expect(body.entries.map(({ strandIds: _ids, contract: _state, ...published }) => published)).toEqual(open);
    for (const entry of body.entries) expect(Object.keys(entry).sort()).toEqual([...Object.keys(open[0] as object), 'strandIds', 'contract'].sort());
  });

  it('names a signed-in viewer (the demo sign-in in local mode) and refuses an unknown one', async () => {
    const signed = await get('/api/catalogue', { 'x-demo-user': MOCK_USERS.dsgChair.aadObjectId });
    expect(signed.status).toBe(200);
    expect(signed.body.viewer).toMatchObject({ name: 'DSG Chair', via: 'local-demo' });
    expect(signed.body.entries).toHaveLength(5);
    const refused = await get('/api/catalogue', { 'x-demo-user': 'nobody' });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatch(/is not one of the demo users/);
  });
});
