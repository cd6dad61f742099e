import { checkedSolution, matchSolutions, type Solution } from '../../domain/solutions';
import { termsOf } from '../../domain/similarity';
import type { PersonRef } from '../../domain/settings';
import { emptyTriage, type TriageView } from '../../domain/triage';
import { ASSIGNABLE_STATUSES, DECIDABLE_STATUSES, type ProjectRequest } from '../../domain/request';
import type { Deps } from '../deps';
import { similarToRequest } from '../requests/similar-requests';
import { dsgContext } from './dsg-context';
import { dsgDeciders } from '../../domain/card-audience';

/** Open requests and projects offered as "duplicate of" on the triage card. */
export const MERGE_TARGETS = 25;

/** The most recent open requests and projects (other than `reference`), newest first: what a request may duplicate. */
export async function mergeTargetsFor(deps: Pick<Deps, 'store'>, reference: string): Promise<Pick<ProjectRequest, 'reference' | 'title'>[]> {
  const open = await deps.store.requests.listByStatus([...DECIDABLE_STATUSES, ...ASSIGNABLE_STATUSES], 0, MERGE_TARGETS + 1, 'newest-first');
  return open.items
    .filter((r) => r.reference !== reference)
    .slice(0, MERGE_TARGETS)
    .map((r) => ({ reference: r.reference, title: r.title }));
}

/** The triage card's data for a request as it stands now: its triage record, project, similar requests and who may be assigned. */
export async function loadTriageView(deps: Deps, request: ProjectRequest): Promise<TriageView> {
  const today = deps.calendar.londonDate(deps.clock.now());
  const [triage, project, similar, mergeTargets, { settings, members }, catalogue] = await Promise.all([
    deps.store.triage.get(request.reference),
    deps.store.projects.get(request.reference),
    similarToRequest(deps.store, request),
    mergeTargetsFor(deps, request.reference),
    dsgContext(deps),
    deps.store.solutions.list(),
  ]);
  const matching = new Set(matchSolutions(termsOf(request.title, request.problem), catalogue, today).map((m) => m.id));
  const first = (s: Solution): number => (s.id === request.reuseSolution ? 2 : matching.has(s.id) ? 1 : 0);
  const solutions = catalogue
    .filter((s) => !s.retired)
    .sort((a, b) => first(b) - first(a))
    .map((s) => ({ id: s.id, name: s.name, owningService: s.owningService }));
  const checked = checkedSolution(request.reuseSolution, catalogue.find((s) => s.id === request.reuseSolution) ?? null);
  const leader = project?.digitalLeader ?? settings.leaders[request.strand] ?? null;
  const people: PersonRef[] = members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name }));
  return {
    request,
    triage: triage ?? emptyTriage(request.reference),
    project,
    similar,
    mergeTargets,
    leader,
    people,
    today,
    solutions,
    checked,
    deciders: dsgDeciders(members),
  };
}
