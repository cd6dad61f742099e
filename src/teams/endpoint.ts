import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Deps } from '../app/deps';
import { type Config, isLoopback } from '../config';
import type { Logger } from '../log';
import { errorReply } from './errors';
import { createPressLimiter } from './press-limit';
import { invokeBody } from './reply';
import { createTurnHandler } from './turn';

/** The fields every activity must carry before the turn logic can answer it. */
export const activityEnvelope = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().url(),
  from: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
  conversation: z.object({ id: z.string().min(1) }),
});

/** What the endpoint answers to one POST /api/messages. */
interface EndpointAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TeamsEndpoint {
  /** Checks, authenticates and handles one POST /api/messages body; `authorization` is the header as sent. */
  handle(body: Record<string, unknown>, authorization: string | undefined): Promise<EndpointAnswer>;
  adapter: CloudAdapter;
}

/** How requests from Teams are checked; the defaults suit the public cloud. Tests point these at loopback. */
export interface ChannelAuthOptions {
  /**
   * Where the Bot Framework publishes the keys that sign Teams' requests (its OpenID configuration). When set, the
   * other settings keep the public cloud's values (those of the SDK's AuthenticationConstants).
   */
  openIdMetadataUrl?: string;
  /** How long checking a token may take, fetching the keys included, before the bot answers 503 (default 10 s). */
  timeoutMs?: number;
}

/** CloudAdapter with its authentication and its turn as two steps, so each failure gets its own answer. */
export class BotAdapter extends CloudAdapter {
  /** Checks the request's token (nothing in local mode); throws when it does not hold or cannot be checked. */
  authenticate(activity: Activity, authorization: string) {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** Runs the turn for an authenticated activity; resolves with the invoke response, if any. */
  run(auth: Awaited<ReturnType<BotAdapter['authenticate']>>, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }
}

/** The bot's credentials as the Bot Framework SDK reads them; none in local mode. */
function botSettings(config: Pick<Config, 'bot'>) {
  return config.bot
    ? {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword,
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.appTenantId,
      }
    : {};
}

/**
 * How the bot proves who it is to Teams: a client secret (MultiTenant, SingleTenant), or with UserAssignedMSI the
 * App Service's managed identity (MicrosoftAppId is the identity's client id; no password at all).
 */
export function credentialsFactory(config: Pick<Config, 'bot'>): ConfigurationServiceClientCredentialFactory {
  return new ConfigurationServiceClientCredentialFactory(botSettings(config));
}

/** BotAdapter: authenticates every request when an app id is set; also sends proactive messages. */
export function createAdapter(config: Pick<Config, 'bot'>, log: Logger, channelAuth?: ChannelAuthOptions): BotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.bot
      ? {
          ...botSettings(config),
          ...(channelAuth?.openIdMetadataUrl && {
            ToBotFromChannelOpenIdMetadataUrl: channelAuth.openIdMetadataUrl,
            ToBotFromEmulatorOpenIdMetadataUrl: channelAuth.openIdMetadataUrl,
            ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
            ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
            ToChannelFromBotOAuthScope: 'https://api.botframework.com',
            OAuthUrl: 'https://api.botframework.com',
            CallerId: 'urn:botframework:azure',
          }),
        }
      : {},
    credentialsFactory(config),
  );
  const adapter = new BotAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // A proactive send (continueConversation / createConversation runs as an 'event' turn) must fail to its
    // caller, the outbox sender, so it is retried; never swallowed here or answered in the chat.
    if (context.activity?.type === 'event') throw error;
    log.error({ err: error, activityId: context.activity?.id }, 'turn failed');
    try {
      const { reply } = errorReply(error);
      if (context.activity?.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: invokeBody(reply) } });
      } else if ('text' in reply) {
        await context.sendActivity({ type: 'message', textFormat: 'plain', text: reply.text });
      }
    } catch (sendError) {
      log.error({ err: sendError }, 'could not tell the user about the failure');
    }
  };
  return adapter;
}

/** Seconds Teams is asked to wait before retrying when sign-ins cannot be checked. */
const AUTH_RETRY_AFTER_SECONDS = 30;

