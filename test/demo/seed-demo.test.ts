import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Clock, Store } from '../../src/app/ports';
import { demoProgramme, summarise } from '../../src/demo/programme';
import { REQUEST_STATUSES, type RequestStatus } from '../../src/domain/request';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { termsOf } from '../../src/domain/similarity';
import { contractState, matchSolutions } from '../../src/domain/solutions';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { SeedRefused, seedDemo, summaryText } from '../../src/seed-demo';
import { openStore } from '../../src/storage/open-store';
import { healthOf } from '../../src/domain/health';
import { healthRules } from '../support/health-rules';

const NOW = '2026-11-27T10:00:00.000Z';
const clock: Clock = { now: () => new Date(NOW) };
const expected = summarise(demoProgramme(NOW.slice(0, 10)));

async function allRequests(store: Store) {
  return (await store.requests.listByStatus(REQUEST_STATUSES, 0, 10_000)).items;
}

/** What a seeded store holds, counted through the repositories. */
async function contents(store: Store) {
  const requests = await allRequests(store);
  const projects = await store.projects.listWithRequests();
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, requests.filter((r) => r.status === s).length])) as Record<RequestStatus, number>;
  return {
    requests: requests.length,
    projects: projects.length,
    milestones: projects.reduce((n, p) => n + p.project.milestones.length, 0),
    realisedBenefits: projects.reduce((n, p) => n + p.project.realisedBenefits.length, 0),
    byStatus,
    references: requests.map((r) => r.reference),
  };
}

