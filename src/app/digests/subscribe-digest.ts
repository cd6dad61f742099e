import type { StrandId } from '../../domain/catalogue';
import { strandName } from '../../domain/catalogue';
import { DomainError } from '../../domain/errors';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import type { DsgChannel } from '../../domain/settings';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { dsgContext } from '../triage/dsg-context';

async function assertMaySubscribe(deps: Deps, actor: Actor, action: string, channel: DsgChannel | null): Promise<DsgChannel> {
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('digest.subscribe', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, action, { subjectType: 'settings', subjectId: 'digest' }, 'Only members of the Digital Strategy Group and admins can choose which channels get the digest.');
  }
  if (!channel) throw new DomainError('INVALID_FIELD', 'Type this in the Teams channel that should get the digest, mentioning me: @DSG Bot subscribe digest.', { field: 'channel' });
  if (channel.conversationId === settings.channel?.conversationId) {
    throw new DomainError('INVALID_FIELD', 'This is the DSG channel: it always gets the full digest, every week and before each DSG meeting.', { field: 'channel' });
  }
  return channel;
}

/** `subscribe digest [strands]` in a channel: the weekly digest goes there too, for those strands only if any are named. */
export async function subscribeDigest(deps: Deps, actor: Actor, where: DsgChannel | null, strands: StrandId[]): Promise<string> {
  const channel = await assertMaySubscribe(deps, actor, 'digest.subscribe', where);
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.digests.subscribe({ conversationId: channel.conversationId, teamId: channel.teamId, channelName: channel.name, reference: channel.reference, strands, subscribedBy: actor.name, subscribedAt: now });
    await audited(tx, actor, now, 'digest.subscribe', { subjectType: 'conversation', subjectId: channel.conversationId }, null, { strands });
  });
  const which = strands.length ? `for ${strands.map(strandName).join(', ')}` : 'for every strand';
  return `This channel will get the weekly digest ${which}. Type "unsubscribe digest" to stop it.`;
}

/** `unsubscribe digest` in a subscribed channel. */
export async function unsubscribeDigest(deps: Deps, actor: Actor, where: DsgChannel | null): Promise<string> {
  const channel = await assertMaySubscribe(deps, actor, 'digest.unsubscribe', where);
  const now = deps.clock.now().toISOString();
  const removed = await deps.store.transaction(async (tx) => {
    const done = await tx.digests.unsubscribe(channel.conversationId);
    if (done) await audited(tx, actor, now, 'digest.unsubscribe', { subjectType: 'conversation', subjectId: channel.conversationId }, null, null);
    return done;
  });
  return removed ? 'This channel will no longer get the digest.' : 'This channel was not getting the digest, so nothing changed.';
}
