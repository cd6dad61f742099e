import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { type GateFormView, gateTitle, requestGate, stageLabel } from '../../domain/stages';
import type { Deps } from '../deps';
import { recordProjectChange } from '../follows/tell-followers';
import { queueGatePost } from './gate-post';
import { type ProjectView, viewProject } from '../projects/view-project';
import { refuse } from '../refuse';
import { inGateableState, standardOf } from './project-gates';

/** The project as its lead sees it, refusing (audited) anyone else and a project that cannot ask for a gate now. */
async function asLead(deps: Deps, actor: Actor, reference: string, action: string): Promise<ProjectView> {
  const view = await viewProject(deps, actor, reference);
  if (!view.gates.canRequest) {
    if (!view.roles.includes('project-lead')) {
      await refuse(deps, actor, action, { subjectType: 'request', subjectId: reference }, `Only the Project Lead of ${reference} can ask the DSG for its stage gates.`);
    }
    const s = standardOf(deps);
    const { stage, next } = view.gates;
    if (!inGateableState(view.request)) throw new DomainError('ILLEGAL_TRANSITION', `${reference} is ${view.request.status.replace(/-/g, ' ')}: only a project in the programme goes through gates.`, { reference });
    if (!next) throw new DomainError('ILLEGAL_TRANSITION', `${reference} is at ${stageLabel(s, stage.stage)}: there is no gate after it.`, { reference });
    const waiting = view.gates.history.find((g) => !g.decision)!;
    throw new DomainError('ILLEGAL_TRANSITION', `The ${gateTitle(s, waiting)} gate of ${reference} is waiting for the DSG (asked on ${waiting.requestedAt.slice(0, 10)}): it decides that one first.`, { reference });
  }
  return view;
}

/** **Request gate** on the project card: the form with the criteria that apply at the next gate. */
export async function openGateForm(deps: Deps, actor: Actor, reference: string): Promise<GateFormView> {
  const view = await asLead(deps, actor, reference, 'gate.request');
  return { reference, title: view.request.title, standard: standardOf(deps), stage: view.gates.stage, gate: view.gates.next!, form: undefined };
}

export interface GateRequestInput {
  /** The stage the form was drawn for. */
  from: string;
  evidence: Record<string, string>;
  note: string | null;
}

/**
 * The lead asks the DSG to pass the next gate, with a link to the evidence for each criterion: checked by the domain
 * (a required criterion without evidence is named), then in one transaction the request (one waiting per project),
 * the audit event (and the chats that follow the project told) and its card posted to the DSG channel.
 */
export async function submitGateRequest(deps: Deps, actor: Actor, reference: string, input: GateRequestInput): Promise<GateFormView & { notice: string }> {
  const view = await asLead(deps, actor, reference, 'gate.request');
  const s = standardOf(deps);
  const now = deps.clock.now().toISOString();
  const gate = requestGate(s, view.gates.stage, view.gates.history, input, { aadObjectId: actor.aadObjectId ?? actor.id, name: actor.name }, deps.newId(), now);
  const settings = await deps.store.settings.get();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.gates.insertRequest(gate))) throw new DomainError('STALE_CARD', `A gate request for ${reference} was sent at the same moment; here is the project as it now is.`, { reference });
    await recordProjectChange(deps, tx, actor, now, 'gate.request', reference, { stage: gate.from }, { gate: gateTitle(s, gate) }, input.note);
    await queueGatePost(deps, tx, gate, settings);
  });
  deps.kickOutbox();
  const where = settings.channel ? 'it is posted in the DSG channel, and it goes on the agenda of the next DSG meeting' : 'it goes on the agenda of the next DSG meeting';
  return { reference, title: view.request.title, standard: s, stage: view.gates.stage, gate: view.gates.next!, notice: `The ${gateTitle(s, gate)} gate request was sent to the DSG: ${where}.` };
}
