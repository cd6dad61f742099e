/** Who is acting, as the Teams adapter knows them from the activity. */
export interface Actor {
  /** Teams user id (29:...), stable per bot. */
  id: string;
  aadObjectId: string | null;
  name: string;
  tenantId: string | null;
}

export interface Person extends Actor {
  /** Opaque conversation reference for proactive messages (owned by the Teams adapter). */
  conversationRef: unknown | null;
  /** False after Teams said the person blocked or removed the bot; true again when they next talk to it. */
  reachable: boolean;
  updatedAt: string;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface Conversation {
  id: string;
  kind: ConversationKind;
  tenantId: string | null;
  teamId: string | null;
  name: string | null;
  reference: unknown;
  installed: boolean;
  updatedAt: string;
}
