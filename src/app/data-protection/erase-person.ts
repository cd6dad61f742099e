import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors';
import type { Deps } from '../deps';
import { checkQuery, findPerson } from './find-person';
import type { ErasureCounts, PersonQuery } from './ports';

export type ErasureResult =
  | { status: 'erased'; counts: ErasureCounts }
  /** Nothing left: the person was erased before (`erasedAt`), or only their name is gone already. */
  | { status: 'nothing'; erasedAt: string | null };

/** The audit trail names an erased person by a hash of what they were found by, never by the email itself. */
const subjectOf = (query: PersonQuery) => `erased:${createHash('sha256').update('email' in query ? query.email : query.aadObjectId).digest('hex').slice(0, 32)}`;

/**
 * Erasure (UK GDPR article 17): pseudonymises the person everywhere; where a record must stay (a decision, a
 * completed project) it keeps their role without the name. Audited; a second run finds nothing to do.
 */
export async function erasePerson(deps: Pick<Deps, 'store' | 'clock'>, rawQuery: PersonQuery, operator: string): Promise<ErasureResult> {
  const query = checkQuery(rawQuery);
  const at = deps.clock.now().toISOString();
  const subjectId = subjectOf(query);
  let who;
  try {
    who = await findPerson(deps, query);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
    const before = (await deps.store.audit.listFor('person', subjectId)).find((e) => e.action === 'person.erase');
    if (before) return { status: 'nothing', erasedAt: before.at };
    throw error;
  }
  return deps.store.transaction(async (tx) => {
    const counts = await tx.dataProtection.erase(who, at);
    if (!Object.keys(counts).length) return { status: 'nothing' as const, erasedAt: null };
    await tx.audit.record({ at, actorId: null, actorName: operator, action: 'person.erase', subjectType: 'person', subjectId, outcome: 'done', before: null, after: counts, detail: `erased on request (found by ${'email' in query ? 'email' : 'AAD object id'})` });
    return { status: 'erased' as const, counts };
  });
}
