import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Project } from '../../domain/project';
import type { ProjectRequest } from '../../domain/request';
import type { DsgSettings, Member } from '../../domain/settings';
import { assertCurrent, type Decision, emptyTriage, type Triage, type TriageView } from '../../domain/triage';
import { recordProjectChange } from '../follows/tell-followers';
import type { Deps } from '../deps';
import { dsgContext } from './dsg-context';
import type { Repositories } from '../ports';
import { refuse } from '../refuse';
import { staleCard } from '../stale';
import type { OutboxIntent } from '../outbox/ports';
import { personTarget, queue } from '../outbox/queue';
import { queueRequesterNews, queueThreadReply, queueTriageUpdate } from './triage-messages';
import { loadTriageView } from './triage-view';
import { getRequest } from '../requests/view-request';

export interface DecisionInput {
  request: ProjectRequest;
  triage: Triage;
  project: Project | null;
  settings: DsgSettings;
  members: readonly Member[];
  now: string;
  repos: Repositories;
}

export interface DecisionResult {
  /** The request after the decision (the runner bumps its version). */
  request: ProjectRequest;
  project?: { value: Project; isNew: boolean };
  triage: Triage;
  decision: Decision;
  /** What the requester is told in personal chat, if anything. */
  requesterNews?: OutboxIntent;
  /** A line posted in the request's DSG thread. */
  threadReply?: string;
  /** What others are told in personal chat (a role given to them), each under its own unique key. */
  personalNews?: Array<{ to: string; key: string; intent: OutboxIntent }>;
}

type Decide = (input: DecisionInput) => Promise<DecisionResult> | DecisionResult;

/** More work for the decision's transaction: a meeting records the decision against its agenda item. */
export type AlsoRecord = (tx: Repositories, decision: Decision) => Promise<void>;

/** Permission (audited refusal), stale-card check and the domain rule: everything a decision checks, nothing saved. */
async function prepare(deps: Deps, actor: Actor, reference: string, cardVersion: number, action: string, decide: Decide) {
  const request = await getRequest(deps, reference);
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('request.decide', rolesFor(actor, { settings, members, request }, deps.roles))) {
    await refuse(deps, actor, action, { subjectType: 'request', subjectId: reference }, 'Only members of the Digital Strategy Group can decide on requests.');
  }
  if (request.requesterId === actor.id && action !== 'request.assign') {
    await refuse(deps, actor, action, { subjectType: 'request', subjectId: reference }, `You submitted ${reference}, so another member of the DSG must decide on it.`);
  }
  const triage = (await deps.store.triage.get(reference)) ?? emptyTriage(reference);
  // Changed since the card by something other than a DSG decision (say, withdrawn): say what.
  if (request.version !== cardVersion && !(triage.lastDecision && triage.lastDecision.at >= request.updatedAt)) throw await staleCard(deps, reference);
  assertCurrent(request, cardVersion, triage);
  const now = deps.clock.now().toISOString();
  const result = await decide({ request, triage, project: await deps.store.projects.get(reference), settings, members, now, repos: deps.store });
  return { request, settings, now, result };
}

/** Checks a decision as `runTriageDecision` would, and saves nothing: for the confirmation shown before it. */
export async function checkTriageDecision(deps: Deps, actor: Actor, reference: string, cardVersion: number, action: string, decide: Decide): Promise<TriageView> {
  const { request } = await prepare(deps, actor, reference, cardVersion, action, decide);
  return loadTriageView(deps, request);
}

/**
 * Runs one DSG decision on a request: permission (audited refusal), stale-card check, the domain rule,
 * then in one transaction the saved request/project/triage, the audit event and the queued messages (intents:
 * the cards are drawn when they are sent). Returns the triage card's data as it now stands, for the person who pressed the button.
 */
export async function runTriageDecision(deps: Deps, actor: Actor, reference: string, cardVersion: number, action: string, decide: Decide, also?: AlsoRecord): Promise<TriageView> {
  const { request, settings, now, result } = await prepare(deps, actor, reference, cardVersion, action, decide);
  const updated: ProjectRequest = { ...result.request, version: request.version + 1, updatedAt: now };

  await deps.store.transaction(async (tx) => {
    if (!(await tx.requests.update(updated, request.version))) {
      assertCurrent({ ...request, version: -1 }, cardVersion, await tx.triage.get(reference));
    }
    if (result.project?.isNew) await tx.projects.insert(result.project.value);
    else if (result.project && !(await tx.projects.update(result.project.value, result.project.value.version - 1))) {
      throw new DomainError('STALE_CARD', `${reference} was changed by someone else at the same moment; nothing was saved. Please try again.`, { reference });
    }
    await tx.triage.save(result.triage);
    await recordProjectChange(deps, tx, actor, now, action, reference, { status: request.status }, { status: updated.status, ...(result.decision.note && { note: result.decision.note }) });
    if (result.requesterNews) await queueRequesterNews(deps, tx, updated, `notify:${reference}:v${updated.version}`, result.requesterNews);
    for (const news of result.personalNews ?? []) await queue(deps, tx, news.key, await personTarget(tx, news.to), news.intent);
    if (result.threadReply) await queueThreadReply(deps, tx, updated, settings, `thread:${reference}:v${updated.version}`, result.threadReply);
    await queueTriageUpdate(deps, tx, updated, settings);
    if (also) await also(tx, result.decision);
  });
  deps.kickOutbox();
  return loadTriageView(deps, updated);
}
