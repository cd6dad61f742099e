import type { PersonRef } from '../domain/settings';
import type { Deps } from './deps';
import { dsgContext } from './triage/dsg-context';

/** The most people one search gives. */
export const PEOPLE_FOUND_MAX = 10;

/**
 * People to give something to, found by name where a card's people picker cannot be used (the Programme tab): the
 * DSG's members and everyone the bot knows (who has talked to it), each once, by name, at most PEOPLE_FOUND_MAX.
 */
export async function findPeople(deps: Deps, text: string): Promise<PersonRef[]> {
  const needle = text.trim().toLowerCase();
  const [{ members }, known] = await Promise.all([dsgContext(deps), deps.store.people.search(needle, PEOPLE_FOUND_MAX)]);
  const found = new Map<string, PersonRef>();
  for (const p of [...members, ...known]) {
    if (p.aadObjectId && p.name.toLowerCase().includes(needle) && !found.has(p.aadObjectId)) found.set(p.aadObjectId, { aadObjectId: p.aadObjectId, name: p.name });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')).slice(0, PEOPLE_FOUND_MAX);
}
