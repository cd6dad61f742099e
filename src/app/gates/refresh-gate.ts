import type { Actor } from '../../domain/people';
import { isAllowed } from '../../domain/permissions';
import type { GateView } from '../../domain/stages';
import type { Deps } from '../deps';
import { DSG_ONLY, meetingAccess } from '../meetings/meeting-access';
import { getGate, loadGateView } from './view-gate';

/** A gate request's card as one person sees it, and whether they may decide it from there. */
export interface GateRefresh {
  view: GateView;
  mayDecide: boolean;
  /** They asked for this gate: another DSG member decides it. */
  askedForIt: boolean;
}

/**
 * The gate card in the DSG channel, drawn for the person looking at it (Teams asks when the card shows them their
 * own view). A DSG member gets the decision form while the gate waits, unless they asked for it themselves; an
 * admin gets the card without it; anyone else (a stale or forged refresh) is refused, audited, and keeps the card
 * Teams already shows.
 */
export async function refreshGate(deps: Deps, actor: Actor, gateId: string): Promise<GateRefresh> {
  const access = await meetingAccess(deps, actor, 'agenda.view', 'gate.refresh', DSG_ONLY);
  const gate = await getGate(deps, gateId);
  const askedForIt = !!actor.aadObjectId && actor.aadObjectId === gate.requestedBy.aadObjectId;
  return { view: await loadGateView(deps, gate, null, undefined, access), mayDecide: !gate.decision && isAllowed('gate.decide', access.roles) && !askedForIt, askedForIt };
}
