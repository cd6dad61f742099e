/**
 * Engine errors that mean "the database cannot work just now" become the domain's UNAVAILABLE error (one
 * clear answer for people, a back-off for the outbox and the scheduler); every other error passes unchanged.
 * Each case is a real error from the real engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { isUnavailable } from '../../src/domain/errors';
import { freePort } from '../support/free-port';
import { openStore } from '../../src/storage/open-store';
import { isOutage, reportingOutages } from '../../src/storage/outage';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsg-outage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A Kysely on `file` through the outage dialect, with the connection opened as `options` say. */
function kysely(file: string, options: BetterSqlite3.Options = {}) {
  return new Kysely<any>({ dialect: reportingOutages(new SqliteDialect({ database: new BetterSqlite3(file, options) })) });
}

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

it('turns a write to a read-only SQLite database into UNAVAILABLE, and rolls back cleanly', async () => {
  const file = path.join(dir, 'bot.sqlite');
  const setup = new BetterSqlite3(file);
  setup.exec('create table t (x integer)');
  setup.close();
  const db = kysely(file, { readonly: true });
  try {
    expect(await sql`select count(*) as n from t`.execute(db)).toMatchObject({ rows: [{ n: 0 }] });
    const error = await caught(() => db.transaction().execute((tx) => sql`insert into t values (1)`.execute(tx)));
    expect(isUnavailable(error)).toBe(true);
    expect((error as { details: { reason: string } }).details.reason).toMatch(/^SQLITE_READONLY/);
  } finally {
    await db.destroy();
  }
});

it('turns SQLite "database is locked" past busy_timeout into UNAVAILABLE', async () => {
  const file = path.join(dir, 'bot.sqlite');
  const holder = new BetterSqlite3(file);
  holder.exec('create table t (x integer)');
  holder.exec('begin immediate');
  const db = kysely(file, { timeout: 50 });
  try {
    const error = await caught(() => sql`insert into t values (1)`.execute(db));
    expect(isUnavailable(error)).toBe(true);
    expect((error as { details: { reason: string } }).details.reason).toMatch(/^SQLITE_BUSY/);
  } finally {
    holder.exec('rollback');
    holder.close();
    await db.destroy();
  }
});

it('leaves a constraint violation or bad SQL as it is', async () => {
  const db = kysely(path.join(dir, 'bot.sqlite'));
  try {
    await sql`create table t (x integer primary key)`.execute(db);
    await sql`insert into t values (1)`.execute(db);
    expect(await caught(() => sql`insert into t values (1)`.execute(db))).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await caught(() => sql`selec 1`.execute(db))).toMatchObject({ code: 'SQLITE_ERROR' });
  } finally {
    await db.destroy();
  }
});

it('turns a PostgreSQL server that refuses connections into UNAVAILABLE when the store opens', async () => {
  const port = await freePort();
  const error = await caught(() => openStore({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/test`, sqlitePath: 'unused' }));
  expect(isUnavailable(error)).toBe(true);
  expect((error as { details: { reason: string } }).details.reason).toMatch(/ECONNREFUSED/);
});

it.each([
  ['57P01', 'terminating connection due to administrator command'],
  ['57P03', 'the database system is starting up'],
  ['08006', 'connection failure'],
  ['53100', 'could not extend file: No space left on device'],
  ['53300', 'sorry, too many clients already'],
  ['25006', 'cannot execute INSERT in a read-only transaction'],
])('reads PostgreSQL SQLSTATE %s (%s) as an outage', (code, message) => {
  expect(isOutage(Object.assign(new Error(message), { code }))).toBe(true);
});

it.each([
  ['23505', 'duplicate key value violates unique constraint'],
  ['42P01', 'relation "nope" does not exist'],
  ['40001', 'could not serialize access due to concurrent update'],
])('does not read SQLSTATE %s (%s) as an outage', (code, message) => {
  expect(isOutage(Object.assign(new Error(message), { code }))).toBe(false);
});

it('reads node-postgres losing its connection, by message, and refusals inside an AggregateError', () => {
  expect(isOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isOutage(new Error('timeout exceeded when trying to connect'))).toBe(true);
  expect(isOutage(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''))).toBe(true);
  expect(isOutage(new Error('Cannot read properties of undefined'))).toBe(false);
  expect(isOutage('ECONNREFUSED')).toBe(false);
});
