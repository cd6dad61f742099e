/**
 * Bot Framework activities shaped as Microsoft Teams sends them, for posting to the bot's /api/messages.
 * People, team and channels default to the mock tenant (src/playground/mock-tenant.ts), so tests read
 * like the Playground. `serviceUrl` is required: it is where the bot will answer (the fake connector's url).
 */
import { MOCK_TENANT, MOCK_USERS } from '../../../src/playground/mock-tenant';

type ConversationType = 'personal' | 'channel' | 'groupChat';

export interface ChannelAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
}

export interface TeamsActivity {
  type: 'message' | 'invoke' | 'installationUpdate' | 'conversationUpdate';
  id: string;
  channelId: 'msteams';
  serviceUrl: string;
  timestamp: string;
  localTimestamp: string;
  localTimezone: string;
  locale: string;
  from: ChannelAccount;
  recipient: ChannelAccount;
  conversation: { id: string; conversationType: ConversationType; tenantId: string; isGroup?: true };
  channelData: {
    tenant: { id: string };
    team?: { id: string; name?: string; aadGroupId?: string };
    channel?: { id: string; name?: string };
    teamsTeamId?: string;
    teamsChannelId?: string;
    eventType?: string;
    source?: { name: string };
    legacy?: { replyToId: string };
  };
  entities?: Array<Record<string, unknown>>;
  text?: string;
  textFormat?: 'plain';
  name?: string;
  value?: unknown;
  action?: 'add' | 'remove';
  replyToId?: string;
  membersAdded?: ChannelAccount[];
}

export interface ActivityOptions {
  /** Where the bot answers: the fake connector's url. */
  serviceUrl: string;
  /** Default: the Council Officer. Any MockUser fits. */
  from?: ChannelAccount;
  /** Default: personal for messages, cards and installs; channel for mentions and bot-added. */
  conversationType?: ConversationType;
  /** Default: MOCK_TENANT.team.general. */
  channel?: { id: string; name?: string };
  /** In a channel, the id of the thread's first post (default: this activity's id, i.e. a new post). */
  threadId?: string;
  /** The message (usually a card) this activity answers. */
  replyToId?: string;
  id?: string;
  timestamp?: Date;
}

const BOT: ChannelAccount = { id: MOCK_TENANT.bot.id, name: MOCK_TENANT.bot.name };
const LOCALE = 'en-GB';
const TIMEZONE = 'Europe/London';

let sequence = 0;
/** Unique within the test run; numeric like Teams message ids. */
const nextActivityId = (): string => String(1_760_000_000_000 + ++sequence);

/** The 1:1 chat id of a user with the bot; the Council Officer's is the Playground's personal chat. */
export function personalChatId(user: ChannelAccount): string {
  return `a:mock-personal-chat-${user.id.replace(/^29:(mock-)?/, '')}`;
}

function envelope(type: TeamsActivity['type'], opts: ActivityOptions, defaultType: ConversationType): TeamsActivity {
  const id = opts.id ?? nextActivityId();
  const user = opts.from ?? MOCK_USERS.councilOfficer;
  const from = { id: user.id, name: user.name, aadObjectId: user.aadObjectId };
  const conversationType = opts.conversationType ?? defaultType;
  const tenantId = MOCK_TENANT.tenantId;
  const channel = opts.channel ?? MOCK_TENANT.team.general;
  const timestamp = opts.timestamp ?? new Date();
  const conversation: TeamsActivity['conversation'] =
    conversationType === 'personal' ? { id: personalChatId(from), conversationType, tenantId }
    : conversationType === 'groupChat' ? { id: MOCK_TENANT.groupChat.id, conversationType, tenantId, isGroup: true }
    : { id: `${channel.id};messageid=${opts.threadId ?? id}`, conversationType, tenantId, isGroup: true };
  const channelData: TeamsActivity['channelData'] =
    conversationType === 'channel'
      ? { teamsChannelId: channel.id, teamsTeamId: MOCK_TENANT.team.id, channel: { id: channel.id }, team: { id: MOCK_TENANT.team.id }, tenant: { id: tenantId } }
      : { tenant: { id: tenantId } };
  return {
    type,
    id,
    channelId: 'msteams',
    serviceUrl: opts.serviceUrl,
    timestamp: timestamp.toISOString(),
    localTimestamp: timestamp.toISOString().replace('Z', '+00:00'),
    localTimezone: TIMEZONE,
    locale: LOCALE,
    from,
    recipient: BOT,
    conversation,
    channelData,
    entities: [{ type: 'clientInfo', locale: LOCALE, country: 'GB', platform: 'Web', timezone: TIMEZONE }],
    ...(opts.replyToId ? { replyToId: opts.replyToId } : {}),
  };
}

/** A plain text message (a 1:1 chat unless `conversationType` says otherwise). */
export function message(text: string, opts: ActivityOptions): TeamsActivity {
  return { ...envelope('message', opts, 'personal'), text, textFormat: 'plain' };
}

/** A channel (or group chat) post that @mentions the bot, as Teams requires for the bot to see it. */
export function channelMention(text: string, opts: ActivityOptions): TeamsActivity {
  const activity = envelope('message', opts, 'channel');
  const at = `<at>${MOCK_TENANT.bot.name}</at>`;
  return {
    ...activity,
    text: `${at} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: at, mentioned: BOT }, ...(activity.entities ?? [])],
  };
}

/** An Adaptive Card Action.Execute press: an `adaptiveCard/action` invoke; the bot answers in the HTTP response. */
export function invokeAction(verb: string, data: Record<string, unknown>, opts: ActivityOptions & { actionId?: string; trigger?: 'manual' | 'automatic' }): TeamsActivity {
  return {
    ...envelope('invoke', opts, 'personal'),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: opts.actionId ?? verb, verb, data }, trigger: opts.trigger ?? 'manual' },
  };
}

/** An Action.Submit press (the fallback for clients without Action.Execute): a message with `value` and no text. */
export function submit(data: Record<string, unknown>, opts: ActivityOptions & { replyToId: string }): TeamsActivity {
  const activity = envelope('message', opts, 'personal');
  return {
    ...activity,
    value: data,
    channelData: { ...activity.channelData, source: { name: 'message' }, legacy: { replyToId: opts.replyToId } },
  };
}

/** The bot installed (`add`) or uninstalled (`remove`) for a user, chat or team. */
export function installationUpdate(action: 'add' | 'remove', opts: ActivityOptions): TeamsActivity {
  return { ...envelope('installationUpdate', opts, 'personal'), action };
}

/** The bot added to a team (default) or chat: Teams's conversationUpdate with the bot in `membersAdded`. */
export function conversationUpdateBotAdded(opts: ActivityOptions): TeamsActivity {
  const activity = envelope('conversationUpdate', opts, 'channel');
  if (activity.conversation.conversationType !== 'channel') return { ...activity, membersAdded: [BOT] };
  const { team } = MOCK_TENANT;
  return {
    ...activity,
    // A team event names the channel itself, not a thread in it.
    conversation: { ...activity.conversation, id: activity.channelData.teamsChannelId as string },
    membersAdded: [BOT],
    channelData: { ...activity.channelData, eventType: 'teamMemberAdded', team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId } },
  };
}

/** Any other invoke Teams sends (a message extension's `composeExtension/...`): the bot answers in the HTTP response. */
export function invoke(name: string, value: unknown, opts: ActivityOptions): TeamsActivity {
  return { ...envelope('invoke', opts, 'personal'), name, value };
}
