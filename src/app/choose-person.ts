import type { PersonRef } from '../domain/settings';
import type { Deps } from './deps';

/**
 * The person chosen in a card's people list (an AAD object id, or a Teams id): one of `listed` (the DSG's members,
 * the project's people), or anyone in the tenant the bot knows; null when it is no one the bot knows.
 */
export async function choosePerson(deps: Deps, id: string, listed: readonly (PersonRef & { id?: string })[]): Promise<PersonRef | null> {
  const found = listed.find((p) => p.aadObjectId === id || p.id === id);
  if (found) return { aadObjectId: found.aadObjectId, name: found.name };
  const known = id.startsWith('29:') ? await deps.store.people.get(id) : await deps.store.people.findByAadObjectId(id);
  return known ? { aadObjectId: known.aadObjectId ?? known.id, name: known.name } : null;
}
