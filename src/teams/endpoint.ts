import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type Request, type Response } from 'botbuilder';
import { z } from 'zod';
import type { Deps } from '../app/deps';
import type { Config } from '../config';
import type { Logger } from '../log';
import { errorReply } from './errors';
import { invokeBody } from './reply';
import { createTurnHandler } from './turn';

/** The fields every activity must carry before the turn logic can answer it. */
const envelope = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().url(),
  from: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
  conversation: z.object({ id: z.string().min(1) }),
});

/** A body that is JSON but not a Bot Framework activity we can answer. */
export class InvalidActivityError extends Error {
  override name = 'InvalidActivityError';
}

export interface TeamsEndpoint {
  /** Handles one POST /api/messages; throws only for a body that is not a Bot Framework activity. */
  handle(req: Request, res: Response): Promise<void>;
  adapter: CloudAdapter;
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

/** CloudAdapter: authenticates every request when an app id is set; also sends proactive messages. */
export function createAdapter(config: Pick<Config, 'bot'>, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(botSettings(config), credentialsFactory(config));
  const adapter = new CloudAdapter(auth);
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

/** The Bot Framework endpoint: the adapter runs the turn logic for each POST /api/messages. */
export function createTeamsEndpoint(adapter: CloudAdapter, config: Pick<Config, 'allowedTenantIds' | 'publicUrl'>, deps: Deps, log: Logger): TeamsEndpoint {
  const logic = createTurnHandler(deps, { allowedTenantIds: config.allowedTenantIds, privacyUrl: `${config.publicUrl}/privacy` }, log);
  return {
    adapter,
    async handle(req, res) {
      const check = envelope.safeParse(req.body);
      if (!check.success) throw new InvalidActivityError(check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      await adapter.process(req, res, logic);
    },
  };
}
