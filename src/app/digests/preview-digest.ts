import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { dsgContext } from '../triage/dsg-context';
import type { DigestRequest } from '../../domain/digest';

/**
 * `digest preview`: the digest the DSG channel would get now (since its last one), for DSG members and admins.
 * Returns which digest to build: `gatherDigest` builds it, or the outbox does when it sends it privately.
 */
export async function previewDigest(deps: Deps, actor: Actor): Promise<DigestRequest> {
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('digest.preview', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, 'digest.preview', { subjectType: 'settings', subjectId: 'digest' }, 'Only members of the Digital Strategy Group and admins can preview the digest.');
  }
  const since = settings.channel ? await deps.store.digests.lastQueued(settings.channel.conversationId) : null;
  return { kind: 'preview', audience: 'dsg', strands: null, since };
}