const UNAUTHORIZED: EndpointAnswer = { status: 401, body: { error: 'Unauthorized.' }, headers: { 'www-authenticate': 'Bearer' } };
const UNAVAILABLE: EndpointAnswer = {
  status: 503,
  body: { error: 'Sign-ins cannot be checked right now; try again later.' },
  headers: { 'retry-after': String(AUTH_RETRY_AFTER_SECONDS) },
};

/** The Bot Framework SDK's ways of saying a token does not hold (its own AuthenticationError, or jsonwebtoken's). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
/** ...and of saying its sign-in metadata (OpenID configuration, keys) could not be read. */
const METADATA_ERRORS = new Set(['FetchError', 'AbortError', 'AuthTimeout']);

/** Why authentication failed: the token ('refused'), the metadata ('unavailable'), or something unforeseen. */
function authFailure(error: unknown): 'refused' | 'unavailable' | 'unexpected' {
  const { name, statusCode } = (error ?? {}) as { name?: string; statusCode?: unknown };
  if (statusCode === 401) return 'refused';
  if (statusCode === 500 || (name && METADATA_ERRORS.has(name))) return 'unavailable';
  return name && TOKEN_ERRORS.has(name) ? 'refused' : 'unexpected';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'AuthTimeout' })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether a serviceUrl points at this machine (http or https on localhost, 127.x.x.x or [::1]). */
function isLoopbackUrl(serviceUrl: string): boolean {
  if (!URL.canParse(serviceUrl)) return false;
  const url = new URL(serviceUrl);
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname);
}

/**
 * The Bot Framework endpoint: checks the envelope (and, in local mode, that replies would go to this machine),
 * authenticates the request, then runs the turn logic. Failures answer with our own short words; the reason is logged.
 */
export function createTeamsEndpoint(adapter: BotAdapter, config: Pick<Config, 'allowedTenantIds' | 'bot' | 'pressLimit' | 'publicUrl' | 'userSpecificViews'>, deps: Deps, log: Logger, channelAuth: ChannelAuthOptions = {}): TeamsEndpoint {
  const authTimeoutMs = channelAuth.timeoutMs ?? 10_000;
  const presses = createPressLimiter(config.pressLimit, () => deps.clock.now().getTime());
  const logic = createTurnHandler(deps, { allowedTenantIds: config.allowedTenantIds, presses, privacyUrl: `${config.publicUrl}/privacy`, publicUrl: config.publicUrl, userSpecificViews: config.userSpecificViews }, log);
  return {
    adapter,
    async handle(body, authorization) {
      const check = activityEnvelope.safeParse(body);
      if (!check.success) {
        const fields = [...new Set(check.error.issues.map((i) => i.path.join('.') || 'body'))].join(', ');
        log.warn({ fields, problems: check.error.issues.map((i) => i.message) }, 'activity refused: malformed');
        return { status: 400, body: { error: `The activity is malformed: ${fields} missing or not valid.` } };
      }
      if (!config.bot && !isLoopbackUrl(check.data.serviceUrl)) {
        log.warn({ serviceUrl: check.data.serviceUrl.slice(0, 200) }, 'activity refused: local mode answers only a loopback serviceUrl');
        return { status: 400, body: { error: 'In local mode the bot answers only a serviceUrl on this machine (localhost, 127.0.0.1 or [::1]).' } };
      }
      const activity = body as unknown as Activity;
      let auth;
      try {
        auth = await withTimeout(adapter.authenticate(activity, authorization ?? ''), authTimeoutMs);
      } catch (error) {
        const failure = authFailure(error);
        const reason = error instanceof Error ? error.message.slice(0, 300) : String(error);
        const context = { activityId: activity.id, reason, errorName: (error as Error)?.name };
        if (failure === 'unavailable') {
          log.error(context, 'the Bot Framework sign-in metadata could not be read: requests cannot be authenticated');
          return UNAVAILABLE;
        }
        if (failure === 'unexpected') log.error(context, 'authentication failed unexpectedly; refused');
        else log.warn(context, 'authentication refused');
        return UNAUTHORIZED;
      }
      const invokeResponse = await adapter.run(auth, activity, logic);
      return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body };
    },
  };
}
