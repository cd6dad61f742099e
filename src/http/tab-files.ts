/**
 * The Programme tab's static files (built by src/build-tab.ts) as HTTP answers: only plain file names
 * from the tab's own folder (no paths, so no way out of it), each with its content type, caching (hashed
 * assets for a year, pages revalidated every time), an ETag, and a Content-Security-Policy that lets
 * Teams (and nothing else but the bot's own pages) frame the tab.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where the built tab is: the same folder whether the bot runs from src/ (tests) or dist/. */
export const TAB_DIR = path.resolve(__dirname, '..', '..', 'dist', 'tab');

export const TAB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // @microsoft/teams-js fetches its list of Teams origins from Microsoft's CDN (and falls back to a built-in list).
  "connect-src 'self' https://res.cdn.office.net",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self' teams.microsoft.com *.teams.microsoft.com *.office.com *.cloud.microsoft",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Addresses under /tab that are pages rather than files. */
const PAGES: Record<string, string> = { '': 'index.html', config: 'config.html' };
/** One name, letters, digits, - and _, then one known extension: nothing else is looked up. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}\.(html|js|css|svg|png)$/;
/** esbuild's content hash in an asset's name (`tab-FCD4NBMF.js`): such a file never changes. */
const HASHED = /-[A-Z0-9]{8}\.(js|css)$/;

export interface TabFile {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer | string;
}

function answer(status: number, text: string): TabFile {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) }, body: text };
}

/** The answer to GET /tab/<name> (`name` '' for /tab itself), given the request's If-None-Match. */
export async function readTabFile(dir: string, name: string, ifNoneMatch?: string): Promise<TabFile> {
  const file = PAGES[name] ?? name;
  if (!FILE_NAME.test(file)) return answer(404, 'There is no such page or file in the Programme tab.');
  const full = path.resolve(dir, file);
  if (path.dirname(full) !== path.resolve(dir)) return answer(404, 'There is no such page or file in the Programme tab.');
  let body: Buffer;
  try {
    body = await readFile(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return file === 'index.html'
      ? answer(503, 'The Programme tab is not built on this server. Run `npm run build` (npm start does it), then reload.')
      : answer(404, 'There is no such page or file in the Programme tab.');
  }
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPES[path.extname(file)],
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'content-security-policy': TAB_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) return { status: 304, headers, body: '' };
  return { status: 200, headers: { ...headers, 'content-length': body.length }, body };
}
