/**
 * The Teams Messenger and Roster against the fake Bot Connector, through a real CloudAdapter in local mode
 * (no app id: nothing authenticated, proactive calls made with an empty app id).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import { deliverOutbox } from '../../src/app/outbox/deliver-outbox';
import { DeliveryError, type OutboxTarget } from '../../src/app/outbox/ports';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { createMessenger, type MessengerOptions, retryAfterMs, toDeliveryError } from '../../src/teams/messenger';
import { createRoster } from '../../src/teams/roster';
import { FakeOutbox, FakePeople } from '../app/support/outbox-fakes';
import { channelMention, message, type TeamsActivity } from './support/activities';
import { FakeConnector } from './support/fake-connector';

const connector = new FakeConnector();
let url: string;
beforeAll(async () => ({ url } = await connector.start()));
afterAll(() => connector.stop());
beforeEach(() => connector.reset());

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const messengerWith = (options: MessengerOptions = {}) => createMessenger(adapter, '', { defaultServiceUrl: url, botId: MOCK_TENANT.bot.id, ...options });

/** A reference as the bot stores it (src/teams/activity.ts: getConversationReference without activityId). */
function referenceFrom(activity: TeamsActivity): unknown {
  const { activityId: _, ...reference } = TurnContext.getConversationReference(activity as unknown as Activity);
  return JSON.parse(JSON.stringify(reference));
}
const personalReference = () => referenceFrom(message('hi', { serviceUrl: url }));
/** The DSG channel's reference, taken from an @mention in a thread of it. */
const channelReference = () => referenceFrom(channelMention('setup dsg', { serviceUrl: url, channel: MOCK_TENANT.team.decisions, threadId: '1760000000009' }));
const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'DP-2026-0007' }] };
const personalChat = `a:mock-personal-chat-council-officer`;

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeliveryError) return error;
    throw error;
  }
  throw new Error('expected a DeliveryError');
}