/** The checks every engine must pass after one seeding of an empty database. */
async function expectSeeded(store: Store): Promise<void> {
  const held = await contents(store);
  expect(held).toMatchObject({
    requests: expected.requests,
    projects: expected.projects,
    milestones: expected.milestones,
    realisedBenefits: expected.realisedBenefits,
    byStatus: expected.byStatus,
  });
  expect(new Set(held.references).size).toBe(held.requests);

  const settings = await store.settings.get();
  expect(settings).toMatchObject({ channel: null, chair: { name: 'DSG Chair', aadObjectId: MOCK_USERS.dsgChair.aadObjectId }, version: 1 });
  // The Minute Taker is a DSG member by role title; they published the past meeting's minutes (below).
  expect(settings.minuteTaker).toEqual({ name: 'Digital Leader (Learning)', aadObjectId: MOCK_USERS.digitalLeaderLearning.aadObjectId });
  expect(Object.keys(settings.leaders)).toHaveLength(7);
  expect(settings.meetings).toHaveLength(2);

  expect(await store.people.get(MOCK_USERS.councilOfficer.id)).toMatchObject({ name: 'Council Officer', conversationRef: null, reachable: true });
  expect(await store.people.findByAadObjectId(MOCK_USERS.projectLeadLearning2.aadObjectId)).toMatchObject({ name: 'Project Lead (Learning) 2' });
  const mine = await store.requests.listByRequester(MOCK_USERS.councilOfficer.id, 0, 5);
  expect(mine.total).toBeGreaterThan(expected.requests / 2);

  // A merged request points at the request it duplicates, which exists.
  const merged = (await allRequests(store)).find((r) => r.title === 'Book a special uplift online')!;
  const triage = await store.triage.get(merged.reference);
  const into = await store.requests.getByReference(triage!.duplicateOf!);
  expect(into?.title).toBe('Online booking for bulky uplifts');

  // The project reads back whole, with its history, and the search index knows the requests.
  const project = await store.projects.get(into!.reference);
  expect(project?.milestones.length).toBe(5);
  expect(project?.milestones.some((m) => m.revisions.length > 0)).toBe(true);
  const history = await store.audit.listFor('request', into!.reference);
  expect(history.map((e) => e.action)).toEqual(expect.arrayContaining(['request.submit', 'request.approve', 'request.assign', 'milestone.add', 'request.start-delivery']));
  const similar = await store.requests.findSimilar(termsOf('Book bulky uplifts online', 'Booking a bulky uplift for furniture'), 5);
  expect(similar.map((s) => s.request.reference)).toContain(into!.reference);

  // A past meeting with published minutes and open actions; an item added for the next meeting's agenda.
  const [past] = await store.meetings.list();
  expect(past).toMatchObject({ status: 'ended', publishedBy: settings.minuteTaker!.name });
  expect(past.agenda.length).toBeGreaterThan(0);
  expect((await store.meetings.openActions()).map((a) => a.meetingId)).toEqual([past.id, past.id]);
  expect((await store.meetings.pendingAdditions()).map((a) => a.addedByName)).toEqual(['Digital Leader (Customers)']);

  // The re-use catalogue: 15 entries, one contract ending within 6 months; a new "Online booking for community
  // halls" finds the hall booking system, and the demo's bulky uplifts request the waste bookings service.
  const catalogue = await store.solutions.list();
  expect(catalogue).toHaveLength(15);
  const today = NOW.slice(0, 10);
  expect(catalogue.filter((s) => contractState(s, today) === 'ending').map((s) => s.name)).toEqual(['Community hall and room booking']);
  expect(catalogue.every((s) => !/@/.test(JSON.stringify(s)))).toBe(true);
  const halls = matchSolutions(termsOf('Online booking for community halls', 'Groups phone to book a hall; they should book and pay online.'), catalogue, today);
  expect(halls.map((m) => [m.name, m.owningService])[0]).toEqual(['Community hall and room booking', 'Customer Services']);
  expect(matchSolutions(termsOf(into!.title, into!.problem), catalogue, today).map((m) => m.name)).toContain('Waste and recycling bookings');

  // Health (RAG) histories for every project in delivery, from the one definition: some red, some stale.
  const inDelivery = (await store.projects.listWithRequests()).filter((p) => p.request.status === 'in-delivery');
  const shown = inDelivery.map((p) => healthOf(p.request.status, p.project.health, today, healthRules())?.shown);
  expect(shown).not.toContain('none');
  expect(shown).toEqual(expect.arrayContaining(['red', 'amber', 'green', 'grey']));
  const red = inDelivery.find((p) => p.project.health?.ratings.overall.rag === 'red')!;
  const statuses = await store.projects.healthHistory(red.request.reference);
  expect(statuses.map((u) => u.ratings.overall.rag).reverse()).toEqual(expect.arrayContaining(['green', 'amber', 'red']));
  expect((await store.audit.listFor('request', red.request.reference)).filter((e) => e.action === 'health.set')).toHaveLength(statuses.length);
  expect(statuses.every((u) => [red.project.projectLead?.name, red.project.projectManager?.name].includes(u.setBy))).toBe(true);
  // Stages and gates: projects at every stage; gates waiting (on the agenda), a condition overdue; Project Lead
  // (Learning) 2 has a project at alpha with nothing waiting, to ask for alpha → beta in the walk.
  const stages = await store.gates.stages();
  expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['discovery', 'alpha', 'beta', 'live']));
  const gates = await store.gates.all();
  expect(gates.filter((g) => !g.decision).length).toBeGreaterThanOrEqual(1);
  expect(gates.map((g) => g.decision?.outcome)).toEqual(expect.arrayContaining(['pass', 'pass-with-conditions', 'not-yet']));
  expect((await store.gates.openConditions()).filter((c) => c.due < today).length).toBeGreaterThanOrEqual(1);
  const walk = (await store.projects.listWithRequests()).find(
    ({ project }) => project.projectLead?.aadObjectId === MOCK_USERS.projectLeadLearning2.aadObjectId && stages.find((s) => s.reference === project.reference)?.stage === 'alpha',
  );
  expect(walk && gates.filter((g) => g.reference === walk.project.reference).every((g) => g.decision?.outcome === 'pass')).toBe(true);
  // Thirty risks and issues over the live projects: some score 15 or more, some are past review, a few closed;
  // their owners include colleagues who are none of the project's people.
  const live = (await store.projects.listWithRequests()).filter((p) => p.request.status === 'approved' || p.request.status === 'in-delivery');
  const risks = (await Promise.all(live.map((p) => store.risks.forProject(p.project.reference)))).flat();
  expect(risks).toHaveLength(30);
  expect(new Set(risks.map((r) => r.reference)).size).toBeGreaterThan(5);
  expect((await store.risks.openScoringAtLeast(15)).length).toBeGreaterThanOrEqual(5);
  expect((await store.risks.dueForReview(today)).length).toBeGreaterThanOrEqual(5);
  expect(risks.filter((r) => r.status === 'closed')).toHaveLength(3);
  expect(risks.some((r) => r.kind === 'issue')).toBe(true);
  expect(risks.some((r) => r.owner.name === 'Records Officer')).toBe(true);

  // Real submissions carry on from the demo's references.
  const next = await store.transaction((tx) => tx.requests.nextReference(2026));
  expect(held.references).not.toContain(next);
}

