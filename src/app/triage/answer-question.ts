import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { ProjectRequest } from '../../domain/request';
import { answered, emptyTriage, openQuestion, type Question } from '../../domain/triage';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { queueThreadReply, queueTriageUpdate } from './triage-messages';
import { getRequest } from '../requests/view-request';

/** The requester answers the DSG's question: stored, the triage card updates and the DSG thread is told. */
export async function answerQuestion(deps: Deps, actor: Actor, reference: string, answer: string): Promise<{ request: ProjectRequest; question: Question }> {
  const request = await getRequest(deps, reference);
  if (!isAllowed('request.answer', rolesFor(actor, { request }, deps.roles))) {
    await refuse(deps, actor, 'request.answer', { subjectType: 'request', subjectId: reference }, `Only the person who submitted ${reference} can answer the DSG's question.`);
  }
  const triage = (await deps.store.triage.get(reference)) ?? emptyTriage(reference);
  const question = openQuestion(triage);
  if (!question) throw new DomainError('REQUEST_ALREADY_DECIDED', `There is no open question about ${reference} any more.`, { reference });
  const now = deps.clock.now().toISOString();
  const next = answered(request, now);
  const updated: ProjectRequest = { ...next, version: request.version + 1 };
  const answeredQuestion = { ...question, answer, answeredAt: now };
  const settings = await deps.store.settings.get();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.requests.update(updated, request.version))) throw new DomainError('STALE_CARD', `${reference} changed at the same moment; please try again.`, { reference });
    await tx.triage.save({
      ...triage,
      questions: triage.questions.map((q) => (q === question ? answeredQuestion : q)),
      lastDecision: { action: 'answer', by: actor.name, at: now, note: null },
    });
    await audited(tx, actor, now, 'request.answer', { subjectType: 'request', subjectId: reference }, { status: request.status }, { status: updated.status });
    await queueThreadReply(deps, tx, updated, settings, `answer:${reference}:v${updated.version}`, `${actor.name} answered the question about ${reference}: ${answer}`);
    await queueTriageUpdate(deps, tx, updated, settings);
  });
  deps.kickOutbox();
  return { request: updated, question: answeredQuestion };
}

/** A request and the DSG's latest question about it: what the requester's question card shows. */
export async function latestQuestion(deps: Deps, reference: string): Promise<{ request: ProjectRequest; question: Question }> {
  const request = await getRequest(deps, reference);
  const question = (await deps.store.triage.get(reference))?.questions.at(-1);
  if (!question) throw new DomainError('NOT_FOUND', `The DSG has asked no question about ${reference}.`, { reference });
  return { request, question };
}
