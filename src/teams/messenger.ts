import {
  type Activity,
  CardFactory,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  type TurnContext,
  teamsNotifyUser,
} from 'botbuilder';
import { DeliveryError, type Messenger, type OutboxTarget, type Rendered } from '../app/outbox/ports';

/** What one send did: the message's activity id and the conversation it is in (a new thread's or chat's id). */
interface SendResult {
  activityId: string | null;
  conversationId: string | null;
}

/** The Messenger port, with the conversation a message landed in (needed to reply in a new thread later). */
export interface TeamsMessenger extends Messenger {
  send(target: OutboxTarget, message: Rendered): Promise<SendResult>;
}

export interface MessengerOptions {
  /**
   * The Bot Connector to create 1:1 chats on for people the bot has no conversation reference for:
   * `https://smba.trafficmanager.net/teams/` (or the tenant's regional url) in Teams, the Playground's
   * `http://127.0.0.1:56150/_connector` locally. Without it such messages fail ('fatal').
   */
  defaultServiceUrl?: string | null;
  /** The bot's Teams id for new 1:1 chats; default `28:<appId>` (the Playground's bot id in local mode). */
  botId?: string | null;
  /** A send that has not answered after this long fails with 'retry' (default 30 s). */
  timeoutMs?: number;
  /**
   * Keep the SDK's own retries (up to 3, sleeping for the whole Retry-After or 1-4 s) inside a send.
   * Default false: the outbox is the one retry layer, so a send returns quickly and never outlives its lease.
   */
  sdkRetries?: boolean;
}

/** 403 codes meaning the bot cannot write there until the person or an admin acts. */
const UNREACHABLE_403 = new Set(['ConversationBlockedByUser', 'BotNotInConversationRoster', 'BotDisabledByAdmin']);
/** Errors from the network rather than from the Bot Connector. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'REQUEST_SEND_ERROR',
]);

type HeaderSource = { get?(name: string): string | null | undefined } | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof headers.get === 'function') return (headers.get as (n: string) => string | null | undefined)(name) ?? null;
  const hit = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return hit && typeof hit[1] === 'string' ? hit[1] : null;
}

/** Retry-After (seconds or an HTTP date) or retry-after-ms / x-ms-retry-after-ms, in ms; null when absent or unreadable. */
export function retryAfterMs(headers: HeaderSource, now: number = Date.now()): number | null {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = header(headers, name);
    if (value !== null && value.trim() !== '' && Number.isFinite(Number(value))) return Math.max(0, Number(value));
  }
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

interface ErrorShape {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  details?: { error?: { code?: string; message?: string } };
  response?: { status?: number; headers?: HeaderSource; parsedBody?: { error?: { code?: string } } };
}

