import { type Activity, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Deps } from '../app/deps';
import { recordContact } from '../app/record-contact';
import { rememberAddress } from '../app/data-protection/remember-address';
import { welcomeCard } from '../presenters/welcome';
import { givenNameOf } from '../domain/people';
import type { Logger } from '../log';
import { actorFrom, channelFrom, contactFrom, groupChatFrom, isShared, tenantOf, whereFrom } from './activity';
import { parseCommand } from './commands';
import { errorReply } from './errors';
import type { PressLimiter } from './press-limit';
import { card, invokeBody, text, type Reply } from './reply';
import { VERBS } from './verbs';
import { projectRefresh } from './verbs/project';
import { triageRefresh } from './verbs/request-view';
import { gateRefresh } from './verbs/gates';
import type { Verb } from './verbs/verb';
import { EXTENSION_INVOKES } from './message-extension';

const cardAction = z.object({
  action: z.object({
    type: z.literal('Action.Execute', { error: 'only Action.Execute is supported' }),
    verb: z.string({ error: 'the action has no verb' }),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

export interface TurnOptions {
  allowedTenantIds: readonly string[];
  /** Each person's commands and card presses (src/teams/press-limit.ts). */
  presses: PressLimiter;
  /** The privacy notice's address, linked from the welcome card. */
  privacyUrl?: string;
  /** The address the bot and its Programme tab are reached at (Programme tab links unfurl from it). */
  publicUrl?: string;
  /** Cards in channels and group chats show each person their own actions (Universal Actions refresh). */
  userSpecificViews?: boolean;
}

/** The part of the Bot Connector client the address lookup uses (the turn keeps one under ConnectorClientKey). */
interface MemberLookup {
  conversations: { getConversationMember(conversationId: string, userId: string): Promise<{ email?: string; userPrincipalName?: string }> };
}

/** A verb name safe to repeat back to the person. */
const shown = (name: unknown): string => (typeof name === 'string' && /^[\w./-]{1,40}$/.test(name) ? `"${name}"` : 'that');

/**
 * The bot's turn logic: tenant gate, remember the contact, then route typed commands and card
 * actions (Action.Execute invokes, or Action.Submit messages from older clients) to the verb table.
 */
export function createTurnHandler(deps: Deps, options: TurnOptions, rootLog: Logger): (context: TurnContext) => Promise<void> {
  /** People whose email this process has already looked for: Teams is asked at most once per person per process. */
  const addressed = new Set<string>();

  /**
   * Remembers the email and UPN Teams gives for the sender, for subject access and erasure by email. It runs beside
   * the turn, never in its way: nobody waits on Teams for it (a failure is only logged; the next process asks again).
   */
  function learnAddress(context: TurnContext, log: Logger): void {
    const id = context.activity.from?.id;
    const conversationId = context.activity.conversation?.id;
    // The turn's connector client outlives the turn (the context itself does not): ask Teams through it afterwards.
    const client = context.turnState.get<MemberLookup | undefined>(context.adapter.ConnectorClientKey);
    if (!id || !conversationId || !client || addressed.has(id)) return;
    addressed.add(id);
    void rememberAddress({ store: deps.store, log }, id, async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Teams did not answer within 3 s')), 3000);
      });
      try {
        const member = await Promise.race([client.conversations.getConversationMember(conversationId, id), timeout]);
        return { email: member.email ?? null, upn: member.userPrincipalName ?? null };
      } finally {
        clearTimeout(timer);
      }
    });
  }

  async function runVerb(name: unknown, data: unknown, activity: Activity, log: Logger, verbs: ReadonlyMap<string, Verb> = VERBS): Promise<Reply> {
    // Teams refreshing a card as it comes into view is not the person pressing: it never uses up their presses.
    const tooMany = isAutomaticRefresh(activity, name) ? null : options.presses.check(activity.from.id, log);
    if (tooMany) return tooMany;
    const verb = typeof name === 'string' ? verbs.get(name) : undefined;
    if (!verb) {
      log.warn({ verb: String(name).slice(0, 80) }, 'unknown verb');
      return text(`Sorry, I do not recognise ${shown(name)} button. The card may be from an older version of dsg-bot: type "help" to start again.`);
    }
    try {
      const viewsPerPerson = options.userSpecificViews === true && isShared(activity);
      const reply = await verb.run({ deps, actor: actorFrom(activity), log, channel: channelFrom(activity), chat: groupChatFrom(activity), where: whereFrom(activity), viewsPerPerson }, data ?? {});
      if (!('malformed' in reply)) return reply;
      const problems = reply.malformed.join('; ');
      log.warn({ verb: verb.name, problems }, 'malformed action data');
      return text(`Sorry, I could not use that card: ${problems}. It may be from an older version of dsg-bot: type "help" to start again.`);
    } catch (error) {
      const { reply, unexpected } = errorReply(error);
      if (unexpected) log.error({ err: error, verb: verb.name }, 'verb failed');
      else log.info({ verb: verb.name, code: (error as { code?: string }).code }, 'action refused');
      return reply;
    }
  }

  /** Sends a reply as a message; a card replaces the message `replaceId` (the pressed card) unless it goes `below` it. */
  async function send(context: TurnContext, reply: Reply, replaceId?: string): Promise<void> {
    if ('text' in reply) {
      await context.sendActivity({ type: 'message', text: reply.text, textFormat: 'plain' });
      return;
    }
    const message = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
    if (replaceId && !reply.below) await context.updateActivity({ ...message, id: replaceId });
    else await context.sendActivity(message);
  }

  async function onMessage(context: TurnContext, log: Logger): Promise<void> {
    const activity = context.activity;
    if (activity.value && typeof activity.value === 'object') {
      // Action.Submit from a client without Action.Execute: the verb travels in the data.
      const { verb, ...data } = activity.value as Record<string, unknown>;
      return send(context, await runVerb(verb, data, activity, log), activity.replyToId);
    }
    const shared = isShared(activity);
    const mentioned = (activity.entities ?? []).some((e) => e.type === 'mention' && e.mentioned?.id === activity.recipient.id);
    if (shared && !mentioned) return;
    const typed = (shared ? textWithoutMention(activity) : (activity.text ?? '')).slice(0, 500);
    const command = parseCommand(typed);
    if (command) return send(context, await runVerb(command.verb, command.data, activity, log));
    log.info('message not understood');
    return send(context, await runVerb('help.show', typed.trim() ? { typed: typed.trim() } : {}, activity, log));
  }

  /** A message-extension invoke (src/teams/message-extension.ts): its handler's answer, or a short one when it failed. */
  async function onExtension(context: TurnContext, log: Logger, handle: NonNullable<ReturnType<typeof EXTENSION_INVOKES.get>>): Promise<void> {
    const activity = context.activity;
    const ctx = { deps, actor: actorFrom(activity), log, publicUrl: options.publicUrl ?? '', run: (name: unknown, data: unknown, verbs: ReadonlyMap<string, Verb>) => runVerb(name, data, activity, log, verbs) };
    let body: object;
    try {
      body = await handle(ctx, activity.value);
    } catch (error) {
      const { reply, unexpected } = errorReply(error);
      if (unexpected) log.error({ err: error, invoke: activity.name }, 'message extension failed');
      else log.info({ invoke: activity.name, code: (error as { code?: string }).code }, 'message extension refused');
      const words = 'text' in reply ? reply.text : '';
      body = activity.name === 'composeExtension/query' ? { composeExtension: { type: 'message', text: words } } : { task: { type: 'message', value: words } };
    }
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  }

  async function onInvoke(context: TurnContext, log: Logger): Promise<void> {
    const activity = context.activity;
    const extension = EXTENSION_INVOKES.get(String(activity.name));
    if (extension) return onExtension(context, log, extension);
    if (activity.name !== 'adaptiveCard/action') {
      log.warn({ name: String(activity.name).slice(0, 80) }, 'unsupported invoke');
      // A 4xx, not the Bot Framework's usual 501: it is the request that names something this bot does not do.
      await context.sendActivity({ type: 'invokeResponse', value: { status: 400, body: { error: `dsg-bot does not handle ${shown(activity.name)} invokes.` } } });
      return;
    }
    const parsed = cardAction.safeParse(activity.value);
    const reply = parsed.success
      ? await runVerb(parsed.data.action.verb, parsed.data.action.data, activity, log)
      : text(`Sorry, I could not use that card: ${parsed.error.issues[0]?.message ?? 'it sent no action'}. Type "help" to start again.`);
    if (!parsed.success) log.warn({ problems: parsed.error.issues.map((i) => i.message) }, 'malformed invoke');
    // The invoke response replaces the pressed card; an answer that goes below it is a new message in the same
    // conversation, and the invoke is answered with a short message, which leaves the pressed card as it is.
    if ('card' in reply && reply.below) await send(context, reply);
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: invokeBody(reply) } });
  }

  async function onInstall(context: TurnContext, installed: boolean): Promise<void> {
    const { newlyInstalled } = await recordContact(deps, contactFrom(context.activity, installed));
    if (newlyInstalled) await send(context, card(welcomeCard(givenNameOf(context.activity.from?.name), options.privacyUrl)));
  }

  return async function turn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const log = rootLog.child({ activityId: activity.id, activityType: activity.type, conversationId: activity.conversation?.id });
    const tenant = tenantOf(activity);
    if (options.allowedTenantIds.length && !(tenant && options.allowedTenantIds.includes(tenant))) {
      log.warn({ tenant }, 'activity from a tenant not in ALLOWED_TENANT_IDS ignored');
      if (activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      return;
    }
    switch (activity.type) {
      case 'message':
        await recordContact(deps, contactFrom(activity));
        learnAddress(context, log);
        return onMessage(context, log);
      case 'invoke':
        await recordContact(deps, contactFrom(activity));
        learnAddress(context, log);
        return onInvoke(context, log);
      case 'installationUpdate': {
        const action = String(activity.action ?? '');
        return onInstall(context, !action.startsWith('remove'));
      }
      case 'conversationUpdate': {
        const botId = activity.recipient.id;
        if (activity.membersAdded?.some((m) => m.id === botId)) return onInstall(context, true);
        if (activity.membersRemoved?.some((m) => m.id === botId)) return onInstall(context, false);
        return;
      }
      default:
        log.debug('activity ignored');
    }
  };
}

/** The verbs Teams calls by itself to show a person their own view of a card (Universal Actions refresh). */
const REFRESH_VERBS: ReadonlySet<unknown> = new Set([triageRefresh.name, projectRefresh.name, gateRefresh.name]);

/** An `adaptiveCard/action` invoke Teams sent by itself (trigger "automatic") for a card's refresh. */
const isAutomaticRefresh = (activity: Activity, verb: unknown): boolean =>
  activity.type === 'invoke' && (activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic' && REFRESH_VERBS.has(verb);

/** The text of a channel or group chat message with the bot's @mention taken out. */
function textWithoutMention(activity: Activity): string {
  let result = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    if (entity.type === 'mention' && entity.mentioned?.id === activity.recipient.id && typeof entity.text === 'string') {
      result = result.split(entity.text).join(' ');
    }
  }
  return result.replace(/<at>[^<]*<\/at>/g, ' ').trim();
}
