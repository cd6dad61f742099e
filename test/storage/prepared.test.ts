/**
 * A statement built once runs with each call's values in their places, and keeps the parameters it was built with
 * (a limit) as they were. Real SQLite; the storage contracts run the bot's prepared statements on both engines.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../../src/storage/schema';
import { prepared } from '../../src/storage/prepared';

let db: Kysely<Database>;
beforeEach(async () => {
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  await sql`create table drafts (form_id text primary key, person_id text not null, "values" text not null, created_at text not null, updated_at text not null)`.execute(db);
  for (const [form, person, at] of [['f1', 'p1', '1'], ['f2', 'p1', '2'], ['f3', 'p1', '3'], ['f4', 'p2', '4']]) {
    await db.insertInto('drafts').values({ form_id: form, person_id: person, values: '{}', created_at: at, updated_at: at }).execute();
  }
});
afterEach(() => db.destroy());

it('puts each call’s values where the placeholders were, and keeps a limit it was built with', async () => {
  let builds = 0;
  const latest = prepared(db, ['person', 'after'], (p) => {
    builds += 1;
    return db.selectFrom('drafts').select('form_id').where('person_id', '=', p.person).where('updated_at', '>', p.after).orderBy('updated_at', 'desc').limit(2).compile();
  });
  expect((await latest({ person: 'p1', after: '0' })).rows).toEqual([{ form_id: 'f3' }, { form_id: 'f2' }]);
  expect((await latest({ after: '2', person: 'p1' })).rows).toEqual([{ form_id: 'f3' }]);
  expect((await latest({ person: 'p2', after: '0' })).rows).toEqual([{ form_id: 'f4' }]);
  expect((await latest({ person: 'nobody', after: '0' })).rows).toEqual([]);
  expect(builds).toBe(1);
});

it('passes a value used twice in both places', async () => {
  const same = prepared(db, ['id'], (p) => sql<{ form_id: string }>`select form_id from drafts where form_id = ${p.id} and person_id <> ${p.id}`.compile(db));
  expect((await same({ id: 'f2' })).rows).toEqual([{ form_id: 'f2' }]);
  expect((await same({ id: 'p1' })).rows).toEqual([]);
});

it('refuses a query that takes no parameter for one of its names, rather than drop that value', async () => {
  const lost = prepared(db, ['id', 'person'], (p) => sql<{ form_id: string }>`select form_id from drafts where form_id = ${p.id}`.compile(db));
  await expect(lost({ id: 'f1', person: 'p1' })).rejects.toThrow('The prepared query takes no parameter for person');
});
