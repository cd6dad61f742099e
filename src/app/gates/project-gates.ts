import { ukDate } from '../../domain/dates';
import type { ProgrammeRecord } from '../../domain/open-data';
import type { AssuranceExtras } from '../../domain/assurance';
import { londonDate } from '../../domain/calendar';
import { DEFAULT_SERVICE_STANDARD, firstStage, GATE_OUTCOME_LABELS, gateFrom, type GateRequest, gateTitle, isPending, type OpenStage, openStage, type ProjectGates, stageLabel, type ServiceStandard } from '../../domain/stages';
import { isAllowed, type Role } from '../../domain/permissions';
import type { ProjectRequest, RequestHeadline } from '../../domain/request';
import type { Deps } from '../deps';
import type { Repositories } from '../ports';

export const standardOf = (deps: Pick<Deps, 'serviceStandard'>): ServiceStandard => deps.serviceStandard ?? DEFAULT_SERVICE_STANDARD;

/** Only projects in the programme and not completed move through gates. */
export const inGateableState = (request: Pick<ProjectRequest, 'status'>): boolean => request.status === 'approved' || request.status === 'in-delivery';

/** A project's stage (the first one when none is recorded), its gate history and whether `roles` may ask for the next gate. */
export async function projectGates(deps: Pick<Deps, 'serviceStandard'>, repos: Repositories, request: ProjectRequest, roles: readonly Role[]): Promise<ProjectGates> {
  const s = standardOf(deps);
  const [recorded, history] = await Promise.all([repos.gates.stageOf(request.reference), repos.gates.requestsOf(request.reference)]);
  const stage = recorded ?? { reference: request.reference, stage: firstStage(s), since: null };
  const next = gateFrom(s, stage.stage);
  return { standard: s, stage, history, next, canRequest: !!next && inGateableState(request) && isAllowed('gate.request', roles) && !history.some(isPending) };
}

/** The waiting gate requests of projects still in the programme, as the agenda lists them. */
export function gateAgendaItems(s: ServiceStandard, pending: readonly GateRequest[], programme: readonly { request: RequestHeadline }[]) {
  const requests = new Map(programme.map((p) => [p.request.reference, p.request]));
  return pending.flatMap((gate) => {
    const request = requests.get(gate.reference);
    if (!request || !inGateableState(request)) return [];
    return [{ gate, title: request.title, words: `${gateTitle(s, gate)} gate, asked for by ${gate.requestedBy.name} on ${ukDate(gate.requestedAt)}` }];
  });
}

/** The records with their stage and gate outcomes as published (two reads, whatever the programme's size). */
export async function withStages<T extends ProgrammeRecord>(deps: Pick<Deps, 'serviceStandard'>, repos: Pick<Repositories, 'gates'>, records: readonly T[]): Promise<(T & { stage: OpenStage })[]> {
  const s = standardOf(deps);
  const [stages, all] = await Promise.all([repos.gates.stages(), repos.gates.all()]);
  const stageOf = new Map(stages.map((x) => [x.reference, x]));
  const history = new Map<string, GateRequest[]>();
  for (const g of all) history.set(g.reference, [...(history.get(g.reference) ?? []), g]);
  return records.map((r) => ({ ...r, stage: openStage(s, r.request.reference, stageOf.get(r.request.reference) ?? null, history.get(r.request.reference) ?? []) }));
}

/**
 * What the assurance report (domain/assurance.ts) takes from stages and gates: each project's stage by name, the gates
 * passed (with or without conditions) from `from` to before `to` (`yyyy-mm-dd`), and the open conditions past due.
 */
export async function assuranceGates(deps: Pick<Deps, 'serviceStandard'>, repos: Pick<Repositories, 'gates'>, programme: readonly { request: ProjectRequest }[], from: string, to: string, today: string): Promise<Pick<AssuranceExtras, 'stages' | 'gatesPassed' | 'overdueConditions'>> {
  const s = standardOf(deps);
  const [stages, all, open] = await Promise.all([repos.gates.stages(), repos.gates.all(), repos.gates.openConditions()]);
  const recorded = new Map(stages.map((x) => [x.reference, x.stage]));
  const titles = new Map(programme.map((p) => [p.request.reference, p.request.title]));
  return {
    stages: new Map(programme.map((p) => [p.request.reference, stageLabel(s, recorded.get(p.request.reference) ?? firstStage(s))])),
    gatesPassed: all
      .filter((g) => g.decision && g.decision.outcome !== 'not-yet' && titles.has(g.reference))
      .map((g) => ({ g, on: londonDate(new Date(g.decision!.at)) }))
      .filter(({ on }) => on >= from && on < to)
      .map(({ g, on }) => ({ reference: g.reference, title: titles.get(g.reference)!, gate: gateTitle(s, g), outcome: GATE_OUTCOME_LABELS[g.decision!.outcome], on })),
    overdueConditions: open.filter((c) => c.due < today && titles.has(c.reference)).map((c) => ({ reference: c.reference, what: c.what, owner: c.owner.name, due: c.due })),
  };
}
