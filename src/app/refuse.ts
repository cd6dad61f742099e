import { DomainError } from '../domain/errors';
import type { Actor } from '../domain/people';
import type { Deps } from './deps';
import type { AuditEvent } from '../domain/audit';

/** Records a refused attempt in the audit trail, then throws NOT_ALLOWED for the transport to word. */
export async function refuse(
  deps: Deps,
  actor: Actor,
  action: string,
  subject: Pick<AuditEvent, 'subjectType' | 'subjectId'>,
  reason: string,
): Promise<never> {
  await deps.store.audit.record({
    at: deps.clock.now().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action,
    ...subject,
    outcome: 'refused',
    before: null,
    after: null,
    detail: reason,
  });
  throw new DomainError('NOT_ALLOWED', reason, { action, ...subject });
}
