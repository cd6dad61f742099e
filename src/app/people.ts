import type { PersonRef, Member } from '../domain/settings';
import type { Repositories } from './ports';

/**
 * The person a card's people picker chose: anyone in the tenant. Teams' picker gives AAD object ids, the
 * Playground's Teams ids (29:...): both are taken. The name comes from the DSG roster, the record (`known`), or the
 * people the bot knows; someone the bot has never met is named so until they talk to it.
 */
export async function chosenPerson(repos: Repositories, members: readonly Member[], known: readonly PersonRef[], id: string): Promise<PersonRef> {
  const byTeamsId = id.startsWith('29:') ? (members.find((m) => m.id === id) ?? (await repos.people.get(id))) : null;
  const aadObjectId = byTeamsId?.aadObjectId ?? id;
  const hit = members.find((p) => p.aadObjectId === aadObjectId) ?? known.find((p) => p.aadObjectId === aadObjectId) ?? (await repos.people.findByAadObjectId(aadObjectId));
  return { aadObjectId, name: hit?.name ?? 'A colleague (name not known yet)' };
}
