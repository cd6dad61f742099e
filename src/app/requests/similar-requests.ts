import type { Actor } from '../../domain/people';
import type { ProjectRequest } from '../../domain/request';
import { MAX_SIMILAR_SHOWN, SIMILARITY_THRESHOLD, similarity, termsOf } from '../../domain/similarity';
import type { Repositories } from '../ports';
import type { SimilarRequest } from '../../domain/similarity';
import type { Deps } from '../deps';
import { requireOwnDraft } from './find-draft';

/** Stored requests similar to these terms, best first; `except` leaves a request out (itself). */
export async function findSimilar(repos: Repositories, terms: readonly string[], except?: string): Promise<SimilarRequest[]> {
  const candidates = await repos.requests.findSimilar(terms, 10);
  return candidates
    .filter(({ request }) => request.reference !== except)
    .map(({ request, shared, termCount }) => ({
      reference: request.reference,
      title: request.title,
      status: request.status,
      strand: request.strand,
      score: similarity(shared, terms.length, termCount),
    }))
    .filter((m) => m.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SIMILAR_SHOWN);
}

export const similarToRequest = (repos: Repositories, request: ProjectRequest): Promise<SimilarRequest[]> =>
  findSimilar(repos, termsOf(request.title, request.problem), request.reference);

/** The similar requests shown for the person's idea (its draft) again: "Back to my idea" after opening one of them. */
export async function similarToDraft(deps: Deps, actor: Actor, formId: string): Promise<{ formId: string; title: string; matches: SimilarRequest[] }> {
  const { values } = await requireOwnDraft(deps, actor, formId, 'request.similar');
  const title = values.title ?? '';
  return { formId, title, matches: await findSimilar(deps.store, termsOf(title, values.problem ?? '')) };
}
