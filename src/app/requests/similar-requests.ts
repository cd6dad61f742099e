import type { ProjectRequest } from '../../domain/request';
import { MAX_SIMILAR_SHOWN, SIMILARITY_THRESHOLD, similarity, termsOf } from '../../domain/similarity';
import type { Repositories } from '../ports';
import type { SimilarRequest } from '../../domain/similarity';

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
