import restify from 'restify';
import type { ProgrammeResponse, ProjectDetailResponse, SessionInfo } from '../domain/programme-view-types';
import { isDomainError } from '../domain/errors';
import type { Logger } from '../log';
import { type Caller, SignInError } from '../sso/sign-in';
import type { InfoPages } from './info-pages';
import { readTabFile } from './tab-files';

export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpHandlers {
  /** POST /api/messages with a parsed JSON body; may throw for a body that is not an activity. */
  messages(req: restify.Request, res: restify.Response): Promise<void>;
  /** Whether the database answers. */
  databaseHealthy(): Promise<boolean>;
  /** The published Digital Programme (GET /open/programme.json and .csv); absent when OPEN_DATA is off. */
  openData?: { json(): Promise<unknown>; csv(): Promise<string> };
  /** GET /reports/annual/<year>.csv|json with a signed token (expires, token query parameters). */
  annualReport?(file: string, expires: string | undefined, token: string | undefined): Promise<{ ok: true; format: 'csv' | 'json'; fileName: string; body: string } | { ok: false; status: number; error: string }>;
  /** The Programme tab's API (GET /api/session, /api/programme, /api/projects/:ref); `caller` holds the sign-in headers. */
  programmeApi?: {
    session(): SessionInfo;
    programme(caller: Caller): Promise<ProgrammeResponse>;
    project(caller: Caller, reference: string): Promise<ProjectDetailResponse>;
  };
  /** The folder of the built Programme tab, served at /tab (src/http/tab-files.ts). */
  tabDir?: string;
  // --- Data protection (issue 14) ---
  /** GET /privacy and /accessibility: the privacy notice and the accessibility statement, as HTML. */
  infoPages?: InfoPages;
  /** GET /subject-access/<id>.html|json with a signed token: what dsg-bot holds about one person. */
  subjectAccess?(file: string, expires: string | undefined, token: string | undefined): Promise<{ ok: true; format: 'json' | 'html'; body: string } | { ok: false; status: number; error: string }>;
}