describe('Messenger.send', () => {
  it('posts a card into a stored conversation as a new activity, not a reply to the continuation', async () => {
    const result = await messengerWith().send({ kind: 'conversation', reference: personalReference(), newThread: false }, { card });

    const [sent] = connector.activities();
    expect(sent).toMatchObject({ kind: 'new', conversationId: personalChat });
    expect(sent.activity.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }]);
    expect(result).toEqual({ activityId: sent.id, conversationId: personalChat });
  });

  it('sends text as plain text, into a channel thread', async () => {
    const reference = channelReference();
    const result = await messengerWith().send({ kind: 'conversation', reference, newThread: false }, { text: 'Approved by the DSG <b>today</b>' });

    const thread = `${MOCK_TENANT.team.decisions.id};messageid=1760000000009`;
    const [sent] = connector.activities();
    expect(sent).toMatchObject({ kind: 'new', conversationId: thread, activity: { type: 'message', text: 'Approved by the DSG <b>today</b>', textFormat: 'plain' } });
    expect(result.conversationId).toBe(thread);
  });

  it('starts a new thread in the reference’s channel and returns the first message id and the thread id', async () => {
    const result = await messengerWith().send({ kind: 'conversation', reference: channelReference(), newThread: true }, { card });

    const create = connector.requests.find((r) => r.method === 'POST' && r.path === '/v3/conversations');
    expect(create?.body).toMatchObject({
      isGroup: true,
      channelData: { channel: { id: MOCK_TENANT.team.decisions.id } },
      activity: { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] },
    });
    expect(connector.requests).toHaveLength(1);
    const [first] = connector.activities();
    expect(result).toEqual({ activityId: first.id, conversationId: first.conversationId });
  });

  it('creates (or reuses) the 1:1 chat of a person it has no reference for, on the default connector, then sends', async () => {
    const person = MOCK_USERS.dsgChair;
    const result = await messengerWith().send({ kind: 'person', userId: person.aadObjectId, tenantId: MOCK_TENANT.tenantId }, { card });

    expect(connector.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/conversations', `POST /v3/conversations/${result.conversationId}/activities`]);
    expect(connector.requests[0].body).toEqual({
      isGroup: false,
      bot: { id: MOCK_TENANT.bot.id },
      members: [{ id: person.aadObjectId }],
      tenantId: MOCK_TENANT.tenantId,
      channelData: { tenant: { id: MOCK_TENANT.tenantId } },
    });
    const [sent] = connector.activities();
    expect(result).toEqual({ activityId: sent.id, conversationId: sent.conversationId });
    expect(sent.activity.attachments).toHaveLength(1);
  });

  it('cannot message a person with no reference when no default connector is configured', async () => {
    const error = await failure(messengerWith({ defaultServiceUrl: null }).send({ kind: 'person', userId: 'aad', tenantId: null }, { text: 'x' }));
    expect(error.kind).toBe('fatal');
    expect(connector.requests).toHaveLength(0);
  });

  it('replaces an activity already posted', async () => {
    const result = await messengerWith().send({ kind: 'update', reference: personalReference(), activityId: '42' }, { card });

    expect(connector.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /v3/conversations/${personalChat}/activities/42`]);
    expect(connector.activities()[0].activity).toMatchObject({ id: '42', attachments: [{ content: card }] });
    expect(connector.activities()[0].activity.replyToId).toBeUndefined();
    expect(result).toEqual({ activityId: '42', conversationId: personalChat });
  });

  it('refuses an empty payload or a reference without a conversation, without calling Teams', async () => {
    expect((await failure(messengerWith().send({ kind: 'conversation', reference: personalReference(), newThread: false }, {}))).kind).toBe('fatal');
    expect((await failure(messengerWith().send({ kind: 'conversation', reference: { serviceUrl: url }, newThread: false }, { text: 'x' }))).kind).toBe('fatal');
    expect(connector.requests).toHaveLength(0);
  });
});

describe('Messenger failures as DeliveryError (one HTTP call each: the SDK’s own retries are off)', () => {
  const target = (): OutboxTarget => ({ kind: 'conversation', reference: personalReference(), newThread: false });
  const failWith = async (status: number, body?: unknown, headers?: Record<string, string>) => {
    connector.failNext({ method: 'POST' }, [{ status, body, headers }]);
    const error = await failure(messengerWith().send(target(), { text: 'x' }));
    expect(connector.requests).toHaveLength(1);
    connector.reset();
    return error;
  };
  const teamsError = (code: string) => ({ error: { code, message: `${code} (fake)` } });

  it('429 is worth retrying after Retry-After, in seconds or as an HTTP date', async () => {
    expect(await failWith(429, teamsError('Throttled'), { 'Retry-After': '7' })).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    const at = new Date(Date.now() + 60_000).toUTCString();
    const error = await failWith(429, teamsError('Throttled'), { 'Retry-After': at });
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(await failWith(429)).toMatchObject({ kind: 'retry', retryAfterMs: null });
  });

  it('412, 500, 502, 503 and 504 are worth retrying', async () => {
    for (const status of [412, 500, 502, 503, 504]) expect((await failWith(status, teamsError('Whatever'))).kind).toBe('retry');
  });

  it('a blocked bot, a bot not in the roster or disabled, and a vanished conversation are unreachable', async () => {
    for (const code of ['ConversationBlockedByUser', 'BotNotInConversationRoster', 'BotDisabledByAdmin']) {
      const error = await failWith(403, teamsError(code));
      expect(error).toMatchObject({ kind: 'unreachable' });
      expect(error.message).toContain(code);
    }
    expect((await failWith(404, teamsError('ConversationNotFound'))).kind).toBe('unreachable');
  });

  it('any other 4xx is fatal', async () => {
    expect((await failWith(400, teamsError('BadArgument'))).kind).toBe('fatal');
    expect((await failWith(403, teamsError('Forbidden'))).kind).toBe('fatal');
    expect((await failWith(404, teamsError('ActivityNotFoundInConversation'))).kind).toBe('fatal');
    expect((await failWith(413, teamsError('MessageSizeTooBig'))).kind).toBe('fatal');
  });

  it('a refused connection is worth retrying', async () => {
    const dead = { ...(personalReference() as object), serviceUrl: 'http://127.0.0.1:1' };
    const error = await failure(messengerWith().send({ kind: 'conversation', reference: dead, newThread: false }, { text: 'x' }));
    expect(error).toMatchObject({ kind: 'retry' });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('a connector that does not answer times out as worth retrying', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const reference = { ...(personalReference() as object), serviceUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` };
      const started = Date.now();
      const error = await failure(messengerWith({ timeoutMs: 200 }).send({ kind: 'conversation', reference, newThread: false }, { text: 'x' }));
      expect(error).toMatchObject({ kind: 'retry' });
      expect(error.message).toContain('no answer');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('after a timeout, a late answer sends nothing (the outbox will send again)', async () => {
    const paths: string[] = [];
    const slow = http.createServer((req, res) => {
      paths.push(`${req.method} ${req.url}`);
      // Not chained: restify, loaded by other files in this jest worker, patches writeHead to return nothing.
      setTimeout(() => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'a:late-chat' }));
      }, 300);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const messenger = messengerWith({ timeoutMs: 100, defaultServiceUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}` });
      const error = await failure(messenger.send({ kind: 'person', userId: '29:someone', tenantId: 't' }, { text: 'x' }));
      expect(error.kind).toBe('retry');
      await new Promise((r) => setTimeout(r, 500));
      expect(paths).toEqual(['POST /v3/conversations']);
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('with sdkRetries the SDK itself retries a 500 (what botbuilder does by default)', async () => {
    connector.failNext({ method: 'POST' }, [{ status: 500 }]);
    const result = await messengerWith({ sdkRetries: true }).send(target(), { text: 'x' });
    expect(connector.requests.map((r) => r.status)).toEqual([500, 201]);
    expect(result.activityId).toBe(connector.activities()[0].id);
  });

  it('reads Retry-After forms and botbuilder’s error shape', () => {
    expect(retryAfterMs({ 'retry-after': '1.5' })).toBe(1500);
    expect(retryAfterMs({ 'Retry-After-Ms': '250' })).toBe(250);
    expect(retryAfterMs({ 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }, Date.parse('2026-10-21T07:27:00Z'))).toBe(60_000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeNull();
    expect(toDeliveryError(new TypeError('`serviceUrl` must be a non-empty string')).kind).toBe('fatal');
    expect(toDeliveryError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind).toBe('retry');
  });
});

describe('Messenger with deliverOutbox', () => {
  it('a throttled message is retried after Retry-After and delivered once', async () => {
    const outbox = new FakeOutbox();
    let now = Date.parse('2026-03-02T09:00:00Z');
    const clock = { now: () => new Date(now) };
    const deps = { store: { outbox, people: new FakePeople() }, clock, renderer: { render: async () => ({ card }) }, messenger: messengerWith(), sleep: async (ms: number) => void (now += ms) };
    const id = outbox.add({ kind: 'conversation', reference: personalReference(), newThread: false }, { kind: 'notice', notice: { title: 'Hello', lines: [] } });
    connector.failNext({ method: 'POST' }, [{ status: 429, headers: { 'Retry-After': '20' }, body: { error: { code: 'Throttled', message: 'slow down' } } }]);

    expect(await deliverOutbox(deps, { worker: 'w' })).toMatchObject({ retried: 1 });
    now += 20_000;
    expect(await deliverOutbox(deps, { worker: 'w' })).toMatchObject({ sent: 1 });

    expect(connector.activities()).toHaveLength(1);
    expect(outbox.row(id)).toMatchObject({ status: 'sent', attempts: 2, activityId: connector.activities()[0].id });
  });
});

describe('Roster.teamMembers', () => {
  it('reads the team’s members through a channel reference', async () => {
    const members = await createRoster(adapter, '').teamMembers(MOCK_TENANT.team.id, channelReference());

    expect(members).toEqual([MOCK_TENANT.currentUser, ...MOCK_TENANT.users].map((u) => ({ id: u.id, aadObjectId: u.aadObjectId, name: u.name, email: u.email, userPrincipalName: u.email, givenName: u.givenName })));
    expect(connector.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v3/conversations/${MOCK_TENANT.team.id}/pagedmembers`]);
  });

  it('follows continuation tokens to the end', async () => {
    const many = Array.from({ length: 1201 }, (_, i) => ({ id: `29:u${i}`, name: `User ${i}`, aadObjectId: `aad-${i}` }));
    connector.setRoster(MOCK_TENANT.team.id, many);

    const members = await createRoster(adapter, '').teamMembers(MOCK_TENANT.team.id, channelReference());

    expect(members).toHaveLength(1201);
    expect(members[1200]).toEqual({ id: '29:u1200', aadObjectId: 'aad-1200', name: 'User 1200' });
    expect(connector.requests.map((r) => r.query)).toEqual([{ pageSize: '500' }, { pageSize: '500', continuationToken: '500' }, { pageSize: '500', continuationToken: '1000' }]);
  });

  it('fails with botbuilder’s error when Teams does not know the team', async () => {
    await expect(createRoster(adapter, '').teamMembers('19:unknown@thread.tacv2', channelReference())).rejects.toMatchObject({ statusCode: 404 });
  });
});
