/**
 * A fake Bot Framework Connector (the service at an activity's `serviceUrl`) on 127.0.0.1, for end-to-end
 * tests: it records every call, answers the routes a Teams bot uses, and can be told to fail the next calls.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MOCK_TENANT } from '../../../src/playground/mock-tenant';

export interface RecordedRequest {
  method: string;
  /** The path with each segment URL-decoded, e.g. /v3/conversations/19:abc@thread.tacv2;messageid=1/activities. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, or undefined when there was no body. */
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The status this fake answered. */
  status: number;
}

/** What the bot sent, loosely typed: whatever botbuilder serialised. */
export interface SentActivity {
  type?: string;
  text?: string;
  attachments?: Array<{ contentType: string; content?: unknown }>;
  [key: string]: unknown;
}

export interface RecordedActivity {
  /** new: POST .../activities or a created conversation's first activity; reply: POST .../activities/:id; update: PUT. */
  kind: 'new' | 'reply' | 'update';
  conversationId: string;
  /** The id this fake gave it (for an update, the id of the activity updated). */
  id: string;
  /** For a reply, the activity it answers. */
  replyToId?: string;
  activity: SentActivity;
}

export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** `path`: exact decoded path, or a pattern. A function sees the whole request. */
export type RequestMatcher = { method?: string; path?: string | RegExp } | ((request: RecordedRequest) => boolean);

/** A conversation or team member; a MockUser fits. */
export interface Member {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  givenName?: string;
  surname?: string;
}

interface Failure {
  matches: (request: RecordedRequest) => boolean;
  responses: CannedResponse[];
}

/** Calls held without an answer (see `FakeConnector.hold`). */
export interface HeldCalls {
  /** Resolves with the first matching call once it has arrived. */
  arrived: Promise<RecordedRequest>;
  /** Answers every call held so far with `response` (default: as this fake normally would); later calls are no longer held. */
  release(response?: CannedResponse): void;
}

interface Hold {
  matches: (request: RecordedRequest) => boolean;
  held: Array<(response: CannedResponse | undefined) => void>;
  arrive: (request: RecordedRequest) => void;
}

interface Waiter {
  predicate: (activity: RecordedActivity) => boolean;
  resolve: (activity: RecordedActivity) => void;
}

type Handler = (params: string[], request: RecordedRequest) => CannedResponse;

const PLAYGROUND_PEOPLE: Member[] = [MOCK_TENANT.currentUser, ...MOCK_TENANT.users];
const DEFAULT_PAGE_SIZE = 200;

/** Members of a conversation as Teams returns them (TeamsChannelAccount). */
const teamsAccount = (member: Member) => ({
  id: member.id,
  name: member.name,
  aadObjectId: member.aadObjectId,
  email: member.email,
  userPrincipalName: member.email,
  givenName: member.givenName,
  surname: member.surname,
  tenantId: MOCK_TENANT.tenantId,
  userRole: 'user',
});

const asActivity = (body: unknown) => (body ?? {}) as SentActivity;

const notFound = (code: string, message: string): CannedResponse => ({ status: 404, body: { error: { code, message } } });

export class FakeConnector {
  readonly requests: RecordedRequest[] = [];
  /** Every answer leaves this much later (a slow Teams): what a call sends is recorded when it arrives. */
  latencyMs = 0;
  private recorded: RecordedActivity[] = [];
  private failures: Failure[] = [];
  private holds: Hold[] = [];
  private waiters: Waiter[] = [];
  private rosters = new Map<string, Member[]>();
  private sequence = 0;
  private server: http.Server | undefined;
  private baseUrl: string | undefined;

  constructor() {
    this.reset();
  }

  /** The serviceUrl to put in activities sent to the bot. */
  get url(): string {
    if (!this.baseUrl) throw new Error('FakeConnector not started');
    return this.baseUrl;
  }

