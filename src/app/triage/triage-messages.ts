import type { DsgChannel, DsgSettings } from '../../domain/settings';
import type { ProjectRequest } from '../../domain/request';
import type { Deps } from '../deps';
import type { Repositories } from '../ports';
import type { OutboxIntent } from '../outbox/ports';
import { personTarget, queue } from '../outbox/queue';

/** The conversation reference of a request's thread in the DSG channel. */
function threadReference(channel: DsgChannel, post: { conversationId: string }): unknown {
  return { ...(channel.reference as object), conversation: { id: post.conversationId, isGroup: true, conversationType: 'channel' } };
}

/** Queues the triage card as a new thread in the DSG channel (once per request and channel). */
export async function queueTriagePost(deps: Deps, repos: Repositories, request: ProjectRequest, settings: DsgSettings): Promise<boolean> {
  if (!settings.channel) return false;
  return queue(deps, repos, `triage-post:${settings.channel.conversationId}:${request.reference}`, { kind: 'conversation', reference: settings.channel.reference, newThread: true }, {
    kind: 'triage-card',
    reference: request.reference,
  });
}

/**
 * Queues an update of the posted triage card, so everyone in the channel sees the request as it now stands. The
 * card is drawn when it is sent: an older update still waiting (say, after a 429) shows the newest state too.
 */
export async function queueTriageUpdate(deps: Deps, repos: Repositories, request: ProjectRequest, settings: DsgSettings): Promise<void> {
  const triage = await repos.triage.get(request.reference);
  if (!triage?.post || !settings.channel) return;
  await queue(deps, repos, `triage-update:${request.reference}:v${request.version}`, { kind: 'update', reference: threadReference(settings.channel, triage.post), activityId: triage.post.activityId }, {
    kind: 'triage-card',
    reference: request.reference,
  });
}

/** Queues a line in the request's DSG thread. */
export async function queueThreadReply(deps: Deps, repos: Repositories, request: ProjectRequest, settings: DsgSettings, key: string, text: string): Promise<void> {
  const triage = await repos.triage.get(request.reference);
  if (!triage?.post || !settings.channel) return;
  await queue(deps, repos, key, { kind: 'conversation', reference: threadReference(settings.channel, triage.post), newThread: false }, { kind: 'text', text });
}

/** Queues a personal message to the requester about their request. */
export async function queueRequesterNews(deps: Deps, repos: Repositories, request: ProjectRequest, key: string, intent: OutboxIntent): Promise<void> {
  await queue(deps, repos, key, await personTarget(repos, request.requesterId), intent);
}
