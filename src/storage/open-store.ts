import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type Dialect, Kysely, type LogEvent, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase as KyselySqliteDatabase, type SqliteStatement as KyselySqliteStatement, sql } from 'kysely';
import { Pool } from 'pg';
import type { Repositories, Store } from '../app/ports';
import { auditLog } from './audit-log';
import { startCheckpointer } from './checkpointer';
import { conversationRepository } from './conversation-repository';
import { draftRepository } from './draft-repository';
import { MIGRATIONS, migrationProvider } from './migrations';
import { meetingRepository } from './meeting-repository';
import { type HeldSolutions, holdSolutions, solutionRepository } from './solution-repository';
import { outbox } from './outbox';
import { reportingOutages } from './outage';
import { peopleRepository } from './people-repository';
import { programmeSheetsRepository } from './programme-sheets-repository';
import { projectRepository } from './project-repository';
import { reminderStateRepository } from './reminder-state-repository';
import { requestRepository } from './request-repository';
import { rosterCache } from './roster-cache';
import { scheduledRuns } from './scheduled-runs';
import { digestRepository } from './digest-repository';
import { followRepository } from './follow-repository';
import { gateRepository } from './gate-repository';
import { riskRepository } from './risk-repository';
import { dataProtectionRepository } from './data-protection-repository';
import { settingsRepository } from './settings-repository';
import { triageRepository } from './triage-repository';
import type { Database, Engine } from './schema';

