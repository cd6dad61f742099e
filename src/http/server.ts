import restify from 'restify';
import type { CatalogueResponse, MeetingsResponse, PeopleResponse, ProgrammeResponse, ProjectDetailResponse, RiskSaved, SessionInfo } from '../domain/programme-view-types';
import { z } from 'zod';
import { DomainError, type ErrorCode, isDomainError } from '../domain/errors';
import { riskFormFields, type RiskValues } from '../domain/risks';
import type { Logger } from '../log';
import { type Caller, SignInError } from '../sso/sign-in';
import type { InfoPages } from './info-pages';
import { readTabFile } from './tab-files';
import { isLoopback } from '../config';

const MAX_BODY_BYTES = 256 * 1024;
/** The tab's changes are a form's worth of text: a risk's longest description and mitigation fit with room to spare. */
const MAX_WRITE_BYTES = 16 * 1024;
/** Seconds a caller is asked to wait (Retry-After) when the bot cannot check sign-ins right now. */
const RETRY_AFTER_SECONDS = 30;

/** What the bot answers to one POST /api/messages: the status, the body (JSON) if any, and extra headers. */
interface MessagesAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
} as const;

/** A file behind a signed link, or why it is refused (403 for a missing, altered or expired token). */
export type Download = { ok: true; format: keyof typeof CONTENT_TYPES; fileName: string; body: string | Buffer } | { ok: false; status: number; error: string };

export interface HttpHandlers {
  /** POST /api/messages: a JSON object with a string "type", and the Authorization header as sent. */
  messages(activity: Record<string, unknown>, authorization: string | undefined): Promise<MessagesAnswer>;
  /** Whether the database answers. */
  databaseHealthy(): Promise<boolean>;
  /**
   * The published Digital Programme (GET /open/programme.json and .csv) and its figures with their
   * definitions (GET /open/figures.json and .csv), and the re-use catalogue (GET /open/catalogue.json and .csv);
   * absent when OPEN_DATA is off.
   */
  openData?: { json(): Promise<unknown>; csv(): Promise<string>; figuresJson(): Promise<unknown>; figuresCsv(): Promise<string>; catalogueJson(): Promise<unknown>; catalogueCsv(): Promise<string> };
  /** GET /reports/annual/<year>.csv|json with a signed token (expires, token query parameters). */
  annualReport?(file: string, expires: string | undefined, token: string | undefined): Promise<Download>;
  /** GET /reports/assurance/<2026-Q3>.docx|csv with a signed token: the quarter's assurance report for the CMT. */
  assuranceReport?(file: string, expires: string | undefined, token: string | undefined): Promise<Download>;
  /** GET /minutes/<yyyy-mm-dd>.docx|html with a signed token: a DSG meeting's minutes. */
  minutes?(file: string, expires: string | undefined, token: string | undefined): Promise<Download>;
  /** GET /exports/programme/<year>.xlsx with a signed token: the programme workbook. */
  programmeExport?(file: string, expires: string | undefined, token: string | undefined): Promise<Download>;
  /** The Programme tab's API (GET /api/session, /api/programme, /api/projects/:ref, /api/meetings, /api/catalogue, /api/people; POST risks); `caller` holds the sign-in headers. */
  programmeApi?: {
    session(): SessionInfo;
    programme(caller: Caller): Promise<ProgrammeResponse>;
    project(caller: Caller, reference: string): Promise<ProjectDetailResponse>;
    meetings(caller: Caller): Promise<MeetingsResponse>;
    catalogue(caller: Caller): Promise<CatalogueResponse>;
    /** GET /api/people?q=: signed in only. */
    people(caller: Caller, text: string): Promise<PeopleResponse>;
    /** POST /api/projects/:ref/risks: signed in only; the same use case as the card's. */
    addRisk(caller: Caller, reference: string, values: RiskValues): Promise<RiskSaved>;
    /** POST /api/projects/:ref/risks/:id: signed in only, at the version the tab read. */
    editRisk(caller: Caller, reference: string, riskId: string, version: number, values: RiskValues): Promise<RiskSaved>;
  };
  /** The folder of the built Programme tab, served at /tab (src/http/tab-files.ts). */
  tabDir?: string;
  // --- Data protection (issue 14) ---
  /** GET /privacy and /accessibility: the privacy notice and the accessibility statement, as HTML. */
  infoPages?: InfoPages;
  /** GET /subject-access/<id>.html|json with a signed token: what dsg-bot holds about one person. */
  subjectAccess?(file: string, expires: string | undefined, token: string | undefined): Promise<{ ok: true; format: 'json' | 'html'; body: string } | { ok: false; status: number; error: string }>;
}

