import { DomainError } from '../../domain/errors';
import type { Deps } from '../deps';
import type { Identity, PersonQuery } from './ports';

/** What the person was looked up by, for messages (never logged). */
export const described = (query: PersonQuery): string => ('email' in query ? `the email ${query.email}` : `the AAD object id ${query.aadObjectId}`);

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** Checks the query: a plausible email address or AAD object id; INVALID_FIELD otherwise. */
export function checkQuery(query: PersonQuery): PersonQuery {
  if ('email' in query) {
    const email = query.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new DomainError('INVALID_FIELD', `"${query.email.slice(0, 80)}" is not an email address, like person@council.example.`, { field: 'email' });
    return { email };
  }
  const id = query.aadObjectId.trim();
  if (!/^[\w:.-]{1,200}$/.test(id)) throw new DomainError('INVALID_FIELD', `"${id.slice(0, 80)}" is not an AAD object id.`, { field: 'aadObjectId' });
  return { aadObjectId: id };
}

/** The person, or NOT_FOUND saying no one with that email (or id) is known. */
export async function findPerson(deps: Pick<Deps, 'store'>, query: PersonQuery): Promise<Identity> {
  const found = await deps.store.dataProtection.findIdentity(checkQuery(query));
  if (!found) {
    throw new DomainError(
      'NOT_FOUND',
      `No one with ${described(query)} is known to dsg-bot. People are found by the email or UPN Teams reported when they talked to the bot or were in the DSG team's roster; try their AAD object id (--aad-object-id).`,
      {},
    );
  }
  return found;
}
