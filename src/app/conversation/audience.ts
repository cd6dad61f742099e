import type { Actor } from '../../domain/people';
import { givenNameOf } from '../../domain/people';
import { type Role, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { dsgContext } from '../triage/dsg-context';

/** Who someone talking to the bot is, for the DSG as a whole: their roles, and what to call them. */
export interface Audience {
  roles: Role[];
  /** Teams' given name from the DSG roster when it has one, else read from the display name; null when unsure. */
  givenName: string | null;
}

export async function audienceOf(deps: Deps, actor: Actor): Promise<Audience> {
  const { settings, members } = await dsgContext(deps);
  const member = members.find((m) => m.id === actor.id || (!!actor.aadObjectId && m.aadObjectId === actor.aadObjectId));
  return { roles: rolesFor(actor, { settings, members }, deps.roles), givenName: givenNameOf(actor.name, member?.givenName) };
}
