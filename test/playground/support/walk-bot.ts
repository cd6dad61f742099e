/**
 * One bot and one Microsoft 365 Agents Playground for a file of walks: the test bot on a fresh SQLite database
 * (optionally holding the demo programme), with the Playground's current user as the council's administrator so
 * one person can walk both sides, a clock the walk can move on, and the Playground's web UI in headless Chromium.
 */
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../../src/demo/seed';
import { createLogger } from '../../../src/log';
import { MOCK_TENANT } from '../../../src/playground/mock-tenant';
import { PLAYGROUND_CONFIG_FILE, type RunningPlayground, startPlayground } from '../../../src/playground/playground';
import { openStore } from '../../../src/storage/open-store';
import type { Store } from '../../../src/app/ports';
import type { ReminderItem } from '../../../src/domain/reminders';
import { BotProcess } from '../../e2e/support/bot-process';
import { startTestBot, TestDatabase, type TestBot } from '../../e2e/support/test-bot';
import { freePort } from '../../support/free-port';
import { PlaygroundUi } from './ui';

const ROOT = path.join(__dirname, '..', '..', '..');

export interface Walk {
  db: TestDatabase;
  t: TestBot;
  playground: RunningPlayground;
  ui: PlaygroundUi;
  /** Moves the bot's clock this many days on from now. */
  setDaysLater(days: number): void;
  stop(): Promise<void>;
}

/**
 * Starts the bot and the Playground in `beforeAll` and stops them in `afterAll`; screenshots go to
 * test-artifacts/walks/<name>/. With `demo`, the demo programme is seeded first, as `npm run seed-demo` would.
 */
export function useWalk(name: string, options: { demo?: boolean; env?: Record<string, string> } = {}): Walk {
  const walk = {} as Walk;
  beforeAll(async () => Object.assign(walk, await startWalk(name, options)));
  afterAll(async () => walk.stop?.());
  return walk;
}

async function startWalk(name: string, options: { demo?: boolean; env?: Record<string, string> }): Promise<Walk> {
  let daysLater = 0;
  const db = options.demo ? await demoDatabase() : await TestDatabase.create('sqlite');
  // Links the bot writes (downloads, reports) start with PUBLIC_URL: the walk's bot is there, so the Playground's buttons open them.
  const port = await freePort();
  const env = { DSG_ADMIN_AAD_IDS: MOCK_TENANT.currentUser.aadObjectId, PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.env };
  const t = await startTestBot(db, env, undefined, undefined, { clock: { now: () => new Date(Date.now() + daysLater * 86_400_000) }, port });
  const { playground, ui, close } = await openPlayground(name, t.bot.url);
  return {
    db,
    t,
    playground,
    ui,
    setDaysLater: (days) => {
      daysLater = days;
    },
    async stop() {
      await close();
      await t.stop();
      await db.dispose();
    },
  };
}

/** A database holding the demo programme, as `npm run seed-demo` leaves it. */
export async function demoDatabase(): Promise<TestDatabase> {
  const db = await TestDatabase.create('sqlite');
  const store = await openStore({ sqlitePath: db.env.SQLITE_PATH });
  try {
    await seedDemo(store, { now: () => new Date() });
  } finally {
    await store.close();
  }
  return db;
}

