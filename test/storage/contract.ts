import type { AuditEvent } from '../../src/domain/audit';
import type { Draft } from '../../src/domain/request-form';
import type { Store } from '../../src/app/ports';
import type { Conversation, Person } from '../../src/domain/people';
import { formatReference, type ProjectRequest } from '../../src/domain/request';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { emptyTriage } from '../../src/domain/triage';
import { similarity, SIMILARITY_THRESHOLD, termsOf } from '../../src/domain/similarity';
import { MIGRATIONS } from '../../src/storage/migrations';
import type { StoreLogger } from '../../src/storage/open-store';
import { sampleOutboxMessage } from '../support/sample-outbox-message';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { outboxContract } from './outbox-contract';
import { measuresContract } from './measures-contract';
import { programmeContract } from './programme-contract';
import { remindersContract } from './reminders-contract';
import { digestsContract } from './digests-contract';
import { followsContract } from './follows-contract';
import { programmeSheetsContract } from './programme-sheets-contract';
import { dataProtectionContract } from './data-protection-contract';
import { meetingsContract } from './meetings-contract';
import { solutionsContract } from './solutions-contract';
import { gatesContract } from './gates-contract';
import { healthContract } from './health-contract';
import { risksContract } from './risks-contract';

/** One empty database of the engine under test. */
export interface TestDatabase {
  /** Opens a Store on this database (may be called more than once). */
  open(logger?: StoreLogger): Promise<Store>;
  /** Runs SQL directly on the database, bypassing the store, for checks the ports cannot express. */
  exec(sqlText: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

/** What the contract's parts registered in other files get: the store and database of the running test. */
export interface ContractContext {
  store(): Store;
  database(): TestDatabase;
}

function recordingLogger() {
  const applied: string[] = [];
  const errors: object[] = [];
  const logger: StoreLogger = {
    info: (o) => {
      const name = (o as { migration?: string }).migration;
      if (name) applied.push(name);
    },
    error: (o) => errors.push(o),
  };
  return { logger, applied, errors };
}

const person = (overrides: Partial<Person> = {}): Person => ({
  id: '29:person-1',
  aadObjectId: 'aad-1',
  name: 'Sam Person',
  tenantId: 'tenant-1',
  conversationRef: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/', user: { id: '29:person-1' } },
  reachable: true,
  updatedAt: '2026-11-27T09:30:00.000Z',
  ...overrides,
});

const conversation = (overrides: Partial<Conversation> = {}): Conversation => ({
  id: '19:channel@thread.tacv2',
  kind: 'channel',
  tenantId: 'tenant-1',
  teamId: '19:team@thread.tacv2',
  name: 'DSG',
  reference: { conversation: { id: '19:channel@thread.tacv2', isGroup: true }, channelId: 'msteams' },
  installed: true,
  updatedAt: '2026-11-27T09:30:00.000Z',
  ...overrides,
});

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  formId: 'form-1',
  personId: '29:person-1',
  values: { title: 'Half-typed title', strand: 'customers', oneOffCost: '£25,000' },
  createdAt: '2026-11-27T09:30:00.000Z',
  updatedAt: '2026-11-27T09:30:00.000Z',
  ...overrides,
});

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  at: '2026-11-27T09:30:00.000Z',
  actorId: '29:person-1',
  actorName: 'Sam Person',
  action: 'request.submit',
  subjectType: 'request',
  subjectId: 'DP-2026-0001',
  outcome: 'done',
  before: null,
  after: { status: 'submitted', version: 1 },
  detail: null,
  ...overrides,
});

