import { DomainError } from '../../domain/errors';
import { gateItemId, recordOutcome } from '../../domain/meetings';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { PersonRef } from '../../domain/settings';
import { decideGate, type GateOutcome, gateTitle, type GateView, stageLabel } from '../../domain/stages';
import { gateNotices } from '../../domain/notices';
import type { Deps } from '../deps';
import { recordProjectChange } from '../follows/tell-followers';
import { assertOpenItem } from '../../domain/meetings';
import { getMeeting } from '../meetings/meeting-view';
import { personTarget, queue } from '../outbox/queue';
import { chosenPerson } from '../people';
import { refuse } from '../refuse';
import { getRequest } from '../requests/view-request';
import { dsgContext } from '../triage/dsg-context';
import { standardOf } from './project-gates';
import { queueGateUpdate } from './gate-post';
import { getGate, loadGateView } from './view-gate';

export interface GateDecisionForm {
  outcome: GateOutcome;
  note: string | null;
  /** Condition rows as typed: what, the chosen person's id, the due date ('' when not given). */
  conditions: { what: string; ownerId: string; due: string }[];
  /** The request's version on the card. */
  version: number;
  /** Taken at this agenda item of a running meeting. */
  meeting: GateView['meeting'];
}

/**
 * The DSG decides a gate: pass, pass with conditions (each with an owner anyone in the council, and a due date), or
 * not yet. Members of the DSG may (others are refused, audited), but not the person who asked for it. In one
 * transaction: the decision and conditions, the project's new stage on a pass, the audit event (the following chats
 * told), the lead and each condition's owner told, and at a meeting the outcome recorded against its agenda item.
 */
export async function decideGateRequest(deps: Deps, actor: Actor, gateId: string, form: GateDecisionForm): Promise<GateView> {
  const s = standardOf(deps);
  const gate = await getGate(deps, gateId);
  const context = await dsgContext(deps);
  const subject = { subjectType: 'request' as const, subjectId: gate.reference };
  if (!isAllowed('gate.decide', rolesFor(actor, context, deps.roles))) {
    await refuse(deps, actor, 'gate.decide', subject, `Only members of the Digital Strategy Group can decide the gates of projects. The ${gateTitle(s, gate)} gate of ${gate.reference} waits for them.`);
  }
  if (actor.aadObjectId && actor.aadObjectId === gate.requestedBy.aadObjectId) {
    await refuse(deps, actor, 'gate.decide', subject, `You asked for the ${gateTitle(s, gate)} gate of ${gate.reference}, so another member of the DSG must decide it.`);
  }
  if (form.meeting) {
    if (form.meeting.itemId !== gateItemId(gate.id)) throw new DomainError('NOT_FOUND', 'That agenda item is not about this gate request.', { gateId });
    assertOpenItem(await getMeeting(deps, form.meeting.meetingId), form.meeting.itemId);
  }
  const [request, project] = await Promise.all([getRequest(deps, gate.reference), deps.store.projects.get(gate.reference)]);
  const known = [project?.projectLead, project?.projectManager, project?.digitalLeader].filter((p): p is PersonRef => !!p);
  const rows = await Promise.all(
    form.conditions.map(async (c) => (c.what || c.ownerId || c.due ? { what: c.what, owner: c.ownerId ? await chosenPerson(deps.store, context.members, known, c.ownerId) : null, due: c.due } : null)),
  );
  const now = deps.clock.now();
  const at = now.toISOString();
  const by: PersonRef = { aadObjectId: actor.aadObjectId ?? actor.id, name: actor.name };
  const { gate: decided, stage } = decideGate(s, gate, { outcome: form.outcome, note: form.note, conditions: rows, version: form.version, meetingId: form.meeting?.meetingId ?? null }, by, at, deps.calendar.londonDate(now), deps.newId);
  const d = decided.decision!;
  await deps.store.transaction(async (tx) => {
    if (!(await tx.gates.updateRequest(decided, gate.version))) throw new DomainError('STALE_CARD', `The ${gateTitle(s, gate)} gate of ${gate.reference} was decided by someone else at the same moment.`, { gateId });
    if (stage) await tx.gates.setStage(stage);
    // The card in the DSG channel shows the decision too, wherever it was taken: where it was posted is read again in
    // the transaction (a post recorded meanwhile either is seen here, or sees this decision's version and updates it).
    await queueGateUpdate(deps, tx, { ...decided, post: (await tx.gates.getRequest(gate.id))?.post ?? null });
    const words = `${gateTitle(s, gate)}: ${d.outcome.replace(/-/g, ' ')}`;
    await recordProjectChange(deps, tx, actor, at, 'gate.decide', gate.reference, { stage: gate.from }, { stage: stage?.stage ?? gate.from, gate: words }, d.note);
    await queue(deps, tx, `gate-decided:${gate.id}`, await personTarget(tx, gate.requestedBy.aadObjectId), { kind: 'notice', notice: gateNotices.decided(s, decided, request.title) });
    for (const c of decided.conditions) {
      if (c.owner.aadObjectId === actor.aadObjectId) continue;
      await queue(deps, tx, `gate-condition:${c.id}`, await personTarget(tx, c.owner.aadObjectId), { kind: 'notice', notice: gateNotices.condition(s, decided, c, request.title) });
    }
    if (form.meeting) {
      const current = await tx.meetings.get(form.meeting.meetingId);
      if (!current) throw new DomainError('NOT_FOUND', 'That meeting is not in the record any more.', { meetingId: form.meeting.meetingId });
      const recorded = recordOutcome(current, form.meeting.itemId, { kind: 'gate', outcome: d.outcome, note: d.note, by: actor.name, at }, at);
      if (!(await tx.meetings.update(recorded, current.version))) throw new DomainError('STALE_CARD', 'The meeting record changed at the same moment; nothing was saved. Please try again.', { meetingId: current.id });
    }
  });
  deps.kickOutbox();
  const moved = stage ? ` ${gate.reference} is now at ${stageLabel(s, stage.stage)}.` : '';
  return loadGateView(deps, decided, form.meeting, `Decision recorded: ${d.outcome === 'not-yet' ? 'not yet' : d.outcome === 'pass' ? 'pass' : 'pass with conditions'}.${moved}`);
}
