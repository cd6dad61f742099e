import type { Deps } from '../deps';
import type { Repositories } from '../ports';
import type { OutboxIntent, OutboxTarget } from './ports';

/**
 * Queues one message under a unique key, in the caller's transaction: queueing the same key again queues nothing,
 * so a retry, a restart or a second instance never sends it twice. False when the key was already queued.
 */
export function queue(deps: Pick<Deps, 'clock' | 'newId'>, repos: Repositories, key: string, target: OutboxTarget, intent: OutboxIntent): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  return repos.outbox.enqueue({ id: deps.newId(), key, target, intent, nextAttemptAt: now, createdAt: now });
}

/** Where a message to this person goes: their personal chat if the bot has one, else a new 1:1 chat. `id` is a Teams id (29:...) or AAD object id. */
export async function personTarget(repos: Repositories, id: string): Promise<OutboxTarget> {
  const person = id.startsWith('29:') ? await repos.people.get(id) : await repos.people.findByAadObjectId(id);
  if (person?.conversationRef) return { kind: 'conversation', reference: person.conversationRef, newThread: false, personId: person.id };
  return { kind: 'person', userId: person?.id ?? id, tenantId: person?.tenantId ?? null };
}
