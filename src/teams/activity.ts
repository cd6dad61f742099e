import { type Activity, TurnContext } from 'botbuilder';
import type { Contact } from '../app/record-contact';
import type { Actor, ConversationKind, Where } from '../domain/people';
import type { GroupChat } from '../domain/follows';
import type { DsgChannel } from '../domain/settings';

/** The tenant an activity comes from, as Teams reports it. */
export function tenantOf(activity: Activity): string | null {
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? null;
}

export function actorFrom(activity: Activity): Actor {
  return {
    id: activity.from.id,
    aadObjectId: activity.from.aadObjectId ?? null,
    name: (activity.from.name ?? '').slice(0, 200) || 'Unknown person',
    tenantId: tenantOf(activity),
  };
}

function kindOf(activity: Activity): ConversationKind {
  const type = activity.conversation.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

export function contactFrom(activity: Activity, installed?: boolean): Contact {
  const team = activity.channelData?.team;
  // The activity id changes with every message and is not needed to write to the conversation later.
  const { activityId: _, ...reference } = TurnContext.getConversationReference(activity);
  return {
    actor: actorFrom(activity),
    conversation: {
      id: activity.conversation.id,
      kind: kindOf(activity),
      tenantId: tenantOf(activity),
      teamId: typeof team?.id === 'string' ? team.id : null,
      name: (activity.channelData?.channel?.name ?? activity.conversation.name ?? null) as string | null,
      reference,
    },
    installed,
  };
}

/** True in a channel or a group chat: there the bot answers only when @mentioned (Teams sends it nothing else without extra permissions). */
export const isShared = (activity: Activity): boolean => ['channel', 'groupChat'].includes(activity.conversation.conversationType);

/** The group chat an activity came from, to post in it later; null outside group chats. */
export function groupChatFrom(activity: Activity): GroupChat | null {
  if (activity.conversation.conversationType !== 'groupChat') return null;
  // The chat's address, not the person who typed: no one's name is kept with it.
  const { activityId: _, user: __, ...reference } = TurnContext.getConversationReference(activity);
  return { conversationId: activity.conversation.id, reference };
}

/** The channel an activity came from, as the DSG channel would be stored; null outside channels. */
export function channelFrom(activity: Activity): DsgChannel | null {
  if (activity.conversation.conversationType !== 'channel') return null;
  const teamId = activity.channelData?.team?.id;
  const channelId = activity.channelData?.channel?.id ?? activity.conversation.id.split(';')[0];
  if (typeof teamId !== 'string' || typeof channelId !== 'string') return null;
  const { activityId: _, ...reference } = TurnContext.getConversationReference(activity);
  return {
    conversationId: channelId,
    teamId,
    name: (activity.channelData?.channel?.name as string | undefined) ?? (channelId === teamId ? 'General' : null),
    reference: { ...reference, conversation: { ...reference.conversation, id: channelId } },
  };
}

/** Where an activity came from: a channel by its id (without the thread's message id), a group chat, or else a personal chat. */
export function whereFrom(activity: Activity): Where {
  const kind = kindOf(activity);
  if (kind !== 'channel') return { kind };
  const channelId = activity.channelData?.channel?.id;
  return { kind, conversationId: typeof channelId === 'string' ? channelId : activity.conversation.id.split(';')[0] };
}
