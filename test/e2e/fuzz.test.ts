/**
 * Fuzzing through the real HTTP endpoint (fast-check): every verb in the verb table, as an Action.Execute
 * invoke or an Action.Submit message, from different people, plus the activity envelope itself. One bot for
 * the file. Properties, for every input:
 *  - no 5xx; no unhandled rejection (jest fails the test in which one happens); the process stays up and
 *    answers afterwards;
 *  - an input the verb's schema (or the envelope's) refuses stores nothing (triggers count every row the bot
 *    inserts, updates or deletes) and gets a specific answer, never the "something went wrong" one;
 *  - an input the schema accepts round-trips: the verb itself answers (a card, or its own words), never the
 *    schema's refusal and never the "something went wrong" fault.
 * FUZZ_RUNS (default 200) inputs per verb and for the envelope; the total tried is printed and written to
 * test-artifacts/fuzz.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import form from '../fixtures/request-form.json';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { activityEnvelope } from '../../src/teams/endpoint';
import { VERBS } from '../../src/teams/verbs';
import { channelMention, invokeAction, message, type TeamsActivity } from './support/activities';
import { action, attachedCard, invokeCard, wordsOf } from './support/card-reading';
import { hostileValue, verbData } from './support/fuzz-inputs';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
jest.setTimeout(Math.max(120_000, RUNS * 2_000));

const FAULT = 'Sorry, something went wrong on our side';
const SCHEMA_REFUSAL = 'Sorry, I could not use that card';
const { councilOfficer, dsgAdmin, dsgChair, projectLeadLearning2 } = MOCK_USERS;
const PEOPLE = [councilOfficer, dsgAdmin, dsgChair, projectLeadLearning2];
/** Card inputs beyond the schemas' own fields (loose objects carry a card's inputs). */
const CARD_FIELDS = [...Object.keys(form), 'reason', 'question', 'answer', 'note', 'priority', 'planLink', 'businessCaseLink', 'status', 'm1Title', 'm1Due', 'i0_status', 'i0_link', 'i0_snoozeReason', 'savedAmount', 'year'];

let db: TestDatabase;
let t: TestBot;
let sqlite: BetterSqlite3.Database;
let tried = 0;
const known: { references: string[] } = { references: [] };

/** Rows the bot has written: content tables (everything), contact tables (who talked to the bot, where). */
function writes(): { content: number; contacts: number } {
  const rows = sqlite.prepare('select scope, n from fuzz_writes').all() as { scope: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.scope, r.n])) as { content: number; contacts: number };
}

/**
 * Triggers on every table: a write to people or conversations counts as a contact (recorded for any activity
 * that is one); to any other, as content. The outbox sender's and the triage post's bookkeeping (updates in
 * the background, after a valid input) are not the input's doing and are left out.
 */
function countWrites(file: string): BetterSqlite3.Database {
  const database = new BetterSqlite3(file);
  database.exec(`create table fuzz_writes (scope text primary key, n integer not null); insert into fuzz_writes values ('content', 0), ('contacts', 0);`);
  const tables = (database.prepare(`select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%' and name != 'fuzz_writes'`).all() as { name: string }[]).map((r) => r.name);
  for (const table of tables) {
    const scope = ['people', 'conversations', 'roster_cache'].includes(table) ? 'contacts' : 'content';
    const events = ['outbox', 'triage'].includes(table) ? ['insert', 'delete'] : ['insert', 'update', 'delete'];
    for (const event of events) {
      database.exec(`create trigger fuzz_${table}_${event} after ${event} on ${table} begin update fuzz_writes set n = n + 1 where scope = '${scope}'; end;`);
    }
  }
  return database;
}

type Answer = { status: number; body: any };

/** The words of an invoke answer: its message, or the card's text. */
const said = (answer: Answer): string =>
  answer.body?.type === 'application/vnd.microsoft.activity.message' ? String(answer.body.value) : answer.body?.type === 'application/vnd.microsoft.card.adaptive' ? wordsOf(answer.body.value) : JSON.stringify(answer.body);

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startTestBot(db, { DSG_ADMIN_AAD_IDS: dsgAdmin.aadObjectId });
  t.connector.setRoster(MOCK_TENANT.team.id, [...MOCK_TENANT.users]);
  // A DSG, a pending request and an approved project, so that references lead somewhere.
  for (const user of PEOPLE) await t.post(message('hi', { ...t.opts, from: user }));
  await t.post(channelMention('setup dsg', { ...t.opts, from: dsgAdmin }));
  for (const title of ['Online booking for bulky uplifts', 'Digital timesheets for school catering staff']) {
    const formId = action(invokeCard((await t.post(invokeAction('request.new', { fresh: true }, t.opts))).body), 'request.next').data.formId;
    const card = invokeCard((await t.post(invokeAction('request.submit', { formId, ...form, title, problem: `${title}: ${form.problem}` }, t.opts))).body);
    known.references.push(/DP-\d{4}-\d{4}/.exec(wordsOf(card))![0]);
  }
  const post = await t.connector.waitFor((a) => a.kind === 'new' && wordsOf(a.activity).includes(known.references[1]));
  const triage = attachedCard(post.activity);
  await t.post(invokeAction('request.approve', { ...action(triage, 'request.approve').data, priority: 'high', isPriority: 'true' }, { ...t.opts, from: dsgChair }));
  sqlite = countWrites(db.env.SQLITE_PATH);
});

