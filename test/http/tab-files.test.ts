/**
 * GET /tab on the real HTTP server, over a folder laid out as the tab build leaves it: the pages and
 * hashed assets with their content types, caching, ETag and CSP; nothing outside the folder, whatever
 * the path looks like; plain words when the tab is not built.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type restify from 'restify';
import { close, createHttpServer, listen } from '../../src/http/server';
import { TAB_CSP } from '../../src/http/tab-files';
import { createLogger } from '../../src/log';

const LOCAL = { loopbackHostsOnly: true };

let root: string;
let tabDir: string;
let server: restify.Server;
let url: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'dsg-tab-files-'));
  tabDir = path.join(root, 'tab');
  mkdirSync(tabDir);
  writeFileSync(path.join(root, 'secret.txt'), 'not for the web');
  writeFileSync(path.join(root, 'secret.js'), 'not for the web');
  writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>Digital Programme</title>');
  writeFileSync(path.join(tabDir, 'config.html'), '<!doctype html><title>Add the Programme tab</title>');
  writeFileSync(path.join(tabDir, 'tab-AB12CD34.js'), 'console.log(1)');
  writeFileSync(path.join(tabDir, 'styles-ZZ99YY88.css'), 'body{}');
  server = createHttpServer({ messages: async () => ({ status: 200 }), databaseHealthy: async () => true, tabDir }, createLogger('silent'), LOCAL);
  url = await listen(server, 0, '127.0.0.1');
});
afterAll(async () => {
  await close(server);
  rmSync(root, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${url}${p}`, { headers });

/** A GET with the path exactly as written (fetch would resolve the dot segments before sending). */
function rawGet(p: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    http
      .get({ hostname, port, path: p }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
      })
      .on('error', reject);
  });
}

describe('GET /tab', () => {
  it.each(['/tab', '/tab/', '/tab/index.html'])('%s is the page, revalidated every time, framable by Teams only', async (p) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(TAB_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(await res.text()).toContain('<title>Digital Programme</title>');
  });

  it('lets Teams, Office and the bot itself frame the tab, and nobody else', () => {
    const ancestors = TAB_CSP.split('; ').find((d) => d.startsWith('frame-ancestors '))?.split(' ').slice(1);
    expect(ancestors).toEqual(["'self'", 'teams.microsoft.com', '*.teams.microsoft.com', '*.office.com', '*.cloud.microsoft']);
    expect(TAB_CSP).toContain("script-src 'self'");
    expect(TAB_CSP).not.toContain('unsafe-inline');
  });

  it('serves the channel tab configuration page at /tab/config', async () => {
    const res = await get('/tab/config');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Add the Programme tab');
  });

  it('serves hashed assets with their content type, cached for a year', async () => {
    const js = await get('/tab/tab-AB12CD34.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = await get('/tab/styles-ZZ99YY88.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe('body{}');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/tab');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/tab', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/tab', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it.each([
    '/tab/../secret.txt',
    '/tab/..%2fsecret.js',
    '/tab/%2e%2e%2fsecret.js',
    '/tab/%2E%2E/secret.js',
    '/tab/..%5csecret.js',
    '/tab/sub/tab-AB12CD34.js',
    '/tab/.hidden.js',
    '/tab/nothing-here.js',
    '/tab/index.html.bak',
    '/tab/tab-AB12CD34.js%00.html',
  ])('answers 404 in plain words for %s, never a file outside the tab', async (p) => {
    const res = await rawGet(p);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('not for the web');
    expect(res.text).toMatch(/no such page or file/i);
  });

  it('says how to build the tab when it has not been built', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'dsg-tab-empty-'));
    const bare = createHttpServer({ messages: async () => ({ status: 200 }), databaseHealthy: async () => true, tabDir: empty }, createLogger('silent'), LOCAL);
    const bareUrl = await listen(bare, 0, '127.0.0.1');
    try {
      const res = await fetch(`${bareUrl}/tab`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/not built.*npm run build/);
    } finally {
      await close(bare);
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