/**
 * Turns what botbuilder throws into a DeliveryError. A failed Bot Connector call is a RestError
 * (@azure/core-rest-pipeline via botbuilder-stdlib): `statusCode`, `code` (the body's `error.code`, e.g.
 * ConversationBlockedByUser, or a system code such as ECONNREFUSED when there was no answer), `details`
 * (the parsed body) and `response.headers` (with `get`).
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as ErrorShape;
  const status = e.statusCode ?? e.response?.status;
  const code = e.details?.error?.code ?? e.response?.parsedBody?.error?.code ?? e.code;
  const what = [status, code, e.message].filter((part) => part !== undefined && part !== '').join(' ') || String(error);
  if (typeof status === 'number' && status > 0) {
    if (status === 429 || status === 503) return new DeliveryError('retry', what, retryAfterMs(e.response?.headers));
    if (status >= 500 || status === 408 || status === 412) return new DeliveryError('retry', what);
    if (status === 403 && code && UNREACHABLE_403.has(code)) return new DeliveryError('unreachable', what);
    if (status === 404 && code === 'ConversationNotFound') return new DeliveryError('unreachable', what);
    return new DeliveryError('fatal', what);
  }
  if ((code && NETWORK_CODES.has(code)) || e.name === 'AbortError' || e.name === 'TimeoutError') return new DeliveryError('retry', what);
  // A bad stored reference or payload (botbuilder throws TypeError) will never work; anything else may be transient.
  if (error instanceof TypeError || error instanceof RangeError) return new DeliveryError('fatal', what);
  return new DeliveryError('retry', what);
}

function activityOf(payload: Rendered): Partial<Activity> {
  if (!payload.card && payload.text === undefined) throw new DeliveryError('fatal', 'nothing to send: the payload has neither card nor text');
  const activity: Partial<Activity> = {
    type: 'message',
    ...(payload.text !== undefined ? { text: payload.text, textFormat: 'plain' } : {}),
    ...(payload.card ? { attachments: [CardFactory.adaptiveCard(payload.card)] } : {}),
  };
  // channelData.notification.alert: Teams puts the message in the person's activity feed.
  if (payload.alert) teamsNotifyUser(activity);
  return activity;
}

function referenceOf(value: unknown): Partial<ConversationReference> & { serviceUrl: string; conversation: { id: string } } {
  const ref = value as Partial<ConversationReference> | null;
  if (!ref || typeof ref.serviceUrl !== 'string' || !ref.serviceUrl || typeof ref.conversation?.id !== 'string' || !ref.conversation.id) {
    throw new DeliveryError('fatal', 'the stored conversation reference has no serviceUrl or conversation id');
  }
  return { channelId: 'msteams', ...ref } as Partial<ConversationReference> & { serviceUrl: string; conversation: { id: string } };
}

/** A Teams thread's id is `<channel id>;messageid=<id of its first message>`. */
const messageIdOf = (conversationId: string | undefined): string | null => /;messageid=([^;]+)/.exec(conversationId ?? '')?.[1] ?? null;

/** The part of botframework-connector's ConnectorClient used here (botbuilder does not re-export its type). */
interface ConnectorClientLike {
  conversations: { createConversation(params: ConversationParameters): Promise<{ id?: string; activityId?: string }> };
}

function connectorOf(ctx: TurnContext): ConnectorClientLike {
  const client = ctx.turnState.get<ConnectorClientLike>(ctx.adapter.ConnectorClientKey);
  if (!client) throw new DeliveryError('fatal', 'botbuilder gave the turn no connector client');
  return client;
}

/**
 * The connector client the adapter made for this turn is used for this send only: without its retry policy
 * (core-rest-pipeline's `defaultRetryPolicy`, reached through a private field of botbuilder-stdlib's
 * ServiceClientContext; if that ever moves, nothing happens and the SDK keeps retrying).
 */