afterAll(async () => {
  sqlite?.close();
  await t?.stop();
  await db?.dispose();
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync(path.join('test-artifacts', 'fuzz.json'), `${JSON.stringify({ inputs: tried, perVerb: RUNS, verbs: VERBS.size }, null, 2)}\n`);
  console.log(`Fuzzed ${tried} inputs through POST /api/messages (${RUNS} per verb for ${VERBS.size} verbs, and the envelope).`);
});

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The activity for a press: an Action.Execute invoke, or an Action.Submit message with the verb in its value
 * (which then holds the data's fields, or `data` when it is not an object). Also the data the verb is handed.
 */
function pressOf(verb: string, data: unknown, from: (typeof PEOPLE)[number], asSubmit: boolean, inChannel: boolean): { activity: TeamsActivity; verbData: unknown } {
  const opts = { ...t.opts, from, conversationType: inChannel ? ('channel' as const) : ('personal' as const) };
  const activity = invokeAction(verb, {}, opts);
  if (!asSubmit) return { activity: { ...activity, value: { action: { type: 'Action.Execute', id: verb, verb, data }, trigger: 'manual' } }, verbData: data };
  const { name: _, value: __, ...envelope } = activity;
  const { verb: ___, ...fields } = isObject(data) ? data : { data };
  return { activity: { ...envelope, type: 'message', value: { ...fields, verb }, replyToId: '1760000000000' }, verbData: fields };
}

describe.each([...VERBS.values()].map((v) => [v.name, v] as const))('fuzzing %s', (name, verb) => {
  it(`answers ${RUNS} generated presses without a 5xx, storing nothing for what its schema refuses`, async () => {
    const data = verbData(verb.data, { hints: { reference: fc.constantFrom(...known.references), duplicateOf: fc.constantFrom(...known.references) }, extraFields: CARD_FIELDS });
    await fc.assert(
      fc.asyncProperty(data, fc.constantFrom(...PEOPLE), fc.boolean(), fc.integer({ min: 0, max: 9 }), async (input, from, inChannel, way) => {
        tried++;
        const asSubmit = way === 0;
        const press = pressOf(name, input, from, asSubmit, inChannel);
        const valid = isObject(press.verbData) && verb.data.safeParse(press.verbData).success;
        const before = writes();
        const answer = await t.post(press.activity);
        expect(answer.status).toBeLessThan(500);
        if (asSubmit) {
          expect(answer.status).toBe(200);
        } else {
          expect(answer.status).toBe(200);
          expect(said(answer)).not.toContain(FAULT);
          if (valid) expect(said(answer)).not.toContain(SCHEMA_REFUSAL);
          else expect(said(answer)).toContain(SCHEMA_REFUSAL);
        }
        if (!valid) expect(writes().content).toBe(before.content);
      }),
      { numRuns: RUNS },
    );
  });
});

/** serviceUrls safe to hand the bot: the fake connector, a closed loopback port, or nothing that parses as a URL. */
const serviceUrl = () => fc.oneof(fc.constant(t.connector.url), fc.constant('http://127.0.0.1:9/'), fc.string().filter((s) => !s.includes(':')), fc.constantFrom(null, 42, {}, []));

/** An activity from Teams with one part of its envelope replaced, removed, or the whole body something else. */
function envelopes(): fc.Arbitrary<unknown> {
  const base = fc.constantFrom(
    () => message('help', t.opts),
    () => invokeAction('help.show', {}, t.opts),
    () => channelMention('help', t.opts),
  );
  const keys = ['type', 'id', 'serviceUrl', 'from', 'recipient', 'conversation', 'channelData', 'channelId', 'name', 'value', 'text', 'entities', 'replyToId', 'timestamp', 'locale', 'membersAdded', 'action'];
  const replaced = fc.tuple(base, fc.constantFrom(...keys), fc.oneof(hostileValue, serviceUrl(), fc.constantFrom('message', 'invoke', 'event', 'conversationUpdate', 'installationUpdate', 'typing'))).map(([make, key, value]) => {
    const activity = make() as unknown as Record<string, unknown>;
    if (key === 'serviceUrl') return { ...activity, serviceUrl: value === t.connector.url || typeof value !== 'string' || !value.includes(':') ? value : t.connector.url };
    return { ...activity, [key]: value };
  });
  const removed = fc.tuple(base, fc.constantFrom(...keys)).map(([make, key]) => {
    const { [key]: _, ...rest } = make() as unknown as Record<string, unknown>;
    return rest;
  });
  const nested = fc.tuple(base, fc.constantFrom('from', 'recipient', 'conversation', 'channelData'), fc.constantFrom('id', 'name', 'aadObjectId', 'conversationType', 'tenant', 'tenantId'), hostileValue).map(([make, outer, inner, value]) => {
    const activity = make() as unknown as Record<string, Record<string, unknown>>;
    return { ...activity, [outer]: { ...activity[outer], [inner]: value } };
  });
  return fc.oneof({ weight: 3, arbitrary: replaced }, { weight: 2, arbitrary: removed }, { weight: 2, arbitrary: nested }, { weight: 1, arbitrary: fc.oneof(hostileValue, fc.object({ maxDepth: 2 })) });
}

describe('fuzzing the activity envelope', () => {
  it(`answers ${RUNS} broken activities without a 5xx; one that is not an activity gets 400 and stores nothing, not even a contact`, async () => {
    await fc.assert(
      fc.asyncProperty(envelopes(), async (body) => {
        tried++;
        const valid = isObject(body) && typeof body.type === 'string' && activityEnvelope.safeParse(body).success;
        const before = writes();
        const res = await fetch(`${t.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        await res.text();
        expect(res.status).toBeLessThan(500);
        if (!valid) {
          expect(res.status).toBe(400);
          expect(writes()).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is still up and answering after all of it', async () => {
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
    const answer = await t.post(invokeAction('help.show', {}, t.opts));
    expect(answer.status).toBe(200);
    expect(said(answer)).toMatch(/help|request/i);
  });
});
