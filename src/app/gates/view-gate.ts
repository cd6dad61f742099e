import { DomainError } from '../../domain/errors';
import { dsgDeciders } from '../../domain/card-audience';
import type { Actor } from '../../domain/people';
import type { PersonRef } from '../../domain/settings';
import type { GateRequest, GateView } from '../../domain/stages';
import type { Deps } from '../deps';
import { meetingAccess, DSG_ONLY } from '../meetings/meeting-access';
import { getRequest } from '../requests/view-request';
import { type DsgContext, dsgContext } from '../triage/dsg-context';
import { standardOf } from './project-gates';

export async function getGate(deps: Deps, gateId: string): Promise<GateRequest> {
  const gate = await deps.store.gates.getRequest(gateId);
  if (!gate) throw new DomainError('NOT_FOUND', 'That gate request is not in the record any more.', { gateId });
  return gate;
}

/**
 * A gate request's card as it stands: the request, the decision if taken, and who may own a condition (from the DSG
 * context when the caller has already read it).
 */
export async function loadGateView(deps: Deps, gate: GateRequest, meeting: GateView['meeting'] = null, notice?: string, context?: DsgContext): Promise<GateView> {
  const [request, { members }, project] = await Promise.all([getRequest(deps, gate.reference), context ?? dsgContext(deps), deps.store.projects.get(gate.reference)]);
  const people: PersonRef[] = [...members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })), ...[project?.projectLead, project?.projectManager, project?.digitalLeader].filter((p): p is PersonRef => !!p)];
  return { gate, standard: standardOf(deps), title: request.title, people, today: deps.calendar.londonDate(deps.clock.now()), meeting, deciders: dsgDeciders(members), ...(notice && { notice }) };
}

/** A gate request opened from an agenda item (the DSG and admins), to decide it at the meeting. */
export async function showGate(deps: Deps, actor: Actor, gateId: string, meeting: GateView['meeting']): Promise<GateView> {
  await meetingAccess(deps, actor, 'agenda.view', 'gate.show', DSG_ONLY);
  return loadGateView(deps, await getGate(deps, gateId), meeting);
}
