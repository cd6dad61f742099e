import type { StrandId } from '../../domain/catalogue';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor, type Role } from '../../domain/permissions';
import type { DsgSettings, PersonRef } from '../../domain/settings';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { type DsgContext, dsgContext } from './dsg-context';
import { refuse } from '../refuse';

export interface SettingsView extends DsgContext {
  roles: Role[];
  /** The chair and admins: may change the roles. */
  canEdit: boolean;
  /** The chair and admins: may add, move and cancel meetings. */
  canPlan: boolean;
  /** `yyyy-mm-dd`, London. */
  today: string;
  /** Dates of meetings running or held: they keep their date. */
  held: string[];
}

/** `settings`: the DSG settings card, for the DSG and admins; editable by the chair and admins. */
export async function viewSettings(deps: Deps, actor: Actor): Promise<SettingsView> {
  const context = await dsgContext(deps);
  const roles = rolesFor(actor, context, deps.roles);
  if (!isAllowed('settings.view', roles)) {
    await refuse(deps, actor, 'settings.view', { subjectType: 'settings', subjectId: 'dsg' }, 'Only the Digital Strategy Group and admins can see the DSG settings.');
  }
  const today = deps.calendar.londonDate(deps.clock.now());
  const held = (await deps.store.meetings.list()).filter((m) => m.status === 'running' || m.status === 'ended').map((m) => m.date);
  return { ...context, roles, canEdit: isAllowed('settings.edit', roles), canPlan: isAllowed('meetings.plan', roles), today, held };
}

export interface SettingsInput {
  /** AAD object id of the chair, or null for none. */
  chair: string | null;
  /** AAD object id of the Minute Taker, or null for none. */
  minuteTaker: string | null;
  leaders: Partial<Record<StrandId, string | null>>;
}

/** Saves the chair, the Minute Taker and the Digital Leaders, chosen from the DSG members (meetings are planned on their own: plan-meetings). */
export async function saveSettings(deps: Deps, actor: Actor, cardVersion: number, input: SettingsInput): Promise<SettingsView> {
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
    version: before.version + 1,
    updatedAt: now,
  };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.settings.save(settings, before.version))) throw new DomainError('STALE_CARD', 'The DSG settings changed at the same moment; please try again.', {});
    await audited(tx, actor, now, 'settings.save', { subjectType: 'settings', subjectId: 'dsg' }, { chair: before.chair?.name ?? null, minuteTaker: before.minuteTaker?.name ?? null }, { chair: settings.chair?.name ?? null, minuteTaker: settings.minuteTaker?.name ?? null });
  });
  return { ...view, settings };
}