function withoutSdkRetries(ctx: TurnContext): void {
  const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy?(o: { name: string }): unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

/**
 * A proactive turn's activity has a random id, which TurnContext copies into replyToId: botbuilder would then
 * POST .../activities/{that id} (a reply to nothing). Without it a message is POST .../activities, and an
 * update carries no stray replyToId.
 */
function notAReply(ctx: TurnContext): void {
  ctx.onSendActivities(async (_ctx, activities, next) => {
    for (const activity of activities) delete activity.replyToId;
    return next();
  });
  ctx.onUpdateActivity(async (_ctx, activity, next) => {
    delete activity.replyToId;
    return next();
  });
}

/**
 * Runs `work` for at most `ms`. The SDK cannot cancel a request, so after a timeout the work goes on in the
 * background; `live()` turns false then, and each step checks it before its next call so that a late answer
 * (say, the 1:1 chat created after all) sends nothing the outbox will send again.
 */
async function withTimeout<T>(work: (live: () => boolean) => Promise<T>, ms: number, what: string): Promise<T> {
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new DeliveryError('retry', `${what}: no answer from the Bot Connector within ${ms} ms`));
    }, ms);
  });
  const running = work(() => !timedOut);
  running.catch(() => undefined); // a failure after the timeout has nobody to tell
  try {
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends queued messages to Teams proactively through the CloudAdapter. `appId` is the bot's Microsoft app id
 * ('' in local mode, where nothing is authenticated).
 */
export function createMessenger(adapter: CloudAdapter, appId: string, options: MessengerOptions = {}): TeamsMessenger {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const botId = options.botId ?? (appId ? `28:${appId}` : null);
  /** Sets up the turn's connector; throws if the send already timed out. */
  const prepare = (ctx: TurnContext, live: () => boolean) => {
    if (!live()) throw new DeliveryError('retry', 'timed out before sending');
    if (!options.sdkRetries) withoutSdkRetries(ctx);
    notAReply(ctx);
  };

  async function toConversation(reference: unknown, activity: Partial<Activity>, live: () => boolean): Promise<SendResult> {
    const ref = referenceOf(reference);
    let activityId: string | null = null;
    await adapter.continueConversationAsync(appId, ref, async (ctx) => {
      prepare(ctx, live);
      activityId = (await ctx.sendActivity(activity))?.id || null;
    });
    return { activityId, conversationId: ref.conversation.id };
  }

  /**
   * A new thread in the reference's channel. adapter.createConversationAsync is not used: it hands the logic
   * only the new conversation id (as activity.id and conversation.id) and drops the response's activityId.
   * Calling createConversation on the turn's own connector keeps both.
   */
  async function newThread(reference: unknown, activity: Partial<Activity>, live: () => boolean): Promise<SendResult> {
    const ref = referenceOf(reference);
    const channelId = ref.conversation.id.split(';')[0];
    let result: SendResult = { activityId: null, conversationId: null };
    await adapter.continueConversationAsync(appId, ref, async (ctx) => {
      prepare(ctx, live);
      const params: ConversationParameters = {
        isGroup: true,
        channelData: { channel: { id: channelId } },
        activity: activity as Activity,
        ...(ref.bot ? { bot: ref.bot } : {}),
      } as ConversationParameters;
      const created = await connectorOf(ctx).conversations.createConversation(params);
      result = { activityId: created.activityId || messageIdOf(created.id), conversationId: created.id || null };
    });
    return result;
  }

  async function toPerson(userId: string, tenantId: string | null, activity: Partial<Activity>, live: () => boolean): Promise<SendResult> {
    const serviceUrl = options.defaultServiceUrl;
    if (!serviceUrl) throw new DeliveryError('fatal', 'cannot start a 1:1 chat: no default Bot Connector url is configured');
    const params = {
      isGroup: false,
      members: [{ id: userId }],
      ...(botId ? { bot: { id: botId } } : {}),
      ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
    } as ConversationParameters;
    let result: SendResult = { activityId: null, conversationId: null };
    // audience undefined, as TeamsInfo passes null: the connector factory then uses the configured cloud's scope.
    await adapter.createConversationAsync(appId, 'msteams', serviceUrl, undefined as unknown as string, params, async (ctx) => {
      prepare(ctx, live);
      const conversationId = ctx.activity.conversation?.id ?? null;
      const sent = await ctx.sendActivity(activity);
      result = { activityId: sent?.id || null, conversationId };
    });
    return result;
  }

  async function update(reference: unknown, activityId: string, activity: Partial<Activity>, live: () => boolean): Promise<SendResult> {
    const ref = referenceOf(reference);
    await adapter.continueConversationAsync(appId, ref, async (ctx) => {
      prepare(ctx, live);
      await ctx.updateActivity({ ...activity, id: activityId });
    });
    return { activityId, conversationId: ref.conversation.id };
  }

  return {
    async send(target, payload) {
      try {
        const activity = activityOf(payload);
        const work = (live: () => boolean) =>
          target.kind === 'person' ? toPerson(target.userId, target.tenantId, activity, live)
          : target.kind === 'update' ? update(target.reference, target.activityId, activity, live)
          : target.newThread ? newThread(target.reference, activity, live)
          : toConversation(target.reference, activity, live);
        return await withTimeout(work, timeoutMs, `send to ${target.kind}`);
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}
