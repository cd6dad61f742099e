/** "hi", "good morning", "thanks": a friendly answer for the person's role, by their given name. */
import { isAllowed } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import type { Greeting, SmallTalk } from '../../domain/commands';
import type { Deps } from '../deps';
import { pendingCount } from '../triage/list-pending';
import { audienceOf } from './audience';

export async function greet(deps: Deps, actor: Actor, said: SmallTalk): Promise<Greeting> {
  const { roles, givenName } = await audienceOf(deps, actor);
  const dsg = isAllowed('triage.view', roles);
  return { said, givenName, dsg, pending: dsg && said.kind === 'greeting' ? await pendingCount(deps) : null };
}