export interface StoreLogger {
  info(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

export interface OpenStoreOptions {
  /** postgres://... to use PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string | null;
  sqlitePath: string;
  logger?: StoreLogger;
  /** PostgreSQL only: keep every table in this schema (created if missing). Used by tests. */
  pgSchema?: string;
  /** Called with each SQL statement run (the benchmark counts them); nothing is slowed when it is not set. */
  onQuery?: (sql: string) => void;
  /** SQLite only: the WAL is written back into the database by a thread of its own (the bot; not the command-line tools). */
  checkpointInBackground?: boolean;
}

const PING_TIMEOUT_MS = 2000;
/** How often the checkpointer thread writes the WAL back, and the WAL's size at which the bot does it itself. */
const CHECKPOINT_EVERY_MS = 250;
const BACKSTOP_CHECKPOINT_PAGES = 10_000;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

function postgresDialect(url: string, schema: string | undefined, logger: StoreLogger | undefined): Dialect {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  const pool = new Pool({
    connectionString: url,
    // While the server is down or restarting, fail within seconds (the person is told to try again well before
    // Teams gives up on the request at 15 s; the outbox and the scheduler back off) rather than queue up.
    connectionTimeoutMillis: 5_000,
    // Notice a server that went away without closing the connection (a failover, a dropped network).
    keepAlive: true,
    ...(schema && { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  // (Logged once, by the listener below, which every client has.)
  pool.on('error', () => undefined);
  // Nor one in use between two queries (e.g. inside a transaction) when the server shuts down: without a
  // listener its 'error' event would be thrown. The query in hand fails as UNAVAILABLE instead (outage.ts).
  pool.on('connect', (client) => client.on('error', (err) => logger?.error({ err: { code: (err as { code?: string }).code, message: err.message } }, 'PostgreSQL connection lost')));
  // A client that lost its connection is not given back to the pool (node-postgres drops it): the next query
  // connects afresh, so the bot recovers by itself once the server is back.
  return new PostgresDialect({ pool });
}

function sqliteDialect(path: string, backgroundCheckpoints: boolean): Dialect {
  mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  // Another process holding the write lock (a second bot instance, a backup): wait up to 5 s for it, then the
  // statement fails with SQLITE_BUSY, which the person is told as "nothing was saved, try again" (outage.ts).
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // With a checkpointer thread (see checkpointer.ts), this connection's own checkpoint is only the backstop, for
  // a thread stopped or fallen behind: at 10,000 pages (40 MB) of WAL rather than SQLite's 1,000.
  if (backgroundCheckpoints) database.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  return new SqliteDialect({ database: withStatementCache(database) });
}

/**
 * Kysely prepares every query afresh; on SQLite that is most of the cost of a small query. The bot
 * runs a few dozen distinct statements, so keep the prepared ones (one connection: never used at once).
 */
function withStatementCache(database: BetterSqlite3.Database): KyselySqliteDatabase {
  const cache = new Map<string, KyselySqliteStatement>();
  return {
    close: () => database.close(),
    prepare(query: string) {
      let statement = cache.get(query);
      if (!statement) {
        statement = withFastRows(database.prepare(query));
        if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
        cache.set(query, statement);
      }
      return statement;
    },
  };
}

/**
 * Rows read as arrays and made into objects by a function compiled for the statement's columns: about half
 * the cost of better-sqlite3 building each row object itself, which is most of reading the whole programme
 * (10,000 projects, their requests and 50,000 milestones). The rows are the same plain objects, last column of
 * a repeated name winning as before.
 */
function withFastRows(statement: BetterSqlite3.Statement): KyselySqliteStatement {
  if (!statement.reader) return statement;
  const names = statement.columns().map((c) => c.name);
  const row = new Function('r', `return {${names.map((name, i) => `${JSON.stringify(name)}: r[${i}]`).join(', ')}};`) as (values: unknown[]) => unknown;
  statement.raw(true);
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(row),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield row(values);
    },
  };
}

/** Applies the migrations not yet applied, up to `target` (a name in MIGRATIONS) or the latest. */
async function migrate(db: Kysely<Database>, engine: Engine, logger: StoreLogger | undefined, target?: string): Promise<void> {
  // Kysely looks for its migration table in *any* schema unless told which one: name ours.
  const migrationTableSchema =
    engine === 'postgres'
      ? (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  if (engine === 'postgres' && !migrationTableSchema) throw new Error('PostgreSQL search_path names no existing schema');
  const migrator = new Migrator({ db, provider: migrationProvider(engine), ...(migrationTableSchema && { migrationTableSchema }) });
  const { error, results } = await (target === undefined ? migrator.migrateToLatest() : migrator.migrateTo(target));
  for (const r of results ?? []) {
    if (r.status === 'Success') logger?.info({ migration: r.migrationName }, 'database migration applied');
    if (r.status === 'Error') logger?.error({ migration: r.migrationName }, 'database migration failed');
  }
  if (error) throw error;
}

function repositories(db: Kysely<Database>, engine: Engine, held: HeldSolutions): Repositories {
  return {
    people: peopleRepository(db),
    conversations: conversationRepository(db),
    requests: requestRepository(db),
    drafts: draftRepository(db),
    audit: auditLog(db),
    settings: settingsRepository(db),
    roster: rosterCache(db),
    triage: triageRepository(db),
    projects: projectRepository(db, engine),
    outbox: outbox(db, engine),
    reminders: reminderStateRepository(db),
    scheduledRuns: scheduledRuns(db),
    digests: digestRepository(db),
    follows: followRepository(db),
    programmeSheets: programmeSheetsRepository(db),
    dataProtection: dataProtectionRepository(db),
    meetings: meetingRepository(db),
    solutions: solutionRepository(db, held),
    gates: gateRepository(db),
    risks: riskRepository(db),
  };
}

function connect({ databaseUrl, sqlitePath, logger, pgSchema, onQuery, checkpointInBackground }: OpenStoreOptions): { db: Kysely<Database>; engine: Engine } {
  const engine: Engine = databaseUrl ? 'postgres' : 'sqlite';
  const db = new Kysely<Database>({
    dialect: reportingOutages(databaseUrl ? postgresDialect(databaseUrl, pgSchema, logger) : sqliteDialect(sqlitePath, checkpointInBackground === true)),
    ...(onQuery && {
      log: (event: LogEvent) => {
        if (event.level === 'query') onQuery(event.query.sql);
      },
    }),
  });
  return { db, engine };
}

/** Creates the schema if needed, then migrates up to `target` (default: the latest); closes the database if that fails. */
async function prepare(db: Kysely<Database>, engine: Engine, options: OpenStoreOptions, target?: string): Promise<void> {
  try {
    if (engine === 'postgres' && options.pgSchema) await sql`create schema if not exists ${sql.id(options.pgSchema)}`.execute(db);
    await migrate(db, engine, options.logger, target);
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

/**
 * Brings the database's schema up to `migration` (a name in MIGRATIONS) and no further, then closes it. For
 * testing a migration on data as the versions before it wrote it; `openStore` then applies the rest.
 */
export async function migrateTo(options: OpenStoreOptions, migration: string): Promise<void> {
  if (!MIGRATIONS.some(([name]) => name === migration)) throw new Error(`There is no migration named ${migration}`);
  const { db, engine } = connect(options);
  await prepare(db, engine, options, migration);
  await db.destroy();
}

/**
 * Opens the database, brings its schema up to date, and returns the Store.
 * On SQLite there is one connection: inside `transaction(work)`, use only the repositories handed to `work`.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { db, engine } = connect(options);
  await prepare(db, engine, options);
  const checkpointer =
    engine === 'sqlite' && options.checkpointInBackground
      ? startCheckpointer(options.sqlitePath, CHECKPOINT_EVERY_MS, (message) => options.logger?.error({ err: { message } }, 'WAL checkpoint failed'))
      : null;

  let closing: Promise<void> | null = null;
  const held = holdSolutions();
  return {
    ...repositories(db, engine, held),
    transaction: (work) => db.transaction().execute((tx) => work(repositories(tx, engine, held))),
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      });
      try {
        return await Promise.race([sql`select 1`.execute(db).then(() => true), timeout]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      closing ??= (async () => {
        await checkpointer?.stop();
        await db.destroy();
      })();
      return closing;
    },
  };
}
