import { isDeepStrictEqual } from 'node:util';
import type { Actor, Conversation, Person } from '../domain/people';
import type { Deps } from './deps';

export interface Contact {
  actor: Actor;
  conversation: Omit<Conversation, 'installed' | 'updatedAt'>;
  /** Set when the activity says the bot was installed in (true) or removed from (false) the conversation. */
  installed?: boolean;
}

const withoutTime = <T extends { updatedAt: string }>({ updatedAt: _, ...rest }: T): Omit<T, 'updatedAt'> => rest;

/**
 * Remembers who talked to the bot and where, so it can write to them later; writes only what changed.
 * Returns true when this activity newly installed the bot in the conversation (time for a welcome).
 */
export async function recordContact(deps: Deps, contact: Contact): Promise<{ newlyInstalled: boolean }> {
  const now = deps.clock.now().toISOString();
  const { actor, conversation } = contact;
  const [known, person] = await Promise.all([deps.store.conversations.get(conversation.id), deps.store.people.get(actor.id)]);
  const nextConversation: Conversation = { ...conversation, installed: contact.installed ?? known?.installed ?? true, updatedAt: now };
  const nextPerson: Person = {
    ...actor,
    aadObjectId: actor.aadObjectId ?? person?.aadObjectId ?? null,
    tenantId: actor.tenantId ?? person?.tenantId ?? null,
    // A personal chat is where proactive messages to this person go.
    conversationRef: conversation.kind === 'personal' ? conversation.reference : (person?.conversationRef ?? null),
    // Talking to the bot makes a person reachable again.
    reachable: true,
    updatedAt: now,
  };
  const conversationChanged = !known || !isDeepStrictEqual(withoutTime(known), withoutTime(nextConversation));
  const personChanged = !person || !isDeepStrictEqual(withoutTime(person), withoutTime(nextPerson));
  if (conversationChanged || personChanged) {
    await deps.store.transaction(async (tx) => {
      if (conversationChanged) await tx.conversations.upsert(nextConversation);
      if (personChanged) await tx.people.upsert(nextPerson);
    });
  }
  return { newlyInstalled: contact.installed === true && !known?.installed };
}
