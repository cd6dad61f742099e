import type { ProgrammeRecord } from '../../domain/open-data';
import type { Actor } from '../../domain/people';
import { type Role, roleLabels, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { dsgContext } from '../triage/dsg-context';
import type { Viewer } from '../../domain/programme-view-types';

/** Someone the API has signed in: from a verified Teams SSO token, or the demo sign-in in local mode. */
export interface SignedIn {
  aadObjectId: string;
  /** The name in the token (or the demo user's); may be empty. */
  name: string;
  tenantId: string | null;
  via: Viewer['via'];
  /** The Teams user id (29:...), when the sign-in knows it (the demo users). */
  teamsUserId?: string;
}

/**
 * The viewer and their roles, as the bot's permission rules see them, over `records`: the roles they hold
 * for the DSG as a whole and for each of those projects.
 */
export async function viewerFor(deps: Deps, signedIn: SignedIn, records: readonly ProgrammeRecord[]): Promise<{ viewer: Viewer; roles: Role[]; actor: Actor }> {
  const actor = await actorOf(deps, signedIn);
  const { settings, members } = await dsgContext(deps);
  const roles = new Set(rolesFor(actor, { settings, members }, deps.roles));
  for (const { request, project } of records) for (const role of rolesFor(actor, { settings, members, request, project }, deps.roles)) roles.add(role);
  return { viewer: { name: actor.name, roles: roleLabels([...roles]), via: signedIn.via }, roles: [...roles], actor };
}

/** The signed-in caller as the bot's use cases take a person: as a press on a card from them would. */
export async function actorOf(deps: Deps, signedIn: SignedIn): Promise<Actor> {
  const person = await deps.store.people.findByAadObjectId(signedIn.aadObjectId);
  return {
    id: signedIn.teamsUserId ?? person?.id ?? signedIn.aadObjectId,
    aadObjectId: signedIn.aadObjectId,
    name: signedIn.name.trim() || person?.name || 'Signed-in colleague',
    tenantId: signedIn.tenantId,
  };
}
