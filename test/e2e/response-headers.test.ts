/**
 * Every response says X-Content-Type-Options: nosniff; nothing under /api/ or /reports/ is cached; and no error
 * body carries a library's words or a stack trace, whatever went wrong.
 */
import { createLogger } from '../../src/log';
import { close, createHttpServer, listen } from '../../src/http/server';
import { invokeAction, message } from './support/activities';
import { rawRequest, type RawResponse } from './support/raw-http';
import { startTestBot, TestDatabase, type TestBot } from './support/test-bot';

let db: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  t = await startTestBot(db, { OPEN_DATA: 'on' });
});
afterAll(async () => {
  await t?.stop();
  await db?.dispose();
});

/** Words from restify, Node, JSON.parse or a stack trace that must never reach a caller. */
const LIBRARY_WORDS = /restify|Unexpected token|Unexpected end|Invalid JSON:|exceeds|does not exist|is not allowed|\w+Error\b|at \S+ \(|node_modules|\.js:\d+/;

const send = (path: string, init: Parameters<typeof rawRequest>[1] = {}) => rawRequest(`${t.bot.url}${path}`, init);
const post = (body: string, contentType = 'application/json') => send('/api/messages', { method: 'POST', headers: { 'content-type': contentType }, body });

describe('every response', () => {
  it.each<[string, () => Promise<RawResponse>, number | number[]]>([
    ['GET /healthz', () => send('/healthz'), 200],
    ['GET /open/programme.json', () => send('/open/programme.json'), 200],
    ['GET /open/programme.csv', () => send('/open/programme.csv'), 200],
    ['GET /api/session', () => send('/api/session'), 200],
    ['GET /api/programme', () => send('/api/programme'), 200],
    ['GET /api/projects/DP-2026-0099', () => send('/api/projects/DP-2026-0099'), 404],
    ['GET /api/meetings', () => send('/api/meetings'), 200],
    ['GET /reports/annual/2026-27.csv without a token', () => send('/reports/annual/2026-27.csv'), 403],
    // 200 once the tab is built (npm run build), 503 before.
    ['GET /tab', () => send('/tab'), [200, 503]],
    ['GET /no/such/page', () => send('/no/such/page'), 404],
    ['GET /api/messages', () => send('/api/messages'), 405],
    ['HEAD /api/messages', () => send('/api/messages', { method: 'HEAD' }), 200],
    ['POST /api/messages (a press)', () => post(JSON.stringify(invokeAction('help.show', {}, t.opts))), 200],
    ['POST /api/messages (a message)', () => post(JSON.stringify(message('hello', t.opts))), 200],
    ['POST /api/messages (bad JSON)', () => post('{"type":'), 400],
    ['POST /api/messages (a form)', () => post('type=message', 'application/x-www-form-urlencoded'), 415],
    ['POST /api/messages (too large)', () => post(JSON.stringify(message('x'.repeat(300 * 1024), t.opts))), 413],
    ['GET /healthz for a foreign Host', () => send('/healthz', { headers: { host: 'evil.example' } }), 421],
  ])('%s says nosniff', async (_name, request, status) => {
    const res = await request();
    expect([status].flat()).toContain(res.status);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('nothing under /api/ or /reports/ is cached', () => {
  it.each([
    ['/api/session', 200],
    ['/api/programme', 200],
    ['/api/projects/DP-2026-0099', 404],
    ['/api/projects/not-a-reference', 400],
    ['/api/meetings', 200],
    ['/api/nothing-here', 404],
    ['/reports/annual/2026-27.csv', 403],
    ['/reports/annual/2026-27.json?expires=1&token=forged', 403],
  ])('GET %s answers %s with Cache-Control: no-store', async (path, status) => {
    const res = await send(path);
    expect(res.status).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('POST /api/messages answers with Cache-Control: no-store', async () => {
    for (const res of [await post(JSON.stringify(invokeAction('help.show', {}, t.opts))), await post('[]'), await post('x', 'text/plain')]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('leaves the public pages to cache as before', async () => {
    expect((await send('/open/programme.json')).headers['cache-control']).toBe('public, max-age=300');
  });
});

describe('error bodies are our own words', () => {
  it.each<[string, () => Promise<RawResponse>, number, string]>([
    ['bad JSON', () => post('{"type":'), 400, 'The body is not valid JSON.'],
    ['a body over 256 KB', () => post(JSON.stringify(message('x'.repeat(300 * 1024), t.opts))), 413, 'The body is larger than 256 KB.'],
    ['an unknown address', () => send('/no/such/page'), 404, 'There is nothing at this address.'],
    ['a method the address does not take', () => send('/api/messages', { method: 'DELETE' }), 405, 'This address does not take that method.'],
    ['a malformed activity', () => post(JSON.stringify({ ...message('hi', t.opts), from: 42, recipient: undefined })), 400, 'The activity is malformed: from, recipient missing or not valid.'],
  ])('%s gets a short answer with no library text', async (_name, request, status, words) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(JSON.parse(res.text)).toEqual({ error: words });
    expect(res.text).not.toMatch(LIBRARY_WORDS);
  });

  it('a handler that fails unexpectedly gets 500 with a plain message; the cause is only logged', async () => {
    const lines: string[] = [];
    const boom = async (): Promise<never> => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret') at /srv/node_modules/x.js:1:2");
    };
    const server = createHttpServer({ messages: boom, databaseHealthy: async () => true }, createLogger('info', { write: (l: string) => void lines.push(l) }), { loopbackHostsOnly: true });
    const url = await listen(server, 0, '127.0.0.1');
    try {
      const res = await rawRequest(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' });
      expect(res.status).toBe(500);
      expect(JSON.parse(res.text)).toEqual({ error: 'Something went wrong on our side; try again later.' });
      expect(res.text).not.toMatch(LIBRARY_WORDS);
      expect(lines.some((l) => l.includes('activity could not be handled') && l.includes('reading'))).toBe(true);
    } finally {
      await close(server);
    }
  });
});
