import type { ProjectRequest, RequestStatus } from '../../domain/request';
import type { Draft } from '../../domain/request-form';
import type { Page } from '../../domain/paging';

export interface RequestRepository {
  /** Requests in these statuses, oldest first (the DSG's queue) unless `order` says newest first. */
  listByStatus(statuses: readonly RequestStatus[], offset: number, limit: number, order?: 'oldest-first' | 'newest-first'): Promise<Page<ProjectRequest>>;
  /** Next reference for the year; call inside the transaction that inserts the request. */
  nextReference(year: number): Promise<string>;
  insert(request: ProjectRequest, terms: readonly string[]): Promise<void>;
  /**
   * Saves status, version, updatedAt and the details if the stored version is still `expectedVersion`;
   * false if it was not. Pass `terms` when the title or problem changed, to re-index the request.
   */
  update(request: ProjectRequest, expectedVersion: number, terms?: readonly string[]): Promise<boolean>;
  getByReference(reference: string): Promise<ProjectRequest | null>;
  getByFormId(formId: string): Promise<ProjectRequest | null>;
  /** A requester's requests, newest first (only those in `statuses`, when given: a non-empty list). */
  listByRequester(requesterId: string, offset: number, limit: number, statuses?: readonly RequestStatus[]): Promise<Page<ProjectRequest>>;
  /** Requests sharing terms with `terms`, best first, with the share counts the domain scores (each named, not read whole). */
  findSimilar(terms: readonly string[], limit: number): Promise<{ request: SimilarCandidate; shared: number; termCount: number }[]>;
  /**
   * A search: requests (not withdrawn) holding every one of `terms` and, when given, a term starting with `prefix`,
   * newest first, from `offset`, at most `limit`.
   */
  search(terms: readonly string[], prefix: string | null, offset: number, limit: number): Promise<ProjectRequest[]>;
}

/** What a search for similar requests reads of each: enough to name it, show its status and strand, and rank it. */
export type SimilarCandidate = Pick<ProjectRequest, 'id' | 'reference' | 'title' | 'status' | 'strand'>;

export interface DraftRepository {
  /** Inserts or replaces the draft, unless its form was already submitted as a request: then keeps nothing and returns false. */
  save(draft: Draft): Promise<boolean>;
  get(formId: string): Promise<Draft | null>;
  latestFor(personId: string): Promise<Draft | null>;
  delete(formId: string): Promise<void>;
}