/** The Store contract every engine must meet; `createDatabase` gives a fresh, empty database per test. */
export function storeContract(engine: string, createDatabase: () => Promise<TestDatabase>): void {
  describe(`Store contract on ${engine}`, () => {
    let database: TestDatabase | undefined;
    let store: Store | undefined;
    let firstOpen: ReturnType<typeof recordingLogger>;
    const s = (): Store => store as Store;

    beforeEach(async () => {
      database = await createDatabase();
      firstOpen = recordingLogger();
      store = await database.open(firstOpen.logger);
    });

    afterEach(async () => {
      await store?.close();
      await database?.drop();
      store = undefined;
      database = undefined;
    });

    describe('migrations', () => {
      const names = MIGRATIONS.map(([name]) => name);

      it('applies every migration on a new database and records each in kysely_migration', async () => {
        expect(firstOpen.applied).toEqual(names);
        expect(firstOpen.errors).toEqual([]);
        const rows = await database!.exec('select name from kysely_migration order by name');
        expect(rows.map((r) => r.name)).toEqual(names);
      });

      it('opens the same database again without re-running recorded migrations', async () => {
        const before = await database!.exec('select name, timestamp from kysely_migration order by name');
        await s().people.upsert(person());

        const again = recordingLogger();
        const second = await database!.open(again.logger);
        try {
          expect(again.applied).toEqual([]);
          expect(again.errors).toEqual([]);
          expect(await second.people.get('29:person-1')).toEqual(person());
          expect(await database!.exec('select name, timestamp from kysely_migration order by name')).toEqual(before);
        } finally {
          await second.close();
        }
      });
    });

    describe('people', () => {
      it('stores a person and reads it back; an unknown id is null', async () => {
        await s().people.upsert(person());
        expect(await s().people.get('29:person-1')).toEqual(person());
        expect(await s().people.get('29:nobody')).toBeNull();
      });

      it('upsert replaces every column', async () => {
        await s().people.upsert(person());
        const changed = person({
          aadObjectId: null,
          name: 'Sam Renamed',
          tenantId: null,
          conversationRef: null,
          reachable: false,
          updatedAt: '2026-11-28T10:00:00.000Z',
        });
        await s().people.upsert(changed);
        expect(await s().people.get('29:person-1')).toEqual(changed);
      });

      it('finds a person by AAD object id, the most recently updated if several share it', async () => {
        await s().people.upsert(person());
        await s().people.upsert(person({ id: '29:person-1-again', updatedAt: '2026-11-28T09:30:00.000Z' }));
        await s().people.upsert(person({ id: '29:other', aadObjectId: 'aad-2' }));
        expect((await s().people.findByAadObjectId('aad-1'))?.id).toBe('29:person-1-again');
        expect(await s().people.findByAadObjectId('aad-2')).toEqual(person({ id: '29:other', aadObjectId: 'aad-2' }));
        expect(await s().people.findByAadObjectId('aad-nobody')).toBeNull();
      });

      it('searches names containing the text in any case, each person once (their latest record), by name, at most the limit; % and _ are literal', async () => {
        await s().people.upsert(person({ id: '29:a', aadObjectId: 'aad-a', name: 'Priya Shah' }));
        await s().people.upsert(person({ id: '29:a-again', aadObjectId: 'aad-a', name: 'Priya Shah-Jones', updatedAt: '2026-11-28T09:30:00.000Z' }));
        await s().people.upsert(person({ id: '29:b', aadObjectId: 'aad-b', name: 'Ash Patel' }));
        await s().people.upsert(person({ id: '29:c', aadObjectId: null, name: 'Shah Without Aad' }));
        await s().people.upsert(person({ id: '29:d', aadObjectId: 'aad-d', name: 'Abe 100% Shahid' }));
        expect((await s().people.search('SHA', 10)).map((p) => [p.id, p.name])).toEqual([
          ['29:d', 'Abe 100% Shahid'],
          ['29:a-again', 'Priya Shah-Jones'],
        ]);
        expect((await s().people.search('sh', 2)).map((p) => p.name)).toEqual(['Abe 100% Shahid', 'Ash Patel']);
        expect((await s().people.search('0%', 10)).map((p) => p.name)).toEqual(['Abe 100% Shahid']);
        expect(await s().people.search('_', 10)).toEqual([]);
      });

      it('reads a person whose conversation reference is not valid JSON, with the reference as null', async () => {
        await s().people.upsert(person());
        await database!.exec(`update people set conversation_ref = '{not json' where id = '29:person-1'`);
        expect(await s().people.get('29:person-1')).toEqual(person({ conversationRef: null }));
      });
    });

    describe('conversations', () => {
      it('stores, reads back and replaces a conversation; an unknown id is null', async () => {
        await s().conversations.upsert(conversation());
        expect(await s().conversations.get('19:channel@thread.tacv2')).toEqual(conversation());

        const changed = conversation({ kind: 'groupChat', teamId: null, name: null, installed: false, updatedAt: '2026-12-01T08:00:00.000Z' });
        await s().conversations.upsert(changed);
        expect(await s().conversations.get('19:channel@thread.tacv2')).toEqual(changed);
        expect(await s().conversations.get('19:other')).toBeNull();
      });
    });

    describe('requests', () => {
      const full = (overrides: Partial<ProjectRequest> = {}) => sampleRequest(overrides);
      const sparse = () =>
        sampleRequest({
          beneficiaries: ['businesses', 'employees', 'learners-educators'],
          strand: 'compliance',
          principles: ['privacy-openness'],
          route: 'build',
          routeJustification: 'Nothing re-usable handles our records schedule — “quotes”, ünïcode & \'apostrophes\'.',
          personalData: false,
          oneOffCost: null,
          annualBenefit: null,
          desiredStart: null,
        });

      it('stores every field and finds the request by reference and by form id', async () => {
        // The catalogue entry checked: an entry's id, "None of these", or not asked (sparse).
        for (const request of [full({ oneOffCost: 100_000_000, annualBenefit: 0, reuseSolution: '8a2d6c1e-4b3f-4e5a-9c7d-1f2e3d4c5b6a' }), full({ reuseSolution: 'none' }), sparse()]) {
          await s().requests.insert(request, termsOf(request.title, request.problem));
          expect(await s().requests.getByReference(request.reference)).toEqual(request);
          expect(await s().requests.getByFormId(request.formId)).toEqual(request);
        }
        expect(await s().requests.getByReference('DP-2026-9999')).toBeNull();
        expect(await s().requests.getByFormId('form-unknown')).toBeNull();
      });

      it('refuses a second request with the same reference or form id, and keeps no terms of the refused one', async () => {
        const first = full();
        await s().requests.insert(first, ['alpha']);
        // Matched by message: better-sqlite3's error class comes from another realm once the native module is cached.
        const unique = { message: expect.stringMatching(/unique|duplicate/i) };
        await expect(s().requests.insert(full({ reference: first.reference }), ['dupterm'])).rejects.toMatchObject(unique);
        await expect(s().requests.insert(full({ formId: first.formId }), ['dupterm'])).rejects.toMatchObject(unique);
        expect(await s().requests.findSimilar(['dupterm'], 10)).toEqual([]);
      });

      it('allocates references per year in sequence, growing past four digits', async () => {
        expect(await s().requests.nextReference(2026)).toBe('DP-2026-0001');
        expect(await s().requests.nextReference(2026)).toBe('DP-2026-0002');
        expect(await s().requests.nextReference(2027)).toBe('DP-2027-0001');
        await database!.exec('update reference_counters set last = 9999 where year = 2026');
        expect(await s().requests.nextReference(2026)).toBe('DP-2026-10000');
      });

      it('allocates distinct references to 20 concurrent transactions', async () => {
        const references = await Promise.all(
          Array.from({ length: 20 }, () =>
            s().transaction(async (tx) => {
              const reference = await tx.requests.nextReference(2026);
              await tx.requests.insert(full({ reference }), ['concurrent']);
              return reference;
            }),
          ),
        );
        const expected = Array.from({ length: 20 }, (_, i) => formatReference(2026, i + 1));
        expect([...references].sort()).toEqual(expected);
        for (const reference of expected) expect(await s().requests.getByReference(reference)).not.toBeNull();
      });

      it('updates every mutable field when the version matches, and refuses a stale version', async () => {
        const original = full();
        await s().requests.insert(original, ['alpha']);
        const changed: ProjectRequest = {
          ...original,
          status: 'under-review',
          version: 2,
          title: 'Online booking for all council venues',
          oneOffCost: 30000,
          desiredStart: null,
          beneficiaries: ['citizens', 'businesses'],
          personalData: false,
          reuseSolution: 'none',
          updatedAt: '2026-11-28T11:00:00.000Z',
        };
        expect(await s().requests.update(changed, 1)).toBe(true);
        expect(await s().requests.getByReference(original.reference)).toEqual(changed);

        const stale: ProjectRequest = { ...original, status: 'withdrawn', version: 2, updatedAt: '2026-11-28T12:00:00.000Z' };
        expect(await s().requests.update(stale, 1)).toBe(false);
        expect(await s().requests.getByReference(original.reference)).toEqual(changed);

        expect(await s().requests.update(full(), 1)).toBe(false); // never inserted
      });

      it('re-indexes terms on update only when terms are given', async () => {
        const request = full();
        await s().requests.insert(request, ['alpha', 'beta']);
        expect(await s().requests.update({ ...request, version: 2 }, 1)).toBe(true);
        expect((await s().requests.findSimilar(['alpha'], 5)).map((m) => m.termCount)).toEqual([2]);

        expect(await s().requests.update({ ...request, version: 3 }, 2, ['gamma', 'delta', 'epsilon'])).toBe(true);
        expect(await s().requests.findSimilar(['alpha', 'beta'], 5)).toEqual([]);
        const [match] = await s().requests.findSimilar(['gamma'], 5);
        expect(match).toMatchObject({ shared: 1, termCount: 3 });
        expect(match.request.version).toBe(3);
      });

      it('lists a requester’s requests newest first, a page at a time, with the total', async () => {
        const mine = [
          full({ requesterId: 'me', updatedAt: '2026-11-01T00:00:00.000Z', createdAt: '2026-11-01T00:00:00.000Z' }),
          full({ requesterId: 'me', updatedAt: '2026-11-05T00:00:00.000Z', createdAt: '2026-11-02T00:00:00.000Z' }),
          full({ requesterId: 'me', updatedAt: '2026-11-05T00:00:00.000Z', createdAt: '2026-11-03T00:00:00.000Z' }),
          full({ requesterId: 'me', updatedAt: '2026-11-03T00:00:00.000Z', createdAt: '2026-11-03T00:00:00.000Z' }),
          full({ requesterId: 'me', updatedAt: '2026-11-09T00:00:00.000Z', createdAt: '2026-11-04T00:00:00.000Z' }),
        ];
        for (const r of [...mine, full({ requesterId: 'someone-else' })]) await s().requests.insert(r, []);
        const newestFirst = [mine[4], mine[2], mine[1], mine[3], mine[0]];

        const pages = [
          await s().requests.listByRequester('me', 0, 2),
          await s().requests.listByRequester('me', 2, 2),
          await s().requests.listByRequester('me', 4, 2),
        ];
        expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
        expect(pages.flatMap((p) => p.items)).toEqual(newestFirst);
        expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
        expect(await s().requests.listByRequester('nobody', 0, 10)).toEqual({ items: [], total: 0 });

        const asked = full({ requesterId: 'me', status: 'more-info-requested', updatedAt: '2026-11-02T00:00:00.000Z' });
        await s().requests.insert(asked, []);
        await s().requests.insert(full({ requesterId: 'someone-else', status: 'more-info-requested' }), []);
        expect(await s().requests.listByRequester('me', 0, 10, ['more-info-requested'])).toEqual({ items: [asked], total: 1 });
        expect((await s().requests.listByRequester('me', 0, 10)).total).toBe(6);
      });

      it('finds requests sharing terms, most shared first, without withdrawn ones', async () => {
        const a = full({ title: 'A' });
        const b = full({ title: 'B' });
        const c = full({ title: 'C' });
        const withdrawn = full({ title: 'W', status: 'withdrawn' });
        const unrelated = full({ title: 'U' });
        await s().requests.insert(b, ['x', 'y', 'z', 'v', 'w']);
        await s().requests.insert(a, ['x', 'y', 'z']);
        await s().requests.insert(c, ['x', 'q']);
        await s().requests.insert(withdrawn, ['x', 'y', 'z']);
        await s().requests.insert(unrelated, ['other']);

        const found = await s().requests.findSimilar(['x', 'y', 'z', 'x'], 10);
        expect(found.map((m) => [m.request.title, m.shared, m.termCount])).toEqual([
          ['A', 3, 3],
          ['B', 3, 5],
          ['C', 1, 2],
        ]);
        expect(found[0].request).toEqual(a);
        expect((await s().requests.findSimilar(['x', 'y', 'z'], 2)).map((m) => m.request.title)).toEqual(['A', 'B']);
        expect(await s().requests.findSimilar([], 10)).toEqual([]);
        expect(await s().requests.findSimilar(['nothing'], 10)).toEqual([]);
      });

      it('searches: every word held, the last as a prefix, newest first, in pages, without withdrawn ones', async () => {
        const old = full({ title: 'Old', createdAt: '2026-01-01T00:00:00.000Z' });
        const mid = full({ title: 'Mid', createdAt: '2026-02-01T00:00:00.000Z' });
        const recent = full({ title: 'Recent', createdAt: '2026-03-01T00:00:00.000Z' });
        const gone = full({ title: 'Gone', status: 'withdrawn', createdAt: '2026-04-01T00:00:00.000Z' });
        await s().requests.insert(old, ['book', 'bulky', 'uplift']);
        await s().requests.insert(mid, ['book', 'garden', 'waste']);
        await s().requests.insert(recent, ['bookshop', 'bulky', 'buzz']);
        await s().requests.insert(gone, ['book', 'bulky', 'uplift']);
        const titles = async (terms: string[], prefix: string | null, offset = 0, limit = 10) =>
          (await s().requests.search(terms, prefix, offset, limit)).map((r) => r.title);

        expect(await titles(['book'], null)).toEqual(['Mid', 'Old']);
        expect(await titles([], 'boo')).toEqual(['Recent', 'Mid', 'Old']);
        expect(await titles(['bulky'], 'upl')).toEqual(['Old']);
        expect(await titles(['bulky', 'book'], null)).toEqual(['Old']);
        expect(await titles([], 'buz')).toEqual(['Recent']);
        expect(await titles([], 'bz')).toEqual([]);
        expect(await titles([], 'b', 1, 1)).toEqual(['Mid']);
        expect(await titles(['nothing'], 'b')).toEqual([]);
        expect(await titles([], null)).toEqual([]);
        expect((await s().requests.search(['uplift'], null, 0, 10))[0]).toEqual(old);
      });

      it('still finds a match on a rare term when a common term is in hundreds of requests', async () => {
        await s().transaction(async (tx) => {
          for (let i = 0; i < 400; i++) await tx.requests.insert(full({ title: `Common ${i}` }), ['common']);
        });
        const rare = full({ title: 'Rare' });
        await s().requests.insert(rare, ['common', 'rare']);
        const [best] = await s().requests.findSimilar(['common', 'rare'], 5);
        expect(best).toMatchObject({ request: { title: 'Rare' }, shared: 2 });
      });

      it('lists requests in the given statuses oldest first (then by reference), or newest first, a page at a time, with the total', async () => {
        const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
        const queue = [
          full({ status: 'submitted', createdAt: at(3), reference: 'DP-2026-0003' }),
          full({ status: 'more-info-requested', createdAt: at(1), updatedAt: at(20) }),
          full({ status: 'under-review', createdAt: at(3), reference: 'DP-2026-0002' }),
          full({ status: 'submitted', createdAt: at(5) }),
        ];
        const elsewhere = [full({ status: 'approved', createdAt: at(2) }), full({ status: 'withdrawn', createdAt: at(1) })];
        for (const r of [...queue, ...elsewhere]) await s().requests.insert(r, []);
        const open = ['submitted', 'under-review', 'more-info-requested'] as const;
        const oldestFirst = [queue[1], queue[2], queue[0], queue[3]];

        const pages = [await s().requests.listByStatus(open, 0, 3), await s().requests.listByStatus(open, 3, 3)];
        expect(pages.map((p) => p.total)).toEqual([4, 4]);
        expect(pages.flatMap((p) => p.items)).toEqual(oldestFirst);
        expect(await s().requests.listByStatus(['approved'], 0, 10)).toEqual({ items: [elsewhere[0]], total: 1 });
        expect(await s().requests.listByStatus(['merged'], 0, 10)).toEqual({ items: [], total: 0 });
        expect(await s().requests.listByStatus([], 0, 10)).toEqual({ items: [], total: 0 });

        const newestFirst = [await s().requests.listByStatus(open, 0, 3, 'newest-first'), await s().requests.listByStatus(open, 3, 3, 'newest-first')];
        expect(newestFirst.flatMap((p) => p.items)).toEqual([...oldestFirst].reverse());
        expect(newestFirst.map((p) => p.total)).toEqual([4, 4]);
      });

      it('gives the app what it needs to spot a likely duplicate with the domain scoring', async () => {
        const booking = full({ title: 'Online booking for sports halls' });
        const payroll = full({ title: 'Replace the payroll system', problem: 'Payroll runs on an unsupported server.' });
        for (const r of [booking, payroll]) await s().requests.insert(r, termsOf(r.title, r.problem));

        const query = termsOf('Sports hall bookings online', 'People want to book sports halls on the web.');
        const scored = (await s().requests.findSimilar(query, 5))
          .map((m) => ({ reference: m.request.reference, score: similarity(m.shared, query.length, m.termCount) }))
          .filter((m) => m.score > SIMILARITY_THRESHOLD);
        expect(scored.map((m) => m.reference)).toEqual([booking.reference]);
      });
    });

    describe('drafts', () => {
      it('saves, replaces, reads and deletes a draft', async () => {
        await s().drafts.save(draft());
        expect(await s().drafts.get('form-1')).toEqual(draft());

        const edited = draft({ values: { title: 'Typed more — “quotes” & ünïcode', problem: 'Line one\nline two' }, updatedAt: '2026-11-27T10:00:00.000Z' });
        await s().drafts.save(edited);
        expect(await s().drafts.get('form-1')).toEqual(edited);

        await s().drafts.delete('form-1');
        expect(await s().drafts.get('form-1')).toBeNull();
        await expect(s().drafts.delete('form-1')).resolves.toBeUndefined();
      });

      it('finds a person’s most recently updated draft', async () => {
        await s().drafts.save(draft({ formId: 'old', updatedAt: '2026-11-27T09:00:00.000Z' }));
        await s().drafts.save(draft({ formId: 'newest', updatedAt: '2026-11-27T11:00:00.000Z' }));
        await s().drafts.save(draft({ formId: 'middle', updatedAt: '2026-11-27T10:00:00.000Z' }));
        await s().drafts.save(draft({ formId: 'someone-elses', personId: '29:other', updatedAt: '2026-11-28T00:00:00.000Z' }));
        expect((await s().drafts.latestFor('29:person-1'))?.formId).toBe('newest');
        expect(await s().drafts.latestFor('29:nobody')).toBeNull();
      });
    });

    describe('audit log', () => {
      it('lists a subject’s events oldest first, in recording order for equal times, with JSON intact', async () => {
        const later = event({ at: '2026-11-27T10:00:00.000Z', action: 'request.withdraw', before: { status: 'submitted' }, after: { status: 'withdrawn' } });
        const first = event({ at: '2026-11-27T09:00:00.000Z', before: null, after: { list: [1, 'two', { three: true }], text: 'ünïcode' } });
        const sameTimeA = event({ at: '2026-11-27T09:30:00.000Z', action: 'a', outcome: 'refused', detail: 'Not allowed', actorId: null });
        const sameTimeB = event({ at: '2026-11-27T09:30:00.000Z', action: 'b', after: null });
        for (const e of [later, first, sameTimeA, sameTimeB]) await s().audit.record(e);
        await s().audit.record(event({ subjectId: 'DP-2026-0002' }));
        await s().audit.record(event({ subjectType: 'person' }));

        expect(await s().audit.listFor('request', 'DP-2026-0001')).toEqual([first, sameTimeA, sameTimeB, later]);
        expect(await s().audit.listFor('settings', 'DP-2026-0001')).toEqual([]);
      });
    });

    programmeContract({ store: s, database: () => database as TestDatabase });
    outboxContract({ store: s, database: () => database as TestDatabase });
    remindersContract({ store: s, database: () => database as TestDatabase });
    digestsContract({ store: s, database: () => database as TestDatabase });
    followsContract({ store: s, database: () => database as TestDatabase });
    programmeSheetsContract({ store: s, database: () => database as TestDatabase });
    dataProtectionContract({ store: s, database: () => database as TestDatabase });
    meetingsContract({ store: s, database: () => database as TestDatabase });
    measuresContract({ store: s, database: () => database as TestDatabase });
    solutionsContract({ store: s, database: () => database as TestDatabase });
    gatesContract({ store: s, database: () => database as TestDatabase });
    healthContract({ store: s, database: () => database as TestDatabase });
    risksContract({ store: s, database: () => database as TestDatabase });

    describe('transactions', () => {
      it('commits all the work and returns its result', async () => {
        const request = sampleRequest();
        const result = await s().transaction(async (tx) => {
          const reference = await tx.requests.nextReference(2026);
          await tx.requests.insert({ ...request, reference }, ['alpha']);
          await tx.audit.record(event({ subjectId: reference }));
          expect(await tx.requests.getByReference(reference)).not.toBeNull(); // reads its own writes
          return reference;
        });
        expect(result).toBe('DP-2026-0001');
        expect(await s().requests.getByReference('DP-2026-0001')).toEqual({ ...request, reference: 'DP-2026-0001' });
        expect(await s().audit.listFor('request', 'DP-2026-0001')).toHaveLength(1);
      });

      it('rolls everything back when the work throws, and rethrows', async () => {
        const request = sampleRequest();
        const failure = new Error('boom');
        await expect(
          s().transaction(async (tx) => {
            const reference = await tx.requests.nextReference(2026);
            await tx.requests.insert({ ...request, reference }, ['alpha']);
            await tx.people.upsert(person());
            await tx.conversations.upsert(conversation());
            await tx.drafts.save(draft());
            await tx.audit.record(event({ subjectId: reference }));
            await tx.settings.save({ ...EMPTY_SETTINGS, meetings: [{ date: '2026-12-10', startTime: '10:00', place: null }] }, 0);
            await tx.roster.put('19:team', [], '2026-12-01T09:00:00.000Z');
            await tx.triage.save(emptyTriage(reference));
            await tx.projects.insert(sampleProject(reference));
            await tx.outbox.enqueue(sampleOutboxMessage({ key: 'rolled-back' }));
            await tx.reminders.save([{ key: `${reference}:plan`, recipientId: 'aad-1', count: 1, lastSentAt: null, fingerprint: 'none', snoozedUntil: null, snoozes: 0, escalatedAt: null }]);
            expect(await tx.scheduledRuns.claim('reminders', '2026-12-01T09:30:00.000Z', '2026-12-01T09:30:00.000Z')).toBe(true);
            throw failure;
          }),
        ).rejects.toBe(failure);

        expect(await s().requests.getByFormId(request.formId)).toBeNull();
        expect(await s().requests.findSimilar(['alpha'], 5)).toEqual([]);
        expect(await s().people.get('29:person-1')).toBeNull();
        expect(await s().conversations.get('19:channel@thread.tacv2')).toBeNull();
        expect(await s().drafts.get('form-1')).toBeNull();
        expect(await s().audit.listFor('request', 'DP-2026-0001')).toEqual([]);
        expect(await s().settings.get()).toEqual(EMPTY_SETTINGS);
        expect(await s().roster.get('19:team')).toBeNull();
        expect(await s().projects.listWithRequests()).toEqual([]);
        expect(await s().outbox.get('rolled-back')).toBeNull();
        expect(await s().reminders.all()).toEqual([]);
        expect(await s().scheduledRuns.last('reminders')).toBeNull();
        expect(await s().requests.nextReference(2026)).toBe('DP-2026-0001');
      });
    });

    describe('health', () => {
      it('pings true while open and false once closed; closing twice is harmless', async () => {
        expect(await s().ping()).toBe(true);
        await s().close();
        expect(await s().ping()).toBe(false);
        await expect(s().close()).resolves.toBeUndefined();
      });
    });
  });
}
