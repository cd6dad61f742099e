import { DEFAULT_RETENTION, describeRetention, type RetentionPlan, type RetentionSchedule, retentionCutoffs } from '../../domain/data-protection';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Deps } from '../deps';
import { refuse } from '../refuse';

/** Who the retention run is in the audit trail. */
export const RETENTION_ACTOR = 'dsg-bot retention run';

/**
 * The daily retention run: pseudonymises the people in requests and projects past retention (the record of what
 * was decided stays), deletes old drafts and delivery logs, all in one transaction, and audits the run, even one
 * that found nothing to do. A second run straight after finds nothing.
 */
export async function runRetention(deps: Pick<Deps, 'store' | 'clock' | 'retention'>): Promise<{ plan: RetentionPlan; counts: Record<string, number> }> {
  const schedule = deps.retention ?? DEFAULT_RETENTION;
  const now = deps.clock.now();
  const at = now.toISOString();
  const cutoffs = retentionCutoffs(now, schedule);
  return deps.store.transaction(async (tx) => {
    const plan = await tx.dataProtection.retentionPlan(cutoffs);
    const counts = await tx.dataProtection.applyRetention(plan, cutoffs, at);
    await tx.audit.record({
      at,
      actorId: null,
      actorName: RETENTION_ACTOR,
      action: 'retention.run',
      subjectType: 'settings',
      subjectId: 'retention',
      outcome: 'done',
      before: null,
      after: { schedule, cutoffs, counts },
      detail: describeRetention(plan, schedule).join(' '),
    });
    return { plan, counts };
  });
}

/** `retention preview`, for admins: what the next run would do, under the schedule it would run by. */
export async function previewRetention(deps: Deps, actor: Actor): Promise<{ plan: RetentionPlan; schedule: RetentionSchedule }> {
  if (!isAllowed('retention.preview', rolesFor(actor, {}, deps.roles))) {
    await refuse(deps, actor, 'retention.preview', { subjectType: 'settings', subjectId: 'retention' }, 'Only admins can preview the retention run.');
  }
  const schedule = deps.retention ?? DEFAULT_RETENTION;
  const plan = await deps.store.dataProtection.retentionPlan(retentionCutoffs(deps.clock.now(), schedule));
  return { plan, schedule };
}
