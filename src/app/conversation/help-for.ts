import { commandsFor, type HelpView, nearestCommand } from '../../domain/commands';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { audienceOf } from './audience';

/** `help`, or the answer to words the bot does not know (`typed`). */
export async function helpFor(deps: Deps, actor: Actor, typed?: string): Promise<HelpView> {
  const { roles } = await audienceOf(deps, actor);
  const commands = commandsFor(roles);
  if (typed === undefined) return { commands };
  return { commands, notUnderstood: { typed, suggestion: nearestCommand(typed, commands) } };
}
