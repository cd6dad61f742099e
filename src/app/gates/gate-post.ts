import type { DsgSettings } from '../../domain/settings';
import type { GateRequest } from '../../domain/stages';
import type { Deps } from '../deps';
import type { Rendered } from '../outbox/ports';
import { queue } from '../outbox/queue';
import type { Repositories } from '../ports';

/** Queues the gate request's card as a new thread in the DSG channel (once per request and channel). */
export async function queueGatePost(deps: Pick<Deps, 'clock' | 'newId'>, repos: Repositories, gate: GateRequest, settings: DsgSettings): Promise<boolean> {
  if (!settings.channel) return false;
  return queue(deps, repos, `gate-post:${settings.channel.conversationId}:${gate.id}`, { kind: 'conversation', reference: settings.channel.reference, newThread: true }, { kind: 'gate-card', gateId: gate.id });
}

/** Queues an update of the gate request's card in the DSG channel, drawn when it is sent (nothing before it was posted). */
export async function queueGateUpdate(deps: Pick<Deps, 'clock' | 'newId'>, repos: Repositories, gate: GateRequest): Promise<void> {
  const settings = await repos.settings.get();
  if (!gate.post || !settings.channel) return;
  const reference = { ...(settings.channel.reference as object), conversation: { id: gate.post.conversationId, isGroup: true, conversationType: 'channel' } };
  await queue(deps, repos, `gate-update:${gate.id}:v${gate.version}`, { kind: 'update', reference, activityId: gate.post.activityId }, { kind: 'gate-card', gateId: gate.id });
}

/** The gate card was posted: remember where; if the request was decided after the card was drawn, update it. */
export async function recordGatePost(deps: Deps, gateId: string, post: NonNullable<GateRequest['post']>, rendered: Rendered): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await tx.gates.setPost(gateId, post);
    const gate = await tx.gates.getRequest(gateId);
    if (gate && gate.version !== rendered.version) await queueGateUpdate(deps, tx, gate);
  });
  deps.kickOutbox();
}