export interface HttpOptions {
  /** Local mode: answer only requests addressed to a loopback Host (a DNS-rebinding page gets 421). */
  loopbackHostsOnly: boolean;
}

/** The API's status for each refusal the domain gives (others are a 500). */
const API_STATUS: Partial<Record<ErrorCode, number>> = { INVALID_FIELD: 400, NOT_ALLOWED: 403, NOT_FOUND: 404, STALE_CARD: 409, UNAVAILABLE: 503 };

/** GET /api/people?q=: some of a name. */
const peopleQuery = z.string().trim().min(2, 'Type at least 2 letters of a name to search for.').max(100, 'Type at most 100 characters of a name to search for.');
/** A risk form as the tab sends it (the card's inputs, by the same names; what they hold is the domain's to check). */
const riskBody = riskFormFields.strict();
const riskVersion = z.number({ error: 'Send the version of the entry you read (a whole number)' }).int().min(1);

/** What a person or client reads for each error restify raises itself; never restify's own words. */
const ERROR_WORDS: Record<number, string> = {
  400: 'The body is not valid JSON.',
  404: 'There is nothing at this address.',
  405: 'This address does not take that method.',
  413: `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
};
const INTERNAL_ERROR = 'Something went wrong on our side; try again later.';

/** Whether a Host header names this machine: localhost, 127.x.x.x or [::1], with or without a port. */
function isLoopbackHost(host: string | undefined): boolean {
  const match = /^(localhost|\d{1,3}(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i.exec(host ?? '');
  return match !== null && isLoopback(match[1].toLowerCase());
}

/** The bot's HTTP surface; the only place that knows restify. */
export function createHttpServer(handlers: HttpHandlers, log: Logger, options: HttpOptions): restify.Server {
  const server = restify.createServer({ name: 'dsg-bot', handleUncaughtExceptions: false });

  // Before routing, for every address (unknown ones included): no MIME sniffing, nothing personal cached,
  // and in local mode nothing answered for a Host that is not this machine.
  server.pre((req, res, next) => {
    res.header('x-content-type-options', 'nosniff');
    if (/^\/(api|reports|minutes)\//.test(req.getPath())) res.header('cache-control', 'no-store');
    if (options.loopbackHostsOnly && !isLoopbackHost(req.headers.host)) {
      log.warn({ reqId: req.id(), host: String(req.headers.host ?? '').slice(0, 100), url: req.url?.slice(0, 200) }, 'request for a host that is not loopback refused (local mode)');
      res.send(421, { error: 'In local mode this bot answers only at localhost, 127.0.0.1 or [::1].' });
      return next(false);
    }
    return next();
  });

  // Only JSON: a form post (which any web page can send cross-site, without a preflight) is refused unread.
  const jsonOnly =
    (what: string): restify.RequestHandler =>
    (req, res, next) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type === 'application/json') return next();
      log.warn({ reqId: req.id(), path: req.getPath().slice(0, 200), contentType: type.slice(0, 100) }, 'POST that is not JSON refused');
      res.send(415, { error: `The body must be ${what} sent as JSON (Content-Type: application/json).` });
      return next(false);
    };
  server.post('/api/messages', jsonOnly('a Bot Framework activity'), ...restify.plugins.jsonBodyParser({ maxBodySize: MAX_BODY_BYTES } as restify.plugins.JsonBodyParserOptions), async (req: restify.Request, res: restify.Response) => {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      log.warn({ reqId: req.id() }, 'POST /api/messages without a JSON activity');
      res.send(400, { error: 'The body must be a Bot Framework activity: a JSON object with a "type".' });
      return;
    }
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
    let answer: MessagesAnswer;
    try {
      answer = await handlers.messages(body as Record<string, unknown>, authorization);
    } catch (error) {
      log.error({ reqId: req.id(), err: error }, 'activity could not be handled');
      answer = { status: 500, body: { error: INTERNAL_ERROR } };
    }
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.header(name, value);
    res.send(answer.status, answer.body);
  });

  // The Playground (and some proxies) probe the endpoint with HEAD before posting.
  server.head('/api/messages', async (_req, res) => {
    res.send(200);
  });

  // Liveness: the process answers (a database outage is no reason to restart it: it recovers by itself).
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  // Readiness: 503 while the database cannot be reached, so a load balancer sends traffic elsewhere meanwhile.
  server.get('/readyz', async (_req, res) => {
    const database = await handlers.databaseHealthy();
    if (!database) res.header('retry-after', '10');
    res.send(database ? 200 : 503, { status: database ? 'ready' : 'unavailable', database: database ? 'ok' : 'unreachable' });
  });

  const openDataOff = { error: 'Open data publishing is off on this server (OPEN_DATA=off).' };
  type OpenData = NonNullable<HttpHandlers['openData']>;
  /** One open-data file: JSON, or CSV as a download named `fileName`; cacheable for five minutes. */
  const openFile = (path: string, what: string, read: (o: OpenData) => Promise<unknown>, fileName?: string) =>
    server.get(path, async (req, res) => {
      if (!handlers.openData) {
        res.send(404, openDataOff);
        return;
      }
      try {
        const body = await read(handlers.openData);
        if (fileName === undefined) {
          res.header('cache-control', 'public, max-age=300');
          res.send(200, body);
          return;
        }
        const text = String(body);
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${fileName}"`,
          'cache-control': 'public, max-age=300',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
      } catch (error) {
        log.error({ reqId: req.id(), reason: error instanceof Error ? error.message : String(error) }, `open data (${what}) failed`);
        res.send(500, { error: 'The programme could not be read; try again later.' });
      }
    });
  openFile('/open/programme.json', 'JSON', (o) => o.json());
  openFile('/open/programme.csv', 'CSV', (o) => o.csv(), 'digital-programme.csv');
  openFile('/open/figures.json', 'figures JSON', (o) => o.figuresJson());
  openFile('/open/figures.csv', 'figures CSV', (o) => o.figuresCsv(), 'digital-programme-figures.csv');
  openFile('/open/catalogue.json', 'catalogue JSON', (o) => o.catalogueJson());
  openFile('/open/catalogue.csv', 'catalogue CSV', (o) => o.catalogueCsv(), 're-use-catalogue.csv');

  /** A download behind a signed link: the handler checks the token and makes the file; refusals say why. */
  const download = (path: string, what: string, read: ((file: string, expires: string | undefined, token: string | undefined) => Promise<Download>) | undefined) =>
    server.get(path, async (req, res) => {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      if (!read) {
        res.send(404, { error: `The ${what} is not served here.` });
        return;
      }
      try {
        const result = await read(String(req.params.file ?? ''), query.get('expires') ?? undefined, query.get('token') ?? undefined);
        if (!result.ok) {
          log.warn({ reqId: req.id(), status: result.status, reason: result.error }, `${what} download refused`);
          res.send(result.status, { error: result.error });
          return;
        }
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[result.format],
          'content-disposition': `attachment; filename="${result.fileName}"`,
          'cache-control': 'no-store',
          'content-length': Buffer.byteLength(result.body),
        });
        res.end(result.body);
      } catch (error) {
        log.error({ reqId: req.id(), reason: error instanceof Error ? error.message : String(error) }, `${what} failed`);
        res.send(500, { error: `The ${what} could not be made; try again later.` });
      }
    });
  download('/reports/annual/:file', 'annual report', handlers.annualReport);
  download('/reports/assurance/:file', 'assurance report', handlers.assuranceReport);
  download('/exports/programme/:file', 'programme export', handlers.programmeExport);
  download('/minutes/:file', 'minutes', handlers.minutes);
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
      if (result.format === 'html') return sendHtml(res, result.body, 'no-store');
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="subject-access.json"', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(result.body) });
      res.end(result.body);
    } catch (error) {
      log.error({ reqId: req.id(), reason: error instanceof Error ? error.message : String(error) }, 'subject access export failed');
      res.send(500, { error: 'The export could not be made; try again later.' });
    }
  });

  // --- The Programme tab's API ---
  const api = handlers.programmeApi;
  type ProgrammeApi = NonNullable<HttpHandlers['programmeApi']>;
  /**
   * Answers one API call: the sign-in headers in, a JSON body out (never cached: see server.pre). A refusal is
   * answered with its status and words: sign-in (401, or 503 when it cannot be checked now), an address naming
   * nothing (404), not allowed (403, audited by the use case), a form to fix (400, with a problem per input), an
   * edit of an entry changed since it was read (409), the database out of reach (503).
   */
  const answerApi = async (req: restify.Request, res: restify.Response, path: string, status: number, failed: string, call: (api: ProgrammeApi, caller: Caller) => Promise<object> | object) => {
    res.header('vary', 'Authorization, X-Demo-User');
    if (!api) {
      res.send(404, { error: 'The Programme API is not enabled on this server.' });
      return;
    }
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    // The demo sign-in header counts only from this machine (and only in local mode: see main.ts).
    const demoUser = isLoopbackHost(req.headers.host) ? header('x-demo-user') : undefined;
    try {
      res.send(status, await call(api, { authorization: header('authorization'), demoUser }));
    } catch (error) {
      const refused = isDomainError(error) ? API_STATUS[error.code] : undefined;
      if (error instanceof SignInError) {
        log.warn({ reqId: req.id(), path, reason: error.message }, 'programme API sign-in refused');
        if (error.status === 401) res.header('www-authenticate', 'Bearer error="invalid_token"');
        if (error.status === 503) res.header('retry-after', String(RETRY_AFTER_SECONDS));
        res.send(error.status, { error: error.message });
      } else if (isDomainError(error) && refused) {
        log.info({ reqId: req.id(), path, code: error.code, reason: error.message }, 'programme API request refused');
        if (refused === 503) res.header('retry-after', String(RETRY_AFTER_SECONDS));
        const fields = error.code === 'INVALID_FIELD' ? (error.details.errors as Record<string, string> | undefined) : undefined;
        res.send(refused, { error: error.message, ...(fields && { fields }) });
      } else {
        log.error({ reqId: req.id(), path, reason: error instanceof Error ? error.message : String(error) }, 'programme API failed');
        res.send(500, { error: failed });
      }
    }
  };
  const apiRoute = (path: string, read: (api: ProgrammeApi, caller: Caller, req: restify.Request) => Promise<object> | object) =>
    server.get(path, async (req, res) => answerApi(req, res, path, 200, 'The programme could not be read; try again later.', (a, caller) => read(a, caller, req)));
  apiRoute('/api/session', (a) => a.session());
  apiRoute('/api/programme', (a, caller) => a.programme(caller));
  apiRoute('/api/projects/:ref', (a, caller, req) => a.project(caller, String(req.params.ref ?? '')));
  apiRoute('/api/meetings', (a, caller) => a.meetings(caller));
  apiRoute('/api/catalogue', (a, caller) => a.catalogue(caller));
  apiRoute('/api/people', (a, caller, req) => {
    const q = peopleQuery.safeParse(new URL(req.url ?? '/', 'http://localhost').searchParams.get('q') ?? '');
    if (!q.success) throw new DomainError('INVALID_FIELD', q.error.issues[0].message, { errors: { q: q.error.issues[0].message } });
    return a.people(caller, q.data);
  });

  /**
   * A change from the tab: JSON only (a form post, which any page can send cross-site without a preflight, is
   * refused unread), a small body, its shape checked here (what is in it is checked by the same use case as the
   * card's), then answered as the API's reads are.
   */
  const apiWrite = <B>(path: string, status: number, what: string, body: z.ZodType<B>, write: (api: ProgrammeApi, caller: Caller, body: B, req: restify.Request) => Promise<object>) =>
    server.post(path, jsonOnly(what), ...restify.plugins.jsonBodyParser({ maxBodySize: MAX_WRITE_BYTES } as restify.plugins.JsonBodyParserOptions), async (req: restify.Request, res: restify.Response) =>
      answerApi(req, res, path, status, 'Something went wrong on our side and nothing was saved; try again later.', (a, caller) => {
        const parsed = body.safeParse(req.body);
        if (!parsed.success) {
          const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'body'), `${i.message.charAt(0).toUpperCase()}${i.message.slice(1)}.`]));
          throw new DomainError('INVALID_FIELD', 'The entry needs fixing.', { errors: fields });
        }
        return write(a, caller, parsed.data, req);
      }),
    );
  apiWrite('/api/projects/:ref/risks', 201, 'a risk or issue', riskBody, (a, caller, values, req) => a.addRisk(caller, String(req.params.ref ?? ''), values));
  apiWrite('/api/projects/:ref/risks/:id', 200, 'a risk or issue', riskBody.extend({ version: riskVersion }), (a, caller, { version, ...values }, req) =>
    a.editRisk(caller, String(req.params.ref ?? ''), String(req.params.id ?? ''), version, values),
  );

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
  // restify's own errors (no route, wrong method, bad JSON, too large, a handler that threw) get our words, not its.
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, next: () => void) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) log.error({ reqId: req.id(), url: req.url, status, err }, 'http request failed');
    else log.warn({ reqId: req.id(), url: req.url?.slice(0, 200), status, reason: err.message.slice(0, 200) }, 'http request refused');
    // The tab's changes take a smaller body than the bot's activities.
    const words = status === 413 && req.getPath() !== '/api/messages' ? `The body is larger than ${MAX_WRITE_BYTES / 1024} KB.` : ERROR_WORDS[status];
    if (!res.headersSent) res.send(status, { error: words ?? (status >= 500 ? INTERNAL_ERROR : 'The request could not be handled.') });
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