describe('seedDemo on SQLite', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dsg-seed-'));
    store = await openStore({ sqlitePath: join(dir, 'dsg.sqlite') });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills an empty database with the whole demo programme and says what it added', async () => {
    const result = await seedDemo(store, clock);
    expect(result).toMatchObject({ ...expected, firstReference: 'DP-2025-0001', settings: 'saved', channelSetUp: false });
    expect(result.peopleAdded).toBeGreaterThanOrEqual(30);
    await expectSeeded(store);

    const text = summaryText(result, 'SQLite at /tmp/x.sqlite');
    expect(text).toContain(`${expected.requests} requests (DP-2025-0001 to ${result.lastReference})`);
    expect(text).toContain(`${expected.projects} projects, ${expected.milestones} milestones`);
    expect(text).toMatch(/setup dsg/);
    expect(text).toMatch(/\d+ stage gate requests \(\d+ waiting for the DSG; \d+ conditions overdue\)/);
  });

  it('refuses to seed a database that already holds requests, and says how to force it', async () => {
    await seedDemo(store, clock);
    const again = seedDemo(store, clock);
    await expect(again).rejects.toBeInstanceOf(SeedRefused);
    await expect(again).rejects.toThrow(`already holds ${expected.requests} requests`);
    await expect(again).rejects.toThrow('npm run seed-demo -- --force');
    expect((await contents(store)).requests).toBe(expected.requests);
  });

  it('refuses a database whose DSG channel is set up, even with no requests', async () => {
    const channel = { conversationId: '19:dsg@thread.tacv2', teamId: '19:team@thread.tacv2', name: 'DSG Decisions', reference: {} };
    await store.settings.save({ ...EMPTY_SETTINGS, channel }, 0);
    await expect(seedDemo(store, clock)).rejects.toThrow(/a DSG channel \(DSG Decisions\)[\s\S]*--force/);
    expect((await contents(store)).requests).toBe(0);

    // Forced, it keeps the channel and fills in the rest.
    const result = await seedDemo(store, clock, { force: true });
    expect(result).toMatchObject({ settings: 'filled-in', channelSetUp: true });
    expect(await store.settings.get()).toMatchObject({ channel, chair: { name: 'DSG Chair' }, version: 2 });
  });

  it('with force adds the demo again under new references, changing nothing already there', async () => {
    const first = await seedDemo(store, clock);
    // Council Officer has talked to the bot since: their conversation must survive.
    const officer = (await store.people.get(MOCK_USERS.councilOfficer.id))!;
    await store.people.upsert({ ...officer, conversationRef: { conversation: { id: 'a:chat' } } });
    const before = await contents(store);

    const second = await seedDemo(store, clock, { force: true });
    expect(second).toMatchObject({ requests: expected.requests, settings: 'kept', peopleAdded: 0 });
    // Each year's counter carries on: the second copy's oldest request follows the first copy's 2025 ones.
    const firstOf2025 = before.references.filter((r) => r.startsWith('DP-2025-')).length;
    expect(second.firstReference).toBe(`DP-2025-${String(firstOf2025 + 1).padStart(4, '0')}`);
    expect(first.lastReference).toMatch(/^DP-2026-/);

    const after = await contents(store);
    expect(after.requests).toBe(2 * expected.requests);
    expect(after.projects).toBe(2 * expected.projects);
    expect(after.milestones).toBe(2 * expected.milestones);
    expect(new Set(after.references).size).toBe(after.requests);
    expect(after.references).toEqual(expect.arrayContaining(before.references));
    expect((await store.people.get(MOCK_USERS.councilOfficer.id))?.conversationRef).toEqual({ conversation: { id: 'a:chat' } });

    // The second copy's duplicate points into the second copy.
    const copies = (await allRequests(store)).filter((r) => r.title === 'Book a special uplift online');
    const targets = await Promise.all(copies.map(async (r) => (await store.triage.get(r.reference))!.duplicateOf));
    expect(new Set(targets).size).toBe(2);
  });
});

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('seedDemo on PostgreSQL', () => {
  it('seeds a fresh schema the same way', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    let store: Store | undefined;
    try {
      store = await openStore({ databaseUrl, sqlitePath: '/nonexistent/unused.sqlite', pgSchema: schema });
    } catch (err) {
      throw new Error(
        `PostgreSQL is not reachable at TEST_DATABASE_URL (${(err as Error).message}). Start it with ` +
          '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, or set TEST_DATABASE_URL.',
      );
    }
    try {
      const result = await seedDemo(store, clock);
      expect(result).toMatchObject({ ...expected, firstReference: 'DP-2025-0001', settings: 'saved' });
      await expectSeeded(store);
      await expect(seedDemo(store, clock)).rejects.toThrow(/--force/);
    } finally {
      await store.close();
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    }
  });
});
