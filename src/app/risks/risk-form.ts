import type { Actor } from '../../domain/people';
import type { RiskEntry } from '../../domain/risks';
import type { PersonRef } from '../../domain/settings';
import type { Deps } from '../deps';
import { ownerChoices, requireRiskAdder, requireRiskEditor } from './risk-access';

/** What the risk form is drawn from: the project, the entry being changed (none when adding), whom to offer as owner. */
export interface RiskFormView {
  reference: string;
  title: string;
  entry?: RiskEntry;
  people: PersonRef[];
  today: string;
}

/**
 * The form to add to a project's log (`riskId` null) or to change an entry, once the actor may (refused and audited
 * otherwise, before anything is typed).
 */
export async function riskForm(deps: Deps, actor: Actor, reference: string, riskId: string | null): Promise<RiskFormView> {
  const today = deps.calendar.londonDate(deps.clock.now());
  const access = riskId ? await requireRiskEditor(deps, actor, riskId) : { ...(await requireRiskAdder(deps, actor, reference)), entry: undefined };
  const people = ownerChoices(access).map((p) => ({ aadObjectId: p.aadObjectId, name: p.name }));
  return { reference: access.reference, title: access.title, entry: access.entry, people, today };
}
