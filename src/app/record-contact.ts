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
 * Contacts this process recorded lately, unchanged since: most activities come from people the bot already
 * knows, in the same conversation, so they need no reads at all. An entry lasts a minute, and is forgotten
 * when this process marks the person unreachable (another instance may have done so meanwhile: their next
 * activity after the minute makes them reachable again).
 */
const RECENT_MS = 60_000;
const RECENT_MAX = 10_000;
const recent = new WeakMap<object, Map<string, { contact: string; at: number }>>();

/** Forgets what this process recorded lately about a person, so their next activity is written again. */
export function forgetRecentContacts(store: object, personId: string): void {
  const byKey = recent.get(store);
  for (const key of byKey?.keys() ?? []) if (key.startsWith(`${personId}|`)) byKey?.delete(key);
}

function recentlyRecorded(deps: Deps, contact: Contact): { seen: boolean; remember(): void } {
  let byKey = recent.get(deps.store);
  if (!byKey) recent.set(deps.store, (byKey = new Map()));
  const key = `${contact.actor.id}|${contact.conversation.id}`;
  const text = JSON.stringify(contact);
  const now = deps.clock.now().getTime();
  const hit = byKey.get(key);
  const map = byKey;
  return {
    seen: contact.installed === undefined && hit !== undefined && hit.contact === text && now - hit.at < RECENT_MS,
    remember() {
      map.delete(key);
      if (map.size >= RECENT_MAX) map.delete(map.keys().next().value as string);
      map.set(key, { contact: text, at: now });
    },
  };
}

/**
 * Remembers who talked to the bot and where, so it can write to them later; writes only what changed.
 * Returns true when this activity newly installed the bot in the conversation (time for a welcome).
 */
export async function recordContact(deps: Deps, contact: Contact): Promise<{ newlyInstalled: boolean }> {
  const memo = recentlyRecorded(deps, contact);
  if (memo.seen) return { newlyInstalled: false };
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
  memo.remember();
  return { newlyInstalled: contact.installed === true && !known?.installed };
}