/** The Playground (in a work folder of its own, on `port` or a free one) talking to the bot at `botUrl`, and its web UI in headless Chromium. */
export async function openPlayground(name: string, botUrl: string, port?: number): Promise<{ playground: RunningPlayground; ui: PlaygroundUi; close(): Promise<void> }> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'playground-walk-'));
  copyFileSync(path.join(ROOT, PLAYGROUND_CONFIG_FILE), path.join(workDir, PLAYGROUND_CONFIG_FILE));
  const playground = await startPlayground({ botEndpoint: `${botUrl}/api/messages`, port: port ?? (await freePort()), workDir, logger: createLogger('silent') });
  const ui = await PlaygroundUi.open(playground.url, name);
  return {
    playground,
    ui,
    async close() {
      await ui.close();
      await playground.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Sets up the DSG in General, as a council does on its first day (the bot reads the team's roster), then goes back to the personal chat. */
export async function setUpDsg(ui: PlaygroundUi): Promise<void> {
  await ui.openChat('General');
  await ui.post('setup dsg');
  await ui.page.getByText(/DSG channel/).first().waitFor();
  await ui.openChat('Personal Chat');
}

/**
 * Submits an idea through the form's three steps in the open chat, from the greeting's Submit an idea to the
 * Submit on step 3; `shot` names a screenshot of each step's card (`<shot>-step-1` …) when given.
 */
export async function submitIdea(ui: PlaygroundUi, title: string, shot?: string): Promise<void> {
  const step = async (n: number) => {
    const card = await ui.waitForText(`Step ${n} of 3`);
    if (shot) await ui.shot(`${shot}-step-${n}`, card);
  };
  await ui.say('hi');
  await ui.press('Submit an idea');
  await step(1);
  await ui.fill(/^Title/, title);
  await ui.fill(/What problem/, 'Residents phone to buy permits and staff re-key them.');
  await ui.fill(/intended outcome/, 'Residents buy a permit online in two minutes.');
  await ui.tick('Citizens');
  await ui.press(/^Next$/);
  await step(2);
  await ui.choose('Choose a strand', 'Digital Customers');
  await ui.tick('Customer/Citizen Focused');
  await ui.fill(/How does it support/, 'Self-service online, any time.');
  await ui.press(/^Next$/);
  await step(3);
  // With a catalogue (the demo's), the question is a searchable choice of its entries (left unanswered here) above
  // the words; without one, the words alone are asked it.
  await ui.fill(/^(What existing council, shared or national solution did you check\?(?! Choose)|Say what you checked)/, 'The national permits platform.');
  await ui.tick('Re-use an existing solution');
  await ui.press(/^Submit$/);
}

export interface ProcessWalk {
  db: TestDatabase;
  /** The bot as its own process, so a walk can kill and restart it. */
  bot: BotProcess;
  ui: PlaygroundUi;
  /** Reads the bot's database while it runs (SQLite in WAL mode lets a second reader in). */
  read<T>(work: (store: Store) => Promise<T>): Promise<T>;
}

/**
 * The demo programme's bot as its own process, with the Playground as its Bot Connector too (so the bot can start
 * a 1:1 chat with someone it has not talked to yet) and the DSG set up; started in `beforeAll`, stopped in `afterAll`.
 */
export function useDemoProcessWalk(name: string, env: Record<string, string> = {}): ProcessWalk {
  let close: (() => Promise<void>) | undefined;
  const walk = {
    async read<T>(work: (store: Store) => Promise<T>): Promise<T> {
      const store = await openStore({ sqlitePath: walk.db.env.SQLITE_PATH });
      try {
        return await work(store);
      } finally {
        await store.close();
      }
    },
  } as ProcessWalk;
  beforeAll(async () => {
    walk.db = await demoDatabase();
    const playgroundPort = await freePort();
    walk.bot = await BotProcess.start({ ...walk.db.env, DSG_ADMIN_AAD_IDS: MOCK_TENANT.currentUser.aadObjectId, PLAYGROUND_PORT: String(playgroundPort), ...env });
    ({ ui: walk.ui, close } = await openPlayground(name, walk.bot.url, playgroundPort));
    await setUpDsg(walk.ui);
  });
  afterAll(async () => {
    await close?.();
    await walk.bot?.kill();
    await walk.db?.dispose();
  });
  return walk;
}

/**
 * Runs the reminders (`reminders run` in the Playground) and waits until `person`'s reminder card holding an item
 * that `wanted` picks has been sent (this morning's scheduled run, or the run asked for now): its outbox key, its
 * items and the index of that item. Expects it to be sent with no error.
 */
export async function sentReminderItem(w: ProcessWalk, person: { aadObjectId: string }, wanted: (item: ReminderItem) => boolean): Promise<{ key: string; items: ReminderItem[]; index: number }> {
  await w.ui.say('reminders run');
  await w.ui.page.getByText(/Reminders queued|Nothing to send|Nothing new was queued/).last().waitFor();
  const keys = () => {
    const sqlite = new BetterSqlite3(w.db.env.SQLITE_PATH, { readonly: true });
    try {
      return (sqlite.prepare("select key from outbox where key like 'reminder:%:' || ? order by created_at desc").all(person.aadObjectId) as { key: string }[]).map((r) => r.key);
    } finally {
      sqlite.close();
    }
  };
  const asking = async () => {
    for (const key of keys()) {
      const message = await w.read((store) => store.outbox.get(key));
      const items = message?.intent.kind === 'reminder' ? message.intent.items : [];
      const index = items.findIndex(wanted);
      if (message && index >= 0) return { key, message, items, index };
    }
    return null;
  };
  for (let i = 0; i < 50 && (await asking())?.message.status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 300));
  const found = await asking();
  expect({ status: found?.message.status, lastError: found?.message.lastError }).toEqual({ status: 'sent', lastError: null });
  return { key: found!.key, items: found!.items, index: found!.index };
}
