/**
 * Open data end to end: the demo programme (with its role-named people) seeded through the real store,
 * then GET /open/programme.json and .csv from the real HTTP server: only approved, in-delivery and completed
 * projects, and no person's name or id anywhere. With OPEN_DATA off both answer 404.
 */
import { seedDemo } from '../../src/demo/seed';
import { DEMO_PEOPLE } from '../../src/demo/people';
import { CATALOGUE_CSV_HEADER, OPEN_CSV_HEADER, type OpenSolution } from '../../src/domain/open-data';
import { REQUEST_STATUSES, type RequestStatus } from '../../src/domain/request';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { openStore } from '../../src/storage/open-store';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const OPEN: readonly RequestStatus[] = ['approved', 'in-delivery', 'completed'];

let db: TestDatabase;
let t: TestBot | undefined;
let published: string[];
let unpublished: string[];

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  const store = await openStore({ sqlitePath: db.env.SQLITE_PATH });
  try {
    await seedDemo(store, { now: () => new Date() });
    const all = (await store.requests.listByStatus(REQUEST_STATUSES, 0, 10_000)).items;
    published = all.filter((r) => OPEN.includes(r.status)).map((r) => r.reference);
    unpublished = all.filter((r) => !OPEN.includes(r.status)).map((r) => r.reference);
  } finally {
    await store.close();
  }
  expect(published.length).toBeGreaterThan(5);
  expect(unpublished.length).toBeGreaterThan(5);
});

afterEach(async () => {
  await t?.stop();
  t = undefined;
});
afterAll(() => db.dispose());

/** Every person the demo and the mock tenant know: names, Teams ids and AAD object ids. */
const people = [...Object.values(DEMO_PEOPLE), ...Object.values(MOCK_USERS)];
const personalStrings = [...new Set(people.flatMap((p) => [p.name, p.id, p.aadObjectId]))];

const get = (path: string) => fetch(`${t!.bot.url}${path}`);

describe('with OPEN_DATA=on', () => {
  it('publishes the approved programme as JSON, cacheable, without declined or pending requests or people', async () => {
    t = await startTestBot(db, { OPEN_DATA: 'on' });
    const res = await get('/open/programme.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const text = await res.text();
    const body = JSON.parse(text) as { reference: string; status: string }[];
    expect(body.map((p) => p.reference).sort()).toEqual([...published].sort());
    expect(new Set(body.map((p) => p.status))).toEqual(new Set(['Approved', 'In delivery', 'Completed']));
    for (const reference of unpublished) expect(text).not.toContain(reference);
    for (const s of personalStrings) expect(text).not.toContain(s);
    expect(text).not.toContain(MOCK_TENANT.tenantId);
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('publishes the same programme as a CSV download, one line per project', async () => {
    t = await startTestBot(db, { OPEN_DATA: 'on' });
    const res = await get('/open/programme.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="digital-programme.csv"');
    const text = await res.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(OPEN_CSV_HEADER.join(','));
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(published.length);
    expect(rows.map((l) => l.split(',')[0]).sort()).toEqual([...published].sort());
    for (const reference of unpublished) expect(text).not.toContain(reference);
    for (const s of personalStrings) expect(text).not.toContain(s);
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('publishes the re-use catalogue as JSON and CSV: every entry with its service and contract, no people', async () => {
    t = await startTestBot(db, { OPEN_DATA: 'on' });
    const res = await get('/open/catalogue.json');
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as OpenSolution[];
    expect(body).toHaveLength(15);
    expect(body.find((s) => s.name === 'Community hall and room booking')).toMatchObject({ owningService: 'Customer Services', strands: ['Digital Customers', 'Digital Estates'], contractStatus: 'Contract ends within 6 months' });
    for (const s of personalStrings) expect(text).not.toContain(s);
    expect(text).not.toMatch(/@/);

    const csv = await get('/open/catalogue.csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="re-use-catalogue.csv"');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(CATALOGUE_CSV_HEADER.join(','));
    expect(lines.slice(1, -1)).toHaveLength(15);
    expect(lines.find((l) => l.startsWith('Community hall and room booking,'))).toContain(',Customer Services,Digital Customers; Digital Estates,');
  });
});

describe('with OPEN_DATA off (the default)', () => {
  it.each(['/open/programme.json', '/open/programme.csv', '/open/catalogue.json'])('%s answers 404 saying publishing is off', async (path) => {
    t = await startTestBot(db);
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/publishing is off/i);
  });
});
