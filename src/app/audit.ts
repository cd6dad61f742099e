import type { Actor } from '../domain/people';
import type { AuditEvent } from '../domain/audit';
import type { Repositories } from './ports';

/** Records a change that was made (refusals go through `refuse`). */
export function audited(
  repos: Repositories,
  actor: Actor,
  at: string,
  action: string,
  subject: Pick<AuditEvent, 'subjectType' | 'subjectId'>,
  before: unknown,
  after: unknown,
  detail: string | null = null,
): Promise<void> {
  return repos.audit.record({ at, actorId: actor.id, actorName: actor.name, action, ...subject, outcome: 'done', before, after, detail });
}
