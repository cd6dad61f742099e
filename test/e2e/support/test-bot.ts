/**
 * Starts the real bot (HTTP server, CloudAdapter, storage) on an ephemeral loopback port, with a fake
 * Bot Connector to capture what it sends, and posts activities to it as Teams would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import type { Store } from '../../../src/app/ports';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/log';
import type { Logger } from '../../../src/log';
import { type RunningBot, startBot } from '../../../src/main';
import { migrateTo, openStore } from '../../../src/storage/open-store';
import type { ChannelAuthOptions } from '../../../src/teams/endpoint';
import type { ActivityOptions, TeamsActivity } from './activities';
import { FakeConnector } from './fake-connector';

export type Engine = 'sqlite' | 'postgres';
export const ENGINES: Engine[] = ['sqlite', 'postgres'];
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database that outlives bot restarts within one test file: a SQLite file or a fresh PostgreSQL database. */
export class TestDatabase {
  private constructor(
    readonly engine: Engine,
    readonly env: Record<string, string>,
    private readonly drop: () => Promise<void>,
  ) {}

  static async create(engine: Engine): Promise<TestDatabase> {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(path.join(tmpdir(), 'dsg-e2e-'));
      return new TestDatabase(engine, { SQLITE_PATH: path.join(dir, 'bot.sqlite') }, async () => rmSync(dir, { recursive: true, force: true }));
    }
    const name = `dsg_e2e_${Math.random().toString(16).slice(2, 10)}`;
    const admin = new Client({ connectionString: PG_URL });
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(`PostgreSQL is not reachable at ${PG_URL} (${(error as Error).message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set TEST_DATABASE_URL.`);
    }
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return new TestDatabase(engine, { DATABASE_URL: url.toString() }, async () => {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
  }

  dispose(): Promise<void> {
    return this.drop();
  }

  /** Reads what the bot stored, through a store of its own (the bot may be running). */
  async read<T>(query: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore({ databaseUrl: this.env.DATABASE_URL, sqlitePath: this.env.SQLITE_PATH ?? '' });
    try {
      return await query(store);
    } finally {
      await store.close();
    }
  }

  /** Brings the database's schema up to this migration and no further (see `migrateTo`). */
  migrateTo(migration: string): Promise<void> {
    return migrateTo({ databaseUrl: this.env.DATABASE_URL, sqlitePath: this.env.SQLITE_PATH ?? '' }, migration);
  }

  /** Writes rows straight into a table, past the store: say, rows as an older version of the bot wrote them. */
  async insertRows(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    const statement = (columns: string[], placeholder: (i: number) => string) =>
      `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => placeholder(i)).join(', ')})`;
    if (this.engine === 'sqlite') {
      const db = new BetterSqlite3(this.env.SQLITE_PATH);
      try {
        for (const row of rows) db.prepare(statement(Object.keys(row), () => '?')).run(...Object.values(row));
      } finally {
        db.close();
      }
      return;
    }
    const client = new Client({ connectionString: this.env.DATABASE_URL });
    await client.connect();
    try {
      for (const row of rows) await client.query(statement(Object.keys(row), (i) => `$${i + 1}`), Object.values(row));
    } finally {
      await client.end();
    }
  }

  /** Whether the bot stored anything about a person (every message or press it handles records who sent it). */
  knowsPerson(personId: string): Promise<boolean> {
    return this.read(async (store) => (await store.people.get(personId)) !== null);
  }
}

export interface StartOptions {
  /** Where the bot reads the Bot Framework's keys (with credentials): a loopback token issuer. */
  channelAuth?: ChannelAuthOptions;
  /** Default: silent, or TEST_LOG_LEVEL. */
  log?: Logger;
  /** A clock the test moves itself (say, a month on before a reminder run); overrides `at`. */
  clock?: { now(): Date };
  /** The port to listen on (default: any free one), for links the bot writes with PUBLIC_URL to reach it. */
  port?: number;
}

export interface TestBot {
  bot: RunningBot;
  connector: FakeConnector;
  /** Default activity options: answers go to the fake connector. */
  opts: ActivityOptions;
  /** The id of the activity last POSTed: what the bot's replies to it answer. */
  lastPosted?: string;
  /** POSTs the activity as JSON to /api/messages, with `headers` (e.g. authorization) added. */
  post(activity: TeamsActivity | object, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  stop(): Promise<void>;
}

/**
 * Starts the bot on `db`. `at` makes the bot's clock read that instant now and run on from there (the
 * scheduler, the outbox and every use case share it), for tests that need a Monday or a given week.
 */
export async function startTestBot(db: TestDatabase, env: Record<string, string> = {}, connector?: FakeConnector, at?: string, options: StartOptions = {}): Promise<TestBot> {
  const fake = connector ?? new FakeConnector();
  if (!connector) await fake.start();
  // Test personas press far faster than people: the press limit is lifted unless a test sets it (test/e2e/press-limit.test.ts).
  const config = { ...loadConfig({ PLAYGROUND: 'off', PRESS_LIMIT_BURST: '100000', PRESS_LIMIT_PER_SECOND: '100000', ...db.env, ...env }), port: options.port ?? 0 };
  let bot: RunningBot;
  try {
    const offset = at ? Date.parse(at) - Date.now() : 0;
    bot = await startBot(config, options.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), { clock: options.clock ?? { now: () => new Date(Date.now() + offset) }, channelAuth: options.channelAuth });
  } catch (error) {
    if (!connector) await fake.stop();
    throw error;
  }
  const testBot: TestBot = {
    bot,
    connector: fake,
    opts: { serviceUrl: fake.url },
    async post(activity, headers = {}) {
      testBot.lastPosted = (activity as { id?: string }).id;
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body };
    },
    async stop() {
      await bot.stop();
      if (!connector) await fake.stop();
    },
  };
  return testBot;
}
