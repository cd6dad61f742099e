import type { StrandId } from '../../domain/catalogue';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor, type Role } from '../../domain/permissions';
import type { DsgSettings, PersonRef } from '../../domain/settings';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { type DsgContext, dsgContext } from './dsg-context';
import { refuse } from '../refuse';

/** `settings`: the DSG settings card, for the DSG and admins; editable by the chair and admins. */
export async function viewSettings(deps: Deps, actor: Actor): Promise<DsgContext & { canEdit: boolean; roles: Role[] }> {
  const context = await dsgContext(deps);
  const roles = rolesFor(actor, context, deps.roles);
  if (!isAllowed('settings.view', roles)) {
    await refuse(deps, actor, 'settings.view', { subjectType: 'settings', subjectId: 'dsg' }, 'Only the Digital Strategy Group and admins can see the DSG settings.');
  }
  return { ...context, roles, canEdit: isAllowed('settings.edit', roles) };
}

export interface SettingsInput {
  /** AAD object id of the chair, or null for none. */
  chair: string | null;
  /** AAD object id of the Minute Taker, or null for none. */
  minuteTaker: string | null;
  leaders: Partial<Record<StrandId, string | null>>;
  meetings: string[];
}

/** Saves the chair, the Digital Leaders (chosen from the DSG members) and the meeting dates. */
export async function saveSettings(deps: Deps, actor: Actor, cardVersion: number, input: SettingsInput): Promise<DsgContext & { canEdit: boolean }> {
  const view = await viewSettings(deps, actor);
  if (!view.canEdit) {
    await refuse(deps, actor, 'settings.save', { subjectType: 'settings', subjectId: 'dsg' }, 'Only the DSG chair and admins can change the DSG settings.');
  }
  const before = view.settings;
  if (before.version !== cardVersion) throw new DomainError('STALE_CARD', 'The DSG settings were changed by someone else since this card was sent. Here they are as they are now.', {});
  const person = (aadObjectId: string | null | undefined): PersonRef | null => {
    if (!aadObjectId) return null;
    // Teams' people picker gives AAD object ids; the Playground's gives Teams ids: accept both.
    const member = view.members.find((m) => m.aadObjectId === aadObjectId || m.id === aadObjectId);
    if (!member) throw new DomainError('INVALID_FIELD', 'Choose people from the DSG team.', { field: 'chair' });
    return { aadObjectId: member.aadObjectId, name: member.name };
  };
  const leaders: DsgSettings['leaders'] = {};
  for (const [strand, id] of Object.entries(input.leaders) as [StrandId, string | null][]) {
    const p = person(id);
    if (p) leaders[strand] = p;
  }
  const now = deps.clock.now().toISOString();
  const settings: DsgSettings = {
    ...before,
    chair: person(input.chair),
    minuteTaker: person(input.minuteTaker),
    leaders,
    meetings: [...new Set(input.meetings)].sort(),
    version: before.version + 1,
    updatedAt: now,
  };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.settings.save(settings, before.version))) throw new DomainError('STALE_CARD', 'The DSG settings changed at the same moment; please try again.', {});
    await audited(tx, actor, now, 'settings.save', { subjectType: 'settings', subjectId: 'dsg' }, { chair: before.chair?.name ?? null, minuteTaker: before.minuteTaker?.name ?? null, meetings: before.meetings }, { chair: settings.chair?.name ?? null, minuteTaker: settings.minuteTaker?.name ?? null, meetings: settings.meetings });
  });
  return { settings, members: view.members, canEdit: true };
}
