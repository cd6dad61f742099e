import type { Deps } from '../deps';
import type { OutboxMessage, Rendered } from '../outbox/ports';
import { queueTriageUpdate } from './triage-messages';
import { recordGatePost } from '../gates/gate-post';

/**
 * Called by the outbox sender once a message is delivered. A triage card's thread (or a gate request's card) is
 * remembered so later decisions update it; if the record changed after the posted card was drawn, an update follows.
 */
export async function recordDelivery(deps: Deps, message: OutboxMessage, result: { activityId: string | null; conversationId?: string | null }, rendered: Rendered): Promise<void> {
  const { intent, target } = message;
  if ((intent.kind !== 'triage-card' && intent.kind !== 'gate-card') || target.kind !== 'conversation' || !target.newThread || !result.activityId) return;
  const settings = await deps.store.settings.get();
  const conversationId = result.conversationId ?? `${settings.channel?.conversationId};messageid=${result.activityId}`;
  if (intent.kind === 'gate-card') return recordGatePost(deps, intent.gateId, { conversationId, activityId: result.activityId }, rendered);
  await deps.store.transaction(async (tx) => {
    await tx.triage.setPost(intent.reference, { conversationId, activityId: result.activityId as string });
    // Read after the post is recorded: a decision committed meanwhile either saw the post or is caught here.
    const request = await tx.requests.getByReference(intent.reference);
    if (request && request.version !== rendered.version) await queueTriageUpdate(deps, tx, request, settings);
  });
  deps.kickOutbox();
}
