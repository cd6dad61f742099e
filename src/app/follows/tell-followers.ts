import { followedChange, followNotice } from '../../domain/follows';
import type { Notice } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { DeliveryError, type OutboxIntent } from '../outbox/ports';
import { queue } from '../outbox/queue';
import type { Repositories } from '../ports';
import { getRequest } from '../requests/view-request';

/**
 * Records a change to a request or project in its audit trail and, in the same transaction, queues a short notice
 * to each group chat that follows it and still has the bot (if chats follow that kind of change). Every change to a request or project
 * that chats may follow is recorded through here: the one path its changes take to the chats. The caller kicks the
 * outbox once its transaction is done.
 */
export async function recordProjectChange(
  deps: Pick<Deps, 'clock' | 'newId'>,
  tx: Repositories,
  actor: Actor,
  at: string,
  action: string,
  reference: string,
  before: unknown,
  after: unknown,
  detail: string | null = null,
): Promise<void> {
  await audited(tx, actor, at, action, { subjectType: 'request', subjectId: reference }, before, after, detail);
  const change = followedChange({ action, by: actor.name, at, after, detail });
  if (!change) return;
  for (const chat of await tx.follows.followersOf(reference)) {
    // A chat the bot was removed from is not written to (its follows hold again if the bot is added back).
    if ((await tx.conversations.get(chat.conversationId))?.installed === false) continue;
    await queue(deps, tx, `followed:${chat.conversationId}:${reference}:${action}:${at}`, { kind: 'conversation', reference: chat.conversationRef, newThread: false }, {
      kind: 'followed-change',
      reference,
      conversationId: chat.conversationId,
      change,
    });
  }
}

/** The notice a following chat gets, drawn when it is sent: none once the chat has stopped following the project. */
export async function followedChangeNotice(deps: Deps, intent: Extract<OutboxIntent, { kind: 'followed-change' }>): Promise<Notice> {
  if (!(await deps.store.follows.get(intent.conversationId, intent.reference))) throw new DeliveryError('fatal', `the chat no longer follows ${intent.reference}`);
  return followNotice(intent.change, await getRequest(deps, intent.reference));
}
