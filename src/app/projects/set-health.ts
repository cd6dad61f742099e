import { DomainError } from '../../domain/errors';
import { hasHealth, healthChange, healthOf, type HealthUpdate, type HealthValues, ratingsInWords, turnedRed, validateHealth } from '../../domain/health';
import { turnedRedNotice } from '../../domain/notices';
import type { Actor } from '../../domain/people';
import { isAllowed } from '../../domain/permissions';
import { recordProjectChange } from '../follows/tell-followers';
import type { Deps } from '../deps';
import { personTarget, queue } from '../outbox/queue';
import { refuse } from '../refuse';
import { healthRules, type ProjectView, viewProject } from './view-project';

/** What the lead or manager does: set the four statuses from the form, or press "Still green?" to confirm them as they are. */
export type HealthChange = { kind: 'set'; values: HealthValues } | { kind: 'confirm' };


/**
 * Sets a project's health status (or confirms it unchanged), by its Project Lead or Project Manager only (anyone
 * else is refused, and the refusal audited), on a card showing its latest version (an older card is refused,
 * saying what changed). Kept in its history with an audit event; a status that turns red tells the strand's
 * Digital Leader at once, through the outbox.
 */
export async function setHealth(deps: Deps, actor: Actor, reference: string, cardVersion: number, change: HealthChange): Promise<ProjectView & { notice: string; update: HealthUpdate }> {
  const view = await viewProject(deps, actor, reference);
  if (!isAllowed('health.set', view.roles)) {
    await refuse(deps, actor, 'health.set', { subjectType: 'request', subjectId: reference }, `Only the Project Lead and the Project Manager of ${reference} can set its health status.`);
  }
  if (!hasHealth(view.request.status)) throw new DomainError('ILLEGAL_TRANSITION', `${reference} is not in delivery, so it has no health status to set.`, { reference });
  const before = view.project.health ?? null;
  const version = before?.version ?? 0;
  if (cardVersion !== version) {
    const what = before ? healthChange(before) : 'Its status has been cleared.';
    throw new DomainError('STALE_CARD', `The health status of ${reference} changed since this card was sent. ${what} Your press changed nothing.`, { reference });
  }
  let ratings;
  if (change.kind === 'confirm') {
    if (!before) throw new DomainError('STALE_CARD', `${reference} has no health status yet to confirm: set it first.`, { reference });
    ratings = before.ratings;
  } else {
    const result = validateHealth(change.values);
    if (!result.ok) throw new DomainError('INVALID_FIELD', 'The health status needs fixing.', { errors: result.errors, values: change.values });
    ratings = result.ratings;
  }
  const now = deps.clock.now().toISOString();
  const update: HealthUpdate = { version: version + 1, ratings, setAt: now, setBy: actor.name, confirmed: change.kind === 'confirm' };
  const red = turnedRed(before?.ratings ?? null, ratings);
  // The strand's Digital Leader (the chair when the strand has none): told at once, whoever set it.
  const settings = red.length > 0 ? await deps.store.settings.get() : null;
  const leader = settings && (view.project.digitalLeader ?? settings.leaders[view.request.strand] ?? settings.chair);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.projects.recordHealth(reference, update))) throw new DomainError('STALE_CARD', `The health status of ${reference} was set by someone else at the same moment; please look again.`, { reference });
    await recordProjectChange(deps, tx, actor, now, 'health.set', reference, before && { health: ratingsInWords(before.ratings) }, { health: ratingsInWords(ratings) }, update.confirmed ? 'confirmed unchanged' : null);
    if (red.length > 0 && leader) {
      await queue(deps, tx, `health-red:${reference}:v${update.version}`, await personTarget(tx, leader.aadObjectId), { kind: 'notice', notice: turnedRedNotice(view.request, red, ratings, actor.name) });
    }
  });
  deps.kickOutbox();
  const notice = update.confirmed ? `Health status confirmed: still ${ratings.overall.rag}.` : `Health status saved: ${ratingsInWords(ratings)}.`;
  const today = deps.calendar.londonDate(deps.clock.now());
  return { ...view, project: { ...view.project, health: update }, health: healthOf(view.request.status, update, today, healthRules(deps)), notice, update };
}
