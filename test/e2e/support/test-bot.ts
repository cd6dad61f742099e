/**
 * Starts the real bot (HTTP server, CloudAdapter, storage) on an ephemeral loopback port, with a fake
 * Bot Connector to capture what it sends, and posts activities to it as Teams would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/log';
import { type RunningBot, startBot } from '../../../src/main';
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
}

export interface TestBot {
  bot: RunningBot;
  connector: FakeConnector;
  /** Default activity options: answers go to the fake connector. */
  opts: ActivityOptions;
  post(activity: TeamsActivity | object): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * Starts the bot on `db`. `at` makes the bot's clock read that instant now and run on from there (the
 * scheduler, the outbox and every use case share it), for tests that need a Monday or a given week.
 */
export async function startTestBot(db: TestDatabase, env: Record<string, string> = {}, connector?: FakeConnector, at?: string): Promise<TestBot> {
  const fake = connector ?? new FakeConnector();
  if (!connector) await fake.start();
  const config = { ...loadConfig({ PLAYGROUND: 'off', ...db.env, ...env }), port: 0 };
  let bot: RunningBot;
  try {
    const offset = at ? Date.parse(at) - Date.now() : 0;
    bot = await startBot(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), { clock: { now: () => new Date(Date.now() + offset) } });
  } catch (error) {
    if (!connector) await fake.stop();
    throw error;
  }
  return {
    bot,
    connector: fake,
    opts: { serviceUrl: fake.url },
    async post(activity) {
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body };
    },
    async stop() {
      await bot.stop();
      if (!connector) await fake.stop();
    },
  };
}
