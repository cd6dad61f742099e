import { ConnectorClient, MicrosoftAppCredentials, TeamsConnectorClient } from 'botframework-connector';
import type { Activity } from 'botframework-schema';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import {
  channelMention,
  conversationUpdateBotAdded,
  installationUpdate,
  invokeAction,
  message,
  personalChatId,
  submit,
  type TeamsActivity,
} from './support/activities';
import { FakeConnector } from './support/fake-connector';

const connector = new FakeConnector();
let url: string;
beforeAll(async () => ({ url } = await connector.start()));
afterAll(() => connector.stop());
beforeEach(() => connector.reset());

const THREAD = `${MOCK_TENANT.team.decisions.id};messageid=1760000000001`;
const conversationPath = (id: string) => `/v3/conversations/${encodeURIComponent(id)}`;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** What botbuilder does with an incoming activity's serviceUrl, conversation id and id. */
const replyTo = (activity: TeamsActivity, text: string) =>
  call('POST', `${conversationPath(activity.conversation.id)}/activities/${encodeURIComponent(activity.id)}`, { type: 'message', text });

describe('FakeConnector routes, through botbuilder’s own connector client', () => {
  const client = () => new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: url });

  it('accepts new, reply, update and delete, decoding ids with : @ ;', async () => {
    const conversations = client().conversations;
    const sent = await conversations.sendToConversation(THREAD, { type: 'message', text: 'new post' } as Activity);
    const reply = await conversations.replyToActivity(THREAD, '1760000000001', { type: 'message', text: 'a reply' } as Activity);
    const updated = await conversations.updateActivity(THREAD, sent.id, { type: 'message', text: 'edited' } as Activity);
    await conversations.deleteActivity(THREAD, reply.id);

    expect(updated.id).toBe(sent.id);
    expect(reply.id).not.toBe(sent.id);
    expect(connector.activities()).toEqual([
      { kind: 'new', conversationId: THREAD, id: sent.id, activity: expect.objectContaining({ text: 'new post' }) },
      { kind: 'reply', conversationId: THREAD, id: reply.id, replyToId: '1760000000001', activity: expect.objectContaining({ text: 'a reply' }) },
      { kind: 'update', conversationId: THREAD, id: sent.id, activity: expect.objectContaining({ text: 'edited' }) },
    ]);
    expect(connector.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /v3/conversations/${THREAD}/activities 201`,
      `POST /v3/conversations/${THREAD}/activities/1760000000001 201`,
      `PUT /v3/conversations/${THREAD}/activities/${sent.id} 200`,
      `DELETE /v3/conversations/${THREAD}/activities/${reply.id} 200`,
    ]);
  });

  it('creates a conversation and records its first activity as new', async () => {
    const created = await client().conversations.createConversation({
      isGroup: true,
      bot: { id: MOCK_TENANT.bot.id, name: MOCK_TENANT.bot.name },
      channelData: { channel: { id: MOCK_TENANT.team.decisions.id } },
      activity: { type: 'message', text: 'Decision: approved' } as Activity,
    } as Parameters<ConnectorClient['conversations']['createConversation']>[0]);

    const n = created.activityId;
    const threadId = `${MOCK_TENANT.team.decisions.id};messageid=${n}`;
    expect(created.id).toBe(threadId);
    expect(connector.activities()).toEqual([
      { kind: 'new', conversationId: threadId, id: n, activity: expect.objectContaining({ text: 'Decision: approved' }) },
    ]);
    expect(connector.requests[0].body).toMatchObject({ channelData: { channel: { id: MOCK_TENANT.team.decisions.id } } });
  });

  it('answers members, paged members, one member and team details from the roster', async () => {
    const conversations = client().conversations;
    const teamId = MOCK_TENANT.team.id;
    const members = await conversations.getConversationMembers(THREAD.replace(MOCK_TENANT.team.decisions.id, teamId));
    expect(members.map((m) => m.name)).toEqual([MOCK_TENANT.currentUser, ...MOCK_TENANT.users].map((u) => u.name));

    const chair = await conversations.getConversationMember(teamId, MOCK_USERS.dsgChair.id);
    expect(chair).toEqual({
      id: MOCK_USERS.dsgChair.id,
      name: 'DSG Chair',
      aadObjectId: MOCK_USERS.dsgChair.aadObjectId,
      email: MOCK_USERS.dsgChair.email,
      userPrincipalName: MOCK_USERS.dsgChair.email,
      givenName: 'DSG Chair',
      surname: 'Mock',
      tenantId: MOCK_TENANT.tenantId,
      userRole: 'user',
    });
    await expect(conversations.getConversationMember(teamId, MOCK_USERS.projectManagerLearning2.id)).rejects.toMatchObject({ statusCode: 404 });

    const team = await new TeamsConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: url }).teams.fetchTeamDetails(teamId);
    expect(team).toMatchObject({ id: teamId, name: 'Digital Strategy Group', aadGroupId: MOCK_TENANT.team.aadGroupId });
  });
});

describe('FakeConnector routes, raw', () => {
  it('pages members with pageSize and continuationToken', async () => {
    const path = `${conversationPath(MOCK_TENANT.team.id)}/pagedmembers`;
    const first = await call('GET', `${path}?pageSize=4`);
    expect(first.body).toMatchObject({ continuationToken: '4' });
    expect((first.body as { members: unknown[] }).members).toHaveLength(4);
    const last = await call('GET', `${path}?pageSize=4&continuationToken=4`);
    expect(last.body).toEqual({ members: expect.any(Array) });
    expect((last.body as { members: unknown[] }).members).toHaveLength(2);
  });

  it('serves a roster set by the test, for the conversation and its threads', async () => {
    connector.setRoster('19:project-chat@thread.v2', [MOCK_USERS.projectLeadLearning2, MOCK_USERS.projectManagerLearning2]);
    const members = await call('GET', `${conversationPath('19:project-chat@thread.v2;messageid=9')}/members`);
    expect((members.body as Array<{ name: string }>).map((m) => m.name)).toEqual(['Project Lead (Learning) 2', 'Project Manager (Learning) 2']);
    const byAad = await call('GET', `${conversationPath('19:project-chat@thread.v2')}/members/${MOCK_USERS.projectManagerLearning2.aadObjectId}`);
    expect(byAad.body).toMatchObject({ id: MOCK_USERS.projectManagerLearning2.id });
  });

  it('says 404 with a reason for unknown conversations, teams and routes', async () => {
    expect(await call('GET', `${conversationPath('19:unknown@thread.v2')}/members`)).toMatchObject({
      status: 404,
      body: { error: { code: 'ConversationNotFound' } },
    });
    expect(await call('GET', `/v3/teams/${encodeURIComponent('19:other@thread.tacv2')}`)).toMatchObject({ status: 404, body: { error: { code: 'TeamNotFound' } } });
    expect(await call('GET', '/v3/nothing')).toMatchObject({ status: 404, body: { error: { message: 'FakeConnector has no route for GET /v3/nothing' } } });
    expect(await call('POST', `${conversationPath('a:1')}/activities`, undefined, { 'content-type': 'application/json' })).toMatchObject({ status: 201 });
  });

  it('records method, decoded path, query, parsed body and headers', async () => {
    await call('POST', `${conversationPath('a:1@x;y')}/activities?x=1`, { type: 'message', text: 'hi' }, { authorization: 'Bearer t' });
    expect(connector.requests).toEqual([
      {
        method: 'POST',
        path: '/v3/conversations/a:1@x;y/activities',
        query: { x: '1' },
        body: { type: 'message', text: 'hi' },
        headers: expect.objectContaining({ authorization: 'Bearer t', 'content-type': 'application/json' }),
        status: 201,
      },
    ]);
  });

  it('forgets everything on reset', async () => {
    connector.setRoster(MOCK_TENANT.team.id, []);
    connector.failNext({}, [{ status: 500 }]);
    await call('POST', `${conversationPath('a:1')}/activities`, { type: 'message' });
    connector.reset();
    expect(connector.requests).toEqual([]);
    expect(connector.activities()).toEqual([]);
    expect((await call('GET', `${conversationPath(MOCK_TENANT.team.id)}/members`)).body).toHaveLength(6);
  });
});

describe('FakeConnector.failNext', () => {
  it('answers the next matching calls with the given responses, in order, then normally', async () => {
    connector.failNext({ method: 'post', path: /\/activities$/ }, [
      { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'Throttled' } } },
      { status: 500 },
    ]);
    const post = () => call('POST', `${conversationPath('a:1')}/activities`, { type: 'message', text: 'x' });

    const throttled = await post();
    expect(throttled).toMatchObject({ status: 429, body: { error: { code: 'Throttled' } } });
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect((await call('GET', `${conversationPath(MOCK_TENANT.team.id)}/members`)).status).toBe(200); // does not match
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(201);
    expect(connector.requests.map((r) => r.status)).toEqual([429, 200, 500, 201]);
    expect(connector.activities()).toHaveLength(1);
  });

  it('takes a predicate, an exact path, and queues from several calls in the order given', async () => {
    connector.failNext((r) => (r.body as { text?: string } | undefined)?.text === 'blocked', [{ status: 403, body: { error: { code: 'ConversationBlockedByUser' } } }]);
    connector.failNext({ path: '/v3/conversations/a:2/activities' }, [{ status: 404 }]);
    connector.failNext({ path: '/v3/conversations/a:2/activities' }, [{ status: 502 }]);

    expect((await call('POST', `${conversationPath('a:1')}/activities`, { text: 'fine' })).status).toBe(201);
    expect((await call('POST', `${conversationPath('a:1')}/activities`, { text: 'blocked' })).status).toBe(403);
    expect((await call('POST', `${conversationPath('a:2')}/activities`, { text: 'x' })).status).toBe(404);
    expect((await call('POST', `${conversationPath('a:2')}/activities`, { text: 'x' })).status).toBe(502);
    expect((await call('POST', `${conversationPath('a:2')}/activities`, { text: 'x' })).status).toBe(201);
  });
});

describe('FakeConnector.hold', () => {
  it('answers no matching call until released, then with the response given, and holds no more', async () => {
    const held = connector.hold({ method: 'PUT' });
    let answered = false;
    const update = call('PUT', `${conversationPath('a:1')}/activities/7`, { type: 'message', text: 'edited' }).then((r) => ((answered = true), r));
    expect((await held.arrived).path).toBe('/v3/conversations/a:1/activities/7');
    expect((await call('POST', `${conversationPath('a:1')}/activities`, { text: 'not held' })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    held.release({ status: 429, headers: { 'Retry-After': '1' } });
    expect((await update).status).toBe(429);
    expect((await call('PUT', `${conversationPath('a:1')}/activities/7`, { text: 'again' })).status).toBe(200);
    expect(connector.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 429', 'POST 201', 'PUT 200']);
  });

  it('answers held calls as it normally would when released without a response, or on reset', async () => {
    const first = connector.hold({ path: /\/pagedmembers$/ });
    const paged = call('GET', `${conversationPath(MOCK_TENANT.team.id)}/pagedmembers`);
    await first.arrived;
    first.release();
    expect((await paged).body).toMatchObject({ members: expect.any(Array) });

    connector.hold({ path: /\/pagedmembers$/ });
    const again = call('GET', `${conversationPath(MOCK_TENANT.team.id)}/pagedmembers`);
    await new Promise((r) => setTimeout(r, 50));
    connector.reset();
    expect((await again).status).toBe(200);
  });
});

describe('FakeConnector.waitFor', () => {
  it('resolves with an activity already recorded or still to come', async () => {
    const incoming = message('hi', { serviceUrl: url });
    await replyTo(incoming, 'first');
    await expect(connector.waitFor((a) => a.activity.text === 'first')).resolves.toMatchObject({ kind: 'reply', replyToId: incoming.id });

    const later = connector.waitFor((a) => a.activity.text === 'second');
    setTimeout(() => void replyTo(incoming, 'second'), 20);
    await expect(later).resolves.toMatchObject({ conversationId: personalChatId(MOCK_USERS.councilOfficer) });
  });

  it('says what it did receive when it times out', async () => {
    await replyTo(message('hi', { serviceUrl: url }), 'something else');
    await call('GET', `${conversationPath(MOCK_TENANT.team.id)}/members`);
    await expect(connector.waitFor((a) => a.activity.text === 'never', 100)).rejects.toThrow(
      /no matching activity within 100 ms\. It received 2:\n {2}POST \/v3\/conversations\/a:mock-personal-chat-council-officer\/activities\/\d+ -> 201 message "something else"\n {2}GET \/v3\/conversations\/19:mock-dsg-general@thread.tacv2\/members -> 200$/,
    );
  });
});

describe('activity builders', () => {
  const serviceUrl = 'http://127.0.0.1:9/';

  it('build a personal message from the Council Officer by default, as the Playground sends it', () => {
    const hi = message('hi', { serviceUrl });
    expect(hi).toMatchObject({
      type: 'message',
      text: 'hi',
      channelId: 'msteams',
      serviceUrl,
      locale: 'en-GB',
      from: { id: MOCK_USERS.councilOfficer.id, aadObjectId: MOCK_USERS.councilOfficer.aadObjectId, name: 'Council Officer' },
      recipient: { id: MOCK_TENANT.bot.id, name: 'DSG Bot' },
      conversation: { id: MOCK_TENANT.personalChat.id, conversationType: 'personal', tenantId: MOCK_TENANT.tenantId },
      channelData: { tenant: { id: MOCK_TENANT.tenantId } },
    });
    expect(message('hi', { serviceUrl }).id).not.toBe(hi.id);
    expect(message('hi', { serviceUrl, from: MOCK_USERS.dsgAdmin }).conversation.id).toBe('a:mock-personal-chat-dsg-admin');
  });

  it('build a channel @mention in the General channel, or another channel thread', () => {
    const post = channelMention('new request', { serviceUrl, from: MOCK_USERS.dsgChair });
    expect(post).toMatchObject({
      text: '<at>DSG Bot</at> new request',
      conversation: { id: `${MOCK_TENANT.team.id};messageid=${post.id}`, conversationType: 'channel', isGroup: true },
      channelData: { team: { id: MOCK_TENANT.team.id }, channel: { id: MOCK_TENANT.team.id }, tenant: { id: MOCK_TENANT.tenantId } },
    });
    expect(post.entities?.[0]).toEqual({ type: 'mention', text: '<at>DSG Bot</at>', mentioned: { id: MOCK_TENANT.bot.id, name: 'DSG Bot' } });
    const inThread = channelMention('and another', { serviceUrl, channel: MOCK_TENANT.team.decisions, threadId: '42' });
    expect(inThread.conversation.id).toBe(`${MOCK_TENANT.team.decisions.id};messageid=42`);
  });

  it('build card actions: Action.Execute invoke and Action.Submit message', () => {
    expect(invokeAction('request.submit', { title: 'x' }, { serviceUrl, replyToId: '7' })).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: '7',
      value: { action: { type: 'Action.Execute', id: 'request.submit', verb: 'request.submit', data: { title: 'x' } }, trigger: 'manual' },
    });
    const submitted = submit({ verb: 'request.submit' }, { serviceUrl, replyToId: '7' });
    expect(submitted).toMatchObject({ type: 'message', value: { verb: 'request.submit' }, replyToId: '7' });
    expect(submitted).not.toHaveProperty('text');
  });

  it('build install and bot-added events', () => {
    expect(installationUpdate('remove', { serviceUrl })).toMatchObject({ type: 'installationUpdate', action: 'remove', conversation: { conversationType: 'personal' } });
    expect(conversationUpdateBotAdded({ serviceUrl })).toMatchObject({
      type: 'conversationUpdate',
      membersAdded: [{ id: MOCK_TENANT.bot.id }],
      conversation: { id: MOCK_TENANT.team.id, conversationType: 'channel' },
      channelData: { eventType: 'teamMemberAdded', team: { id: MOCK_TENANT.team.id, name: 'Digital Strategy Group' } },
    });
    expect(conversationUpdateBotAdded({ serviceUrl, conversationType: 'groupChat' }).conversation.id).toBe(MOCK_TENANT.groupChat.id);
  });
});