  async start(): Promise<{ url: string }> {
    const server = http.createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url: this.baseUrl };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    // Held calls are answered, and the answers given a moment to leave, before the connections close.
    this.releaseAll();
    await new Promise((resolve) => setImmediate(resolve));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Forget all calls, failures and rosters (rosters go back to the Playground's team and chats). */
  reset(): void {
    this.requests.length = 0;
    this.recorded = [];
    this.failures = [];
    this.releaseAll();
    this.rosters = new Map([
      [MOCK_TENANT.team.id, PLAYGROUND_PEOPLE],
      [MOCK_TENANT.groupChat.id, PLAYGROUND_PEOPLE],
      [MOCK_TENANT.personalChat.id, [MOCK_TENANT.currentUser]],
    ]);
  }

  /** Activities the bot sent and this fake accepted, in order (calls answered with a failure are not here). */
  activities(): RecordedActivity[] {
    return [...this.recorded];
  }

  /** Members for GET .../members and .../pagedmembers of a conversation, or of a team (its id). */
  setRoster(conversationOrTeamId: string, members: Member[]): void {
    this.rosters.set(conversationOrTeamId, [...members]);
  }

  /** The next calls that match answer these responses, one each, in order; then calls behave normally again. */
  failNext(matcher: RequestMatcher, responses: CannedResponse[]): void {
    this.failures.push({ matches: matching(matcher), responses: [...responses] });
  }

  /**
   * Matching calls get no answer until `release` (or `reset`, `stop`): Teams being slow to answer, or a send still
   * in flight while the test does something else. `failNext` and the routes answer a call once it is released.
   */
  hold(matcher: RequestMatcher): HeldCalls {
    let arrive: (request: RecordedRequest) => void = () => undefined;
    const arrived = new Promise<RecordedRequest>((resolve) => (arrive = resolve));
    const hold: Hold = { matches: matching(matcher), held: [], arrive };
    this.holds.push(hold);
    return {
      arrived,
      release: (response) => {
        this.holds = this.holds.filter((h) => h !== hold);
        for (const answer of hold.held.splice(0)) answer(response);
      },
    };
  }

  private releaseAll(): void {
    for (const hold of this.holds.splice(0)) for (const answer of hold.held.splice(0)) answer(undefined);
  }

  /** The first recorded activity (already or yet to come) that matches; rejects after timeoutMs with what did come. */
  waitFor(predicate: (activity: RecordedActivity) => boolean, timeoutMs = 5000): Promise<RecordedActivity> {
    const found = this.recorded.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (activity) => {
          clearTimeout(timer);
          resolve(activity);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`FakeConnector: no matching activity within ${timeoutMs} ms. ${this.describeRequests()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private describeRequests(): string {
    if (this.requests.length === 0) return 'It received no requests.';
    const lines = this.requests.map(({ method, path, status, body }) => {
      const activity = (body ?? {}) as SentActivity;
      const what = activity.text !== undefined ? ` "${activity.text}"` : activity.attachments ? ` [${activity.attachments.map((a) => a.contentType).join(', ')}]` : '';
      return `  ${method} ${path} -> ${status}${activity.type ? ` ${activity.type}` : ''}${what}`;
    });
    return `It received ${this.requests.length}:\n${lines.join('\n')}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += chunk;
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body: undefined, headers: req.headers, status: 0 };
    this.requests.push(request);
    const response = await this.respond(request, text);
    request.status = response.status;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const payload = response.body === undefined ? '' : JSON.stringify(response.body);
    res.writeHead(response.status, { ...(payload ? { 'content-type': 'application/json' } : {}), ...response.headers });
    res.end(payload);
  }

  private async respond(request: RecordedRequest, text: string): Promise<CannedResponse> {
    let segments: string[];
    try {
      segments = request.path.split('/').filter(Boolean).map(decodeURIComponent);
      request.body = text ? JSON.parse(text) : undefined;
    } catch (err) {
      request.body = text;
      return { status: 400, body: { error: { code: 'BadSyntax', message: (err as Error).message } } };
    }
    request.path = `/${segments.join('/')}`;
    const released = await this.heldUntilReleased(request);
    return released ?? this.takeFailure(request) ?? this.route(segments, request);
  }

  /** Waits while a hold matches the call; the response it was released with, if any. */
  private heldUntilReleased(request: RecordedRequest): Promise<CannedResponse | undefined> {
    const hold = this.holds.find((h) => h.matches(request));
    if (!hold) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      hold.held.push(resolve);
      hold.arrive(request);
    });
  }

  private takeFailure(request: RecordedRequest): CannedResponse | undefined {
    const failure = this.failures.find((f) => f.responses.length > 0 && f.matches(request));
    return failure?.responses.shift();
  }

  private route(segments: string[], request: RecordedRequest): CannedResponse {
    for (const [method, pattern, handler] of this.routes) {
      const params = method === request.method ? matchPath(pattern, segments) : undefined;
      if (params) return handler(params, request);
    }
    return notFound('NotFound', `FakeConnector has no route for ${request.method} ${request.path}`);
  }

  private readonly routes: Array<[string, string, Handler]> = [
    ['POST', 'v3/conversations', (_, { body }) => this.createConversation(body as Record<string, unknown> | undefined)],
    ['POST', 'v3/conversations/:/activities', ([conversationId], { body }) =>
      this.accept(201, { kind: 'new', conversationId, id: this.nextId(), activity: asActivity(body) })],
    ['POST', 'v3/conversations/:/activities/:', ([conversationId, replyToId], { body }) =>
      this.accept(201, { kind: 'reply', conversationId, id: this.nextId(), replyToId, activity: asActivity(body) })],
    ['PUT', 'v3/conversations/:/activities/:', ([conversationId, id], { body }) =>
      this.accept(200, { kind: 'update', conversationId, id, activity: asActivity(body) })],
    ['DELETE', 'v3/conversations/:/activities/:', () => ({ status: 200 })],
    ['GET', 'v3/conversations/:/members', ([id]) => this.withRoster(id, (members) => ({ status: 200, body: members.map(teamsAccount) }))],
    ['GET', 'v3/conversations/:/pagedmembers', ([id], { query }) => this.withRoster(id, (members) => pageOf(members, query))],
    ['GET', 'v3/conversations/:/members/:', ([id, memberId]) =>
      this.withRoster(id, (members) => {
        const member = members.find((m) => m.id === memberId || m.aadObjectId === memberId);
        return member ? { status: 200, body: teamsAccount(member) } : notFound('MemberNotFoundInConversation', `${memberId} is not in ${id}`);
      })],
    ['GET', 'v3/teams/:', ([teamId]) =>
      teamId === MOCK_TENANT.team.id
        ? { status: 200, body: { id: teamId, name: MOCK_TENANT.team.name, aadGroupId: MOCK_TENANT.team.aadGroupId, type: 'standard', channelCount: 2, memberCount: this.rosters.get(teamId)?.length ?? 0 } }
        : notFound('TeamNotFound', `FakeConnector knows only the mock team, not ${teamId}`)],
  ];

  private accept(status: number, activity: RecordedActivity): CannedResponse {
    this.record(activity);
    return { status, body: { id: activity.id } };
  }

  private createConversation(params: Record<string, unknown> | undefined): CannedResponse {
    const n = this.nextId();
    // As Teams: a new channel thread is `<channel id>;messageid=<first message id>`.
    const channel = (params?.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    const conversationId = channel ? `${channel};messageid=${n}` : `new-conv-${n}`;
    if (params?.activity) this.record({ kind: 'new', conversationId, id: n, activity: asActivity(params.activity) });
    return { status: 201, body: { id: conversationId, activityId: n } };
  }

  /** A thread's id (`<channel>;messageid=<n>`) shares its channel's roster. */
  private withRoster(conversationId: string, answer: (members: Member[]) => CannedResponse): CannedResponse {
    const members = this.rosters.get(conversationId) ?? this.rosters.get(conversationId.split(';')[0]);
    return members ? answer(members) : notFound('ConversationNotFound', `FakeConnector has no roster for ${conversationId}: call setRoster()`);
  }

  private record(activity: RecordedActivity): void {
    this.recorded.push(activity);
    for (const waiter of this.waiters.filter((w) => w.predicate(activity))) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(activity);
    }
  }

  private nextId(): string {
    this.sequence += 1;
    return String(this.sequence);
  }
}

function matching(matcher: RequestMatcher): (request: RecordedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  return ({ method, path }) =>
    (!matcher.method || matcher.method.toUpperCase() === method) && (!matcher.path || (typeof matcher.path === 'string' ? matcher.path === path : matcher.path.test(path)));
}

function matchPath(pattern: string, segments: string[]): string[] | undefined {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return undefined;
  const params: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === ':') params.push(segments[i]);
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

/** GET .../pagedmembers?pageSize=&continuationToken= ; the token is the next offset. */
function pageOf(members: Member[], query: Record<string, string>): CannedResponse {
  const start = Number(query.continuationToken ?? 0);
  const end = start + Number(query.pageSize ?? DEFAULT_PAGE_SIZE);
  const page = { members: members.slice(start, end).map(teamsAccount) };
  return { status: 200, body: end < members.length ? { ...page, continuationToken: String(end) } : page };
}
