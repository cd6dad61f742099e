import type { Deps } from '../deps';
import type { OutboxMessage } from '../outbox/ports';
import { dsgContext } from './dsg-context';
import { queueTriageUpdate } from './triage-messages';

/**
 * Called by the outbox sender once a message is delivered. A triage card's thread is remembered so
 * later decisions update it; if the request changed while the post was queued, an update follows.
 */
export async function recordDelivery(deps: Deps, message: OutboxMessage, result: { activityId: string | null; conversationId?: string | null }): Promise<void> {
  if (message.purpose.kind !== 'triage-post' || !result.activityId) return;
  const { reference, version } = message.purpose;
  const { settings, members } = await dsgContext(deps);
  const conversationId = result.conversationId ?? `${settings.channel?.conversationId};messageid=${result.activityId}`;
  await deps.store.transaction(async (tx) => {
    await tx.triage.setPost(reference, { conversationId, activityId: result.activityId as string });
    // Read after the post is recorded: a decision committed meanwhile either saw the post or is caught here.
    const request = await tx.requests.getByReference(reference);
    if (request && request.version !== version) await queueTriageUpdate(deps, tx, request, settings, members);
  });
  deps.kickOutbox();
}
