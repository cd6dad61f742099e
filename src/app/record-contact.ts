import type { Actor, Conversation } from '../domain/people';
import type { Deps } from './deps';

export interface Contact {
  actor: Actor;
  conversation: Omit<Conversation, 'installed' | 'updatedAt'>;
  /** Set when the activity says the bot was installed in (true) or removed from (false) the conversation. */
  installed?: boolean;
}

/**
 * Remembers who talked to the bot and where, so it can write to them later.
 * Returns true when this activity newly installed the bot in the conversation (time for a welcome).
 */
export async function recordContact(deps: Deps, contact: Contact): Promise<{ newlyInstalled: boolean }> {
  const now = deps.clock.now().toISOString();
  const { actor, conversation } = contact;
  return deps.store.transaction(async (tx) => {
    const known = await tx.conversations.get(conversation.id);
    const installed = contact.installed ?? known?.installed ?? true;
    await tx.conversations.upsert({ ...conversation, installed, updatedAt: now });
    const person = await tx.people.get(actor.id);
    await tx.people.upsert({
      ...actor,
      aadObjectId: actor.aadObjectId ?? person?.aadObjectId ?? null,
      tenantId: actor.tenantId ?? person?.tenantId ?? null,
      // A personal chat is where proactive messages to this person go.
      conversationRef: conversation.kind === 'personal' ? conversation.reference : (person?.conversationRef ?? null),
      reachable: true,
      updatedAt: now,
    });
    return { newlyInstalled: contact.installed === true && !known?.installed };
  });
}
