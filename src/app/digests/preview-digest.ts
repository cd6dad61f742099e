import { digestCard } from '../../presenters/digest';
import type { AdaptiveCardJson } from '../../presenters/render';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { dsgContext } from '../triage/dsg-context';
import { gatherDigest } from './gather-digest';

/** `digest preview`: the DSG channel's digest as it would look now (since its last one), for the caller only. */
export async function previewDigest(deps: Deps, actor: Actor): Promise<AdaptiveCardJson> {
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('digest.preview', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, 'digest.preview', { subjectType: 'settings', subjectId: 'digest' }, 'Only members of the Digital Strategy Group and admins can preview the digest.');
  }
  const since = settings.channel ? await deps.store.digests.lastQueued(settings.channel.conversationId) : null;
  return digestCard(await gatherDigest(deps, deps.store, { kind: 'preview', audience: 'dsg', strands: null, since }));
}
