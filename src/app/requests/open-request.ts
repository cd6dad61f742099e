import type { Actor } from '../../domain/people';
import type { ProjectRequest } from '../../domain/request';
import { isAllowed, rolesFor } from '../../domain/permissions';
import { requestViewFor } from '../../domain/request-views';
import type { TriageView } from '../../domain/triage';
import type { Deps } from '../deps';
import { dsgContext } from '../triage/dsg-context';
import { loadTriageView } from '../triage/triage-view';
import { getRequest, type RequestView, viewRequest } from './view-request';

/** What anyone may see of a request: as similar requests have always shown it, with no person's name or words. */
export interface RequestSummary {
  request: Pick<ProjectRequest, 'reference' | 'title' | 'status' | 'strand' | 'createdAt'>;
  /** True once it is a project in the Digital Programme, which everyone may open. */
  inProgramme: boolean;
}

export type OpenedRequest =
  | { view: 'requester'; requester: RequestView }
  /** The DSG's triage card; its decision actions only for those who may decide (not administrators). */
  | { view: 'triage'; triage: TriageView; mayDecide: boolean }
  | { view: 'read-only'; summary: RequestSummary };

/**
 * A request opened from anywhere (pending, a digest, My requests, a typed reference, a notice, a similar
 * request), in the view `requestViewFor` gives this person.
 */
export async function openRequest(deps: Deps, actor: Actor, reference: string): Promise<OpenedRequest> {
  const request = await getRequest(deps, reference);
  const { settings, members } = await dsgContext(deps);
  const subject = { settings, members, request };
  switch (requestViewFor(actor, subject, deps.roles)) {
    case 'requester':
      return { view: 'requester', requester: await viewRequest(deps, actor, reference) };
    case 'triage':
      return { view: 'triage', triage: await loadTriageView(deps, request), mayDecide: isAllowed('request.decide', rolesFor(actor, subject, deps.roles)) };
    case 'read-only':
      return { view: 'read-only', summary: await summaryOf(deps, request) };
  }
}

/** What anyone may see of `request`. */
export async function summaryOf(deps: Deps, request: ProjectRequest): Promise<RequestSummary> {
  const { reference, title, status, strand, createdAt } = request;
  return { request: { reference, title, status, strand, createdAt }, inProgramme: (await deps.store.projects.get(reference)) !== null };
}
