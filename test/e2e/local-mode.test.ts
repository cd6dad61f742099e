/**
 * Local mode (no MicrosoftAppId) is closed: requests are not authenticated, so the bot takes only JSON (no
 * cross-site form posts), answers only a loopback Host (no DNS rebinding), and replies only to a loopback
 * serviceUrl (never to 169.254.169.254 or any other address an activity names).
 */
import form from '../fixtures/request-form.json';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { invokeAction, message } from './support/activities';
import { action, answerCard, invokeCard, wordsOf } from './support/card-reading';
import { rawRequest } from './support/raw-http';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

let db: TestDatabase;
let t: TestBot;
let port: string;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startTestBot(db);
  port = new URL(t.bot.url).port;
});
afterAll(async () => {
  await t?.stop();
  await db?.dispose();
});

const person = (n: string) => ({ ...MOCK_USERS.councilOfficer, id: `29:local-${n}`, aadObjectId: `local-${n}` });
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('POST /api/messages takes only JSON', () => {
  it('refuses a cross-site form post, text/plain, multipart or no content type with 415, and handles nothing', async () => {
    const from = person('form');
    const activity = message('new', { ...t.opts, from });
    const formBody = new URLSearchParams({ type: 'message', text: 'new', serviceUrl: t.opts.serviceUrl, 'from[id]': from.id, 'recipient[id]': activity.recipient.id, 'conversation[id]': activity.conversation.id }).toString();
    const bodies: [string | undefined, string][] = [
      ['application/x-www-form-urlencoded', formBody],
      ['text/plain', JSON.stringify(activity)],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--x--\r\n`],
      ['application/json-seq', JSON.stringify(activity)],
      [undefined, JSON.stringify(activity)],
    ];
    for (const [contentType, body] of bodies) {
      const res = await rawRequest(`${t.bot.url}/api/messages`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
      expect([contentType, res.status]).toEqual([contentType, 415]);
      expect(JSON.parse(res.text)).toEqual({ error: 'The body must be a Bot Framework activity sent as JSON (Content-Type: application/json).' });
    }
    await settle();
    // Nothing sent, and nothing asked about this person (the bot may still be asking Teams about earlier senders).
    expect(t.connector.requests.filter((r) => r.method !== 'GET' || JSON.stringify(r).includes(from.id))).toEqual([]);
    expect(await db.knowsPerson(from.id)).toBe(false);
  });

  it('takes application/json with a charset, as the Agents Playground and Teams send it', async () => {
    const from = person('json');
    const res = await rawRequest(`${t.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: JSON.stringify(invokeAction('help.show', {}, { ...t.opts, from })) });
    expect(res.status).toBe(200);
    expect(wordsOf(invokeCard(JSON.parse(res.text)))).toContain('How to use dsg-bot');
    expect(await db.knowsPerson(from.id)).toBe(true);
  });
});

describe('only a loopback Host is answered', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '[::1]', '127.0.0.2'])('answers Host %s, with or without the port', async (host) => {
    for (const value of [host, `${host}:${port}`]) expect((await rawRequest(`${t.bot.url}/healthz`, { headers: { host: value } })).status).toBe(200);
  });

  /** PORT stands for the bot's port. */
  const foreign = ['evil.example', 'evil.example:PORT', 'localhost.evil.example:PORT', '127.0.0.1.nip.io:PORT', '0.0.0.0:PORT', '10.0.0.5:PORT', '[::ffff:127.0.0.1]:PORT', 'evil.example@127.0.0.1:PORT'];

  it.each(foreign)('answers Host %s with 421 on every route, before anything is read or handled', async (pattern) => {
    const host = pattern.replace('PORT', port);
    const from = person(`host-${foreign.indexOf(pattern)}`);
    for (const path of ['/healthz', '/api/session', '/api/programme', '/tab', '/open/programme.json', '/no/such/page']) {
      const res = await rawRequest(`${t.bot.url}${path}`, { headers: { host, 'x-demo-user': MOCK_USERS.dsgChair.aadObjectId } });
      expect([path, res.status]).toEqual([path, 421]);
      expect(JSON.parse(res.text)).toEqual({ error: 'In local mode this bot answers only at localhost, 127.0.0.1 or [::1].' });
    }
    const post = await rawRequest(`${t.bot.url}/api/messages`, { method: 'POST', headers: { host, 'content-type': 'application/json' }, body: JSON.stringify(message('new', { ...t.opts, from })) });
    expect(post.status).toBe(421);
    await settle();
    expect(await db.knowsPerson(from.id)).toBe(false);
  });

  it('refuses a request with no Host at all (Node answers 400 before the bot sees it)', async () => {
    const res = await rawRequest(`${t.bot.url}/healthz`, { setHost: false });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('ok');
  });

  it('lets X-Demo-User sign in only from a loopback Host: a rebinding page reads no names', async () => {
    const loopback = await rawRequest(`${t.bot.url}/api/programme`, { headers: { 'x-demo-user': MOCK_USERS.dsgChair.aadObjectId } });
    expect(JSON.parse(loopback.text).viewer).toMatchObject({ name: 'DSG Chair', via: 'local-demo' });
    const rebound = await rawRequest(`${t.bot.url}/api/programme`, { headers: { host: `attacker.example:${port}`, 'x-demo-user': MOCK_USERS.dsgChair.aadObjectId } });
    expect(rebound.status).toBe(421);
    expect(rebound.text).not.toContain('DSG Chair');
  });
});

describe('replies go only to a loopback serviceUrl', () => {
  const foreign = ['http://169.254.169.254/latest/meta-data/', 'https://smba.trafficmanager.net/teams/', 'http://10.0.0.5:3978/', 'http://127.0.0.1.nip.io/', 'http://0.0.0.0:9/', 'http://[::ffff:127.0.0.1]:9/', 'file:///etc/passwd', 'ftp://127.0.0.1/'];

  it.each(foreign)('refuses an activity whose serviceUrl is %s with 400, and stores and sends nothing', async (serviceUrl) => {
    const from = person(`service-${foreign.indexOf(serviceUrl)}`);
    for (const activity of [message('new', { serviceUrl, from }), invokeAction('request.new', { fresh: true }, { serviceUrl, from })]) {
      const res = await t.post(activity);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'In local mode the bot answers only a serviceUrl on this machine (localhost, 127.0.0.1 or [::1]).' });
    }
    await settle();
    // Nothing sent, and nothing asked about this person (the bot may still be asking Teams about earlier senders).
    expect(t.connector.requests.filter((r) => r.method !== 'GET' || JSON.stringify(r).includes(from.id))).toEqual([]);
    expect(await db.knowsPerson(from.id)).toBe(false);
  });

  it('does not take a submission sent with a foreign serviceUrl', async () => {
    const from = person('submitter');
    const fresh = await t.post(invokeAction('request.new', { fresh: true }, { ...t.opts, from }));
    const { formId } = action(invokeCard(fresh.body), 'request.next').data;
    const refused = await t.post(invokeAction('request.submit', { formId, ...form }, { serviceUrl: 'http://169.254.169.254/', from }));
    expect(refused.status).toBe(400);
    const mine = await t.post(invokeAction('request.list', {}, { ...t.opts, from }));
    expect(wordsOf(answerCard(mine.body, t))).toContain('You have not submitted any requests yet.');
  });
});
