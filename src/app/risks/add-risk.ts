import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { HIGH_RISK_SCORE, newRisk, type RiskEntry, riskScore, type RiskValues, scoreWords, validateRisk } from '../../domain/risks';
import { assignmentNotices } from '../../domain/notices';
import { choosePerson } from '../choose-person';
import { personTarget, queue } from '../outbox/queue';
import type { Repositories } from '../ports';
import type { Deps } from '../deps';
import { recordProjectChange } from '../follows/tell-followers';
import { ownerChoices, requireRiskAdder } from './risk-access';

/** Words for a saved entry: what it scores, and whether it goes on the DSG's agenda. */
export const savedWords = (saved: string, e: RiskEntry): string =>
  `${saved}: ${scoreWords(e).replace(/^Score/, 'score')}.${e.status === 'open' && riskScore(e) >= HIGH_RISK_SCORE ? ` It scores ${HIGH_RISK_SCORE} or more, so it goes on the next DSG agenda.` : ''}`;

/** The owner is told in personal chat (once per owner and version), unless they gave it to themselves. */
export async function tellOwner(deps: Deps, tx: Repositories, actor: Actor, entry: RiskEntry, projectTitle: string): Promise<void> {
  if (!entry.owner.aadObjectId || entry.owner.aadObjectId === actor.aadObjectId) return;
  await queue(deps, tx, `risk-owner:${entry.id}:${entry.version}`, await personTarget(tx, entry.owner.aadObjectId), { kind: 'notice', notice: assignmentNotices.risk(entry, projectTitle, actor.name) });
}

/** An entry's owner from the form: the person chosen, or a field error keeping what was typed. */
export async function ownerFrom(deps: Deps, ownerId: string, listed: Parameters<typeof choosePerson>[2], values: RiskValues) {
  const owner = await choosePerson(deps, ownerId, listed);
  if (!owner) throw new DomainError('INVALID_FIELD', 'Choose the owner.', { errors: { riskOwner: 'Choose the owner from the list (or search for them by name in Teams).' }, values });
  return owner;
}

/**
 * Adds a risk or issue to a project's log (its lead, manager, Digital Leader, the chair and admins; others are
 * refused and audited). Every problem comes back as a field error with what was typed.
 */
export async function addRisk(deps: Deps, actor: Actor, reference: string, values: RiskValues): Promise<{ entry: RiskEntry; notice: string }> {
  const access = await requireRiskAdder(deps, actor, reference);
  const now = deps.clock.now();
  const checked = validateRisk(values, deps.calendar.londonDate(now));
  if (!checked.ok) throw new DomainError('INVALID_FIELD', 'The entry needs fixing.', { errors: checked.errors, values });
  const owner = await ownerFrom(deps, checked.details.ownerId, ownerChoices(access), values);
  const at = now.toISOString();
  const entry = newRisk(deps.newId(), reference, checked.details, owner, actor.name, at);
  await deps.store.transaction(async (tx) => {
    await tx.risks.insert(entry);
    await tellOwner(deps, tx, actor, entry, access.title);
    await recordProjectChange(deps, tx, actor, at, 'risk.add', reference, null, { kind: entry.kind, score: riskScore(entry), owner: owner.name, reviewDate: entry.reviewDate }, entry.description);
  });
  deps.kickOutbox();
  return { entry, notice: savedWords(entry.kind === 'issue' ? 'Issue added' : 'Risk added', entry) };
}
