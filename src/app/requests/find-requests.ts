import { isPublished, OPEN_STATUSES } from '../../domain/open-data';
import type { Actor } from '../../domain/people';
import type { Project } from '../../domain/project';
import { parseReference, type ProjectRequest } from '../../domain/request';
import { searchTermsOf } from '../../domain/similarity';
import type { Deps } from '../deps';
import { getRequest } from './view-request';

/**
 * A request (or project) as the compose box shows it to anyone: reference, title, status and strand, as the
 * similar-requests step shows someone else's request; never a person's name or words, except a project's owners.
 */
export interface FoundRequest {
  request: Pick<ProjectRequest, 'reference' | 'title' | 'status' | 'strand'>;
  /** In the published Digital Programme (the Programme tab shows it). */
  inProgramme: boolean;
  /** A project's owners, only for someone signed in to the council's tenant. */
  owners: Pick<Project, 'digitalLeader' | 'projectLead' | 'projectManager'> | null;
}

export type SearchResult = { kind: 'too-short' } | { kind: 'no-words' } | { kind: 'found'; items: FoundRequest[] };

/** The fewest characters a search needs. */
export const MIN_SEARCH_LENGTH = 2;
/** The most results one answer gives (Teams asks for the next ones as the person scrolls). */
export const MAX_SEARCH_RESULTS = 10;

/** Owners are shown to people Teams says belong to a tenant (the bot admits only the council's). */
const signedIn = (actor: Actor): boolean => actor.tenantId !== null;

async function describe(deps: Deps, actor: Actor, requests: readonly ProjectRequest[]): Promise<FoundRequest[]> {
  if (requests.length === 0) return [];
  const projects = await Promise.all(
    requests.map((r) => (OPEN_STATUSES.includes(r.status) ? deps.store.projects.get(r.reference) : Promise.resolve(null))),
  );
  return requests.map((request, i) => {
    const project = projects[i];
    const inProgramme = project !== null && isPublished({ request, project });
    const { reference, title, status, strand } = request;
    return {
      request: { reference, title, status, strand },
      inProgramme,
      owners: inProgramme && signedIn(actor) ? { digitalLeader: project.digitalLeader, projectLead: project.projectLead, projectManager: project.projectManager } : null,
    };
  });
}

/**
 * The compose box's search: a reference (in any form the bot reads) finds that request; words find the requests
 * holding them all (the last one as typed so far), newest first. Withdrawn requests are never found.
 */
export async function findRequests(deps: Deps, actor: Actor, typed: string, offset = 0, limit = MAX_SEARCH_RESULTS): Promise<SearchResult> {
  const text = typed.trim();
  if (Array.from(text).length < MIN_SEARCH_LENGTH) return { kind: 'too-short' };
  const reference = parseReference(text);
  if (reference) {
    const request = await deps.store.requests.getByReference(reference);
    const found = request && request.status !== 'withdrawn' && offset === 0 ? [request] : [];
    return { kind: 'found', items: await describe(deps, actor, found) };
  }
  const { terms, prefix } = searchTermsOf(text);
  if (terms.length === 0 && !prefix) return { kind: 'no-words' };
  const requests = await deps.store.requests.search(terms, prefix, offset, Math.min(limit, MAX_SEARCH_RESULTS));
  return { kind: 'found', items: await describe(deps, actor, requests) };
}

/** One request as the compose box shows it, to post in a conversation (NOT_FOUND when there is none). */
export async function findRequest(deps: Deps, actor: Actor, reference: string): Promise<FoundRequest> {
  const [found] = await describe(deps, actor, [await getRequest(deps, reference)]);
  return found;
}

/** A project of the published programme, as a Programme tab link unfurls; null when it is not in it (or unknown). */
export async function findProgrammeProject(deps: Deps, actor: Actor, reference: string): Promise<FoundRequest | null> {
  const request = await deps.store.requests.getByReference(reference);
  if (!request || !OPEN_STATUSES.includes(request.status)) return null;
  const [found] = await describe(deps, actor, [request]);
  return found.inProgramme ? found : null;
}
