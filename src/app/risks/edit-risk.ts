import { ukDateTime } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { changedRisk, reviewedNoChange, type RiskEntry, riskName, riskScore, riskValues, type RiskValues, staleRiskWords, validateRisk } from '../../domain/risks';
import type { Deps } from '../deps';
import { recordProjectChange } from '../follows/tell-followers';
import { ownerFrom, savedWords, tellOwner } from './add-risk';
import { ownerChoices, requireRiskEditor } from './risk-access';

/**
 * What can be done to an entry: its form saved (every field; a form that sends no owner at all keeps the owner, as
 * the Programme tab does unless someone else is chosen), reviewed with no change, or closed.
 */
export type RiskChange = { kind: 'edit'; values: RiskValues } | { kind: 'reviewed' } | { kind: 'close' };

/**
 * Changes an entry by its owner or those who answer for the project (others refused and audited), at the version
 * the card was drawn with: a press on an older card is refused, saying what changed since (STALE_CARD). A form with
 * problems comes back with a field error under each input and what was typed (INVALID_FIELD). With `inProject`
 * (the Programme tab's address names the project), an entry of another project is NOT_FOUND.
 */
export async function changeRisk(deps: Deps, actor: Actor, riskId: string, cardVersion: number, change: RiskChange, inProject?: string): Promise<{ entry: RiskEntry; notice: string }> {
  const access = await requireRiskEditor(deps, actor, riskId, inProject);
  const before = access.entry;
  if (before.version !== cardVersion) throw new DomainError('STALE_CARD', staleRiskWords(before, ukDateTime), { riskId });
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = deps.calendar.londonDate(now);
  let after: RiskEntry;
  let notice: string;
  if (change.kind === 'reviewed') {
    after = reviewedNoChange(before, actor.name, at, today);
    notice = `Reviewed: "${riskName(before)}" is unchanged; ${after.lastChange?.what.replace(/^reviewed with no change; /, '')}.`;
  } else {
    const values = change.kind === 'close' ? { ...riskValues(before), riskStatus: 'closed' } : { ...change.values, riskOwner: change.values.riskOwner ?? before.owner.aadObjectId };
    const checked = validateRisk(values, today, before.reviewDate);
    if (!checked.ok) throw new DomainError('INVALID_FIELD', 'The entry needs fixing.', { errors: checked.errors, values });
    const { ownerId, ...fields } = checked.details;
    const owner = ownerId === before.owner.aadObjectId ? before.owner : await ownerFrom(deps, ownerId, ownerChoices(access), values);
    after = changedRisk(before, { ...fields, owner }, actor.name, at);
    notice = after.status === 'closed' ? `Closed: "${riskName(after)}" stays in the log, marked closed.` : savedWords(`Saved (${after.lastChange?.what})`, after);
  }
  await deps.store.transaction(async (tx) => {
    if (!(await tx.risks.update(after, before.version))) throw new DomainError('STALE_CARD', `This ${before.kind} changed at the same moment: nothing was saved. Please try again.`, { riskId });
    const summary = (e: RiskEntry) => ({ score: riskScore(e), status: e.status, reviewDate: e.reviewDate, owner: e.owner.name });
    if (after.owner.aadObjectId !== before.owner.aadObjectId) await tellOwner(deps, tx, actor, after, access.title);
    await recordProjectChange(deps, tx, actor, at, 'risk.edit', before.reference, summary(before), summary(after), `${riskName(before)}: ${after.lastChange?.what}`);
  });
  deps.kickOutbox();
  return { entry: after, notice };
}