/** The bot's HTTP surface; the only place that knows restify. */
export function createHttpServer(handlers: HttpHandlers, log: Logger): restify.Server {
  const server = restify.createServer({ name: 'dsg-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, rejectUnknown: false } as restify.plugins.BodyParserOptions));

  server.post('/api/messages', async (req, res) => {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      log.warn({ reqId: req.id() }, 'POST /api/messages without a JSON activity');
      res.send(400, { error: 'The body must be a Bot Framework activity: a JSON object with a "type".' });
      return;
    }
    try {
      await handlers.messages(req, res);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.warn({ reqId: req.id(), reason }, 'activity refused');
      if (!res.headersSent) res.send(400, { error: `The activity is malformed: ${reason}`.slice(0, 500) });
    }
  });

  // The Playground (and some proxies) probe the endpoint with HEAD before posting.
  server.head('/api/messages', async (_req, res) => {
    res.send(200);
  });

  server.get('/healthz', async (_req, res) => {
    const database = await handlers.databaseHealthy();
    res.send(database ? 200 : 503, { status: database ? 'ok' : 'unhealthy', database: database ? 'ok' : 'unreachable', uptimeSeconds: Math.round(process.uptime()) });
  });

  const openDataOff = { error: 'Open data publishing is off on this server (OPEN_DATA=off).' };
  server.get('/open/programme.json', async (req, res) => {
    if (!handlers.openData) {
      res.send(404, openDataOff);
      return;
    }
    try {
      const body = await handlers.openData.json();
      res.header('cache-control', 'public, max-age=300');
      res.send(200, body);
    } catch (error) {
      log.error({ reqId: req.id(), reason: error instanceof Error ? error.message : String(error) }, 'open data (JSON) failed');
      res.send(500, { error: 'The programme could not be read; try again later.' });
    }
  });
  server.get('/open/programme.csv', async (req, res) => {
    if (!handlers.openData) {
      res.send(404, openDataOff);
      return;
    }
    try {
      const body = await handlers.openData.csv();
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="digital-programme.csv"',
        'cache-control': 'public, max-age=300',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } catch (error) {
      log.error({ reqId: req.id(), reason: error instanceof Error ? error.message : String(error) }, 'open data (CSV) failed');
      res.send(500, { error: 'The programme could not be read; try again later.' });
    }
  });

  server.get('/reports/annual/:file', async (req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    if (!handlers.annualReport) {
      res.send(404, { error: 'Annual reports are not served here.' });
      return;
    }
    try {
      const result = await handlers.annualReport(String(req.params.file ?? ''), query.get('expires') ?? undefined, query.get('token') ?? undefined);
      if (!result.ok) {
        log.warn({ reqId: req.id(), status: result.status, reason: result.error }, 'annual report download refused');
        res.send(result.status, { error: result.error });
        return;
      }
      res.writeHead(200, {
        'content-type': result.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${result.fileName}"`,
        'cache-control': 'private, no-store',
        'content-length': Buffer.byteLength(result.body),
      });
      res.end(result.body);
    } catch (error) {
      log.error({ reqId: req.id(), reason: error instanceof Error ? error.message : String(error) }, 'annual report failed');
      res.send(500, { error: 'The report could not be made; try again later.' });
    }
  });
  // --- Data protection: the privacy notice, the accessibility statement, subject access downloads ---
  const sendHtml = (res: restify.Response, body: string, cache: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': cache, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  for (const name of ['privacy', 'accessibility'] as const) {
    server.get(`/${name}`, async (_req, res) => {
      if (!handlers.infoPages) res.send(404, { error: 'This page is not served here.' });
      else sendHtml(res, handlers.infoPages[name], 'public, max-age=300');
    });
  }
  server.get('/subject-access/:file', async (req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    if (!handlers.subjectAccess) {
      res.send(404, { error: 'Subject access exports are not served here.' });
      return;
    }
    try {
      const result = await handlers.subjectAccess(String(req.params.file ?? ''), query.get('expires') ?? undefined, query.get('token') ?? undefined);
      if (!result.ok) {
        log.warn({ reqId: req.id(), status: result.status, reason: result.error }, 'subject access download refused');
        res.header('cache-control', 'no-store');
        res.send(result.status, { error: result.error });
        return;
      }
      log.info({ reqId: req.id(), format: result.format }, 'subject access export downloaded');
      if (result.format === 'html') return sendHtml(res, result.body, 'private, no-store');
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="subject-access.json"', 'cache-control': 'private, no-store', 'content-length': Buffer.byteLength(result.body) });
      res.end(result.body);
    } catch (error) {
      log.error({ reqId: req.id(), reason: error instanceof Error ? error.message : String(error) }, 'subject access export failed');
      res.send(500, { error: 'The export could not be made; try again later.' });
    }
  });

  // --- The Programme tab's API ---
  const api = handlers.programmeApi;
  type ProgrammeApi = NonNullable<HttpHandlers['programmeApi']>;
  /** Answers one API call: the sign-in headers in, a JSON body out; people's data is never cached. */
  const apiRoute = (path: string, read: (api: ProgrammeApi, caller: Caller, req: restify.Request) => Promise<object> | object) =>
    server.get(path, async (req, res) => {
      res.header('vary', 'Authorization, X-Demo-User');
      if (!api) {
        res.header('cache-control', 'no-store');
        res.send(404, { error: 'The Programme API is not enabled on this server.' });
        return;
      }
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      try {
        const body = await read(api, { authorization: header('authorization'), demoUser: header('x-demo-user') }, req);
        const personal = (body as { viewer?: unknown }).viewer != null;
        res.header('cache-control', personal ? 'no-store' : 'no-cache');
        res.send(200, body);
      } catch (error) {
        res.header('cache-control', 'no-store');
        if (error instanceof SignInError) {
          log.warn({ reqId: req.id(), path, reason: error.message }, 'programme API sign-in refused');
          if (error.status === 401) res.header('www-authenticate', 'Bearer error="invalid_token"');
          res.send(error.status, { error: error.message });
        } else if (isDomainError(error) && (error.code === 'NOT_FOUND' || error.code === 'INVALID_FIELD')) {
          log.info({ reqId: req.id(), path, reason: error.message }, 'programme API request refused');
          res.send(error.code === 'NOT_FOUND' ? 404 : 400, { error: error.message });
        } else {
          log.error({ reqId: req.id(), path, reason: error instanceof Error ? error.message : String(error) }, 'programme API failed');
          res.send(500, { error: 'The programme could not be read; try again later.' });
        }
      }
    });
  apiRoute('/api/session', (a) => a.session());
  apiRoute('/api/programme', (a, caller) => a.programme(caller));
  apiRoute('/api/projects/:ref', (a, caller, req) => a.project(caller, String(req.params.ref ?? '')));

  // The Programme tab: /tab (the page), /tab/config (the channel tab's configuration page), /tab/<asset>.
  const tabDir = handlers.tabDir;
  if (tabDir) {
    const sendTab = async (req: restify.Request, res: restify.Response, name: string) => {
      try {
        const file = await readTabFile(tabDir, name, req.header('if-none-match') || undefined);
        res.writeHead(file.status, file.headers);
        res.end(file.body);
      } catch (error) {
        log.error({ reqId: req.id(), name, reason: error instanceof Error ? error.message : String(error) }, 'tab file could not be read');
        res.send(500, { error: 'The Programme tab could not be read; try again later.' });
      }
    };
    server.get('/tab', async (req, res) => sendTab(req, res, ''));
    server.get('/tab/*', async (req, res) => sendTab(req, res, String(req.params['*'] ?? '')));
  }

  server.on('after', (req: restify.Request, res: restify.Response) => {
    log.debug({ reqId: req.id(), method: req.method, url: req.url, status: res.statusCode, ms: Date.now() - req.time() }, 'http');
  });
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, next: () => void) => {
    log.warn({ reqId: req.id(), url: req.url, status: err.statusCode, reason: err.message }, 'http request refused');
    next();
  });
  return server;
}

/** Starts listening; resolves with the bound address. */
export function listen(server: restify.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve(server.url.replace('[::]', 'localhost'));
    });
  });
}

/** Stops taking requests, lets the ones in flight finish (up to `graceMs`), then closes. */
export function close(server: restify.Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.server.closeAllConnections();
      resolve();
    }, graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.server.closeIdleConnections();
  });
}
