import { DomainError } from '../../domain/errors';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import type { DsgChannel, DsgSettings } from '../../domain/settings';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { DECIDABLE_STATUSES } from '../../domain/request';
import { dsgContext } from './dsg-context';
import { queueTriagePost } from './triage-messages';
import { queueGatePost } from '../gates/gate-post';

/**
 * `setup dsg` in a channel, by an admin: that channel becomes the DSG channel and its team's members the
 * DSG. Requests submitted (and gates asked for) before there was a DSG channel are posted to it now. The team's roster is read at
 * once (as long as Teams answers within ROSTER_WAIT_MS), so a programme imported next matches people by email.
 */
export async function setupDsg(deps: Deps, actor: Actor, channel: DsgChannel): Promise<{ settings: DsgSettings; posted: number }> {
  if (!isAllowed('dsg.setup', rolesFor(actor, {}, deps.roles))) {
    await refuse(deps, actor, 'dsg.setup', { subjectType: 'settings', subjectId: 'dsg' }, 'Only a DSG administrator can set up the DSG channel.');
  }
  const now = deps.clock.now().toISOString();
  const before = await deps.store.settings.get();
  const settings: DsgSettings = { ...before, channel, version: before.version + 1, updatedAt: now };
  const waiting = await deps.store.requests.listByStatus(DECIDABLE_STATUSES, 0, 1000);
  let posted = 0;
  await deps.store.transaction(async (tx) => {
    if (!(await tx.settings.save(settings, before.version))) throw new DomainError('STALE_CARD', 'The DSG settings changed at the same moment; please try again.', {});
    await audited(tx, actor, now, 'dsg.setup', { subjectType: 'settings', subjectId: 'dsg' }, { channel: before.channel?.name ?? null }, { channel: channel.name, teamId: channel.teamId });
    for (const request of waiting.items) {
      const triage = await tx.triage.get(request.reference);
      if (triage?.post) continue;
      if (await queueTriagePost(deps, tx, request, settings)) posted++;
    }
    // Gate requests asked for before there was a DSG channel are posted too.
    for (const gate of await tx.gates.pending()) if (!gate.post) await queueGatePost(deps, tx, gate, settings);
  });
  deps.kickOutbox();
  await dsgContext(deps);
  return { settings, posted };
}
