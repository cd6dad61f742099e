import { DomainError } from '../domain/errors';
import { changedSince } from '../domain/guards';
import type { Deps } from './deps';

/** STALE_CARD for a press on a card older than the record, saying what changed since (its latest change). */
export async function staleCard(deps: Deps, reference: string): Promise<DomainError> {
  const events = await deps.store.audit.listFor('request', reference);
  return new DomainError('STALE_CARD', `${changedSince(reference, events)} Your press changed nothing.`, { reference });
}
