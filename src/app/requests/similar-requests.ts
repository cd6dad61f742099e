import type { Actor } from '../../domain/people';
import type { ProjectRequest } from '../../domain/request';
import { rankMatches, termsOf } from '../../domain/similarity';
import type { Repositories } from '../ports';
import type { SimilarRequest } from '../../domain/similarity';
import type { Deps } from '../deps';
import { requireOwnDraft } from './find-draft';
import { matchSolutions, type SolutionMatch } from '../../domain/solutions';

/** Stored requests similar to these terms, best first; `except` leaves a request out (itself). */
export async function findSimilar(repos: Repositories, terms: readonly string[], except?: string): Promise<SimilarRequest[]> {
  const candidates = await repos.requests.findSimilar(terms, 10);
  const others = candidates.filter(({ request }) => request.reference !== except).map(({ request, ...counts }) => ({ item: request, ...counts }));
  return rankMatches(terms.length, others).map(({ item: request, score }) => ({
    reference: request.reference,
    title: request.title,
    status: request.status,
    strand: request.strand,
    score,
  }));
}

/** Catalogue entries matching these terms (the same engine and threshold as similar requests), best first. */
export async function matchingSolutions(deps: Pick<Deps, 'store' | 'clock' | 'calendar'>, terms: readonly string[]): Promise<SolutionMatch[]> {
  return matchSolutions(terms, await deps.store.solutions.offered(), deps.calendar.londonDate(deps.clock.now()));
}

export const similarToRequest = (repos: Repositories, request: ProjectRequest): Promise<SimilarRequest[]> =>
  findSimilar(repos, termsOf(request.title, request.problem), request.reference);

/** The similar requests shown for the person's idea (its draft) again: "Back to my idea" after opening one of them. */
export async function similarToDraft(deps: Deps, actor: Actor, formId: string): Promise<{ formId: string; title: string; matches: SimilarRequest[]; solutions: SolutionMatch[] }> {
  const { values } = await requireOwnDraft(deps, actor, formId, 'request.similar');
  const title = values.title ?? '';
  const terms = termsOf(title, values.problem ?? '');
  const [matches, solutions] = await Promise.all([findSimilar(deps.store, terms), matchingSolutions(deps, terms)]);
  return { formId, title, matches, solutions };
}
