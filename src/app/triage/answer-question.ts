import { questionCard } from '../../presenters/question';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { ProjectRequest } from '../../domain/request';
import { answered, emptyTriage, openQuestion } from '../../domain/triage';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { dsgContext } from './dsg-context';
import { refuse } from '../refuse';
import { queueThreadReply, queueTriageUpdate } from './triage-messages';
import { getRequest } from '../requests/view-request';

/** The requester answers the DSG's question: stored, the triage card updates and the DSG thread is told. */
export async function answerQuestion(deps: Deps, actor: Actor, reference: string, answer: string): Promise<object> {
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
  const { settings, members } = await dsgContext(deps);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.requests.update(updated, request.version))) throw new DomainError('STALE_CARD', `${reference} changed at the same moment; please try again.`, { reference });
    await tx.triage.save({
      ...triage,
      questions: triage.questions.map((q) => (q === question ? answeredQuestion : q)),
      lastDecision: { action: 'answer', by: actor.name, at: now, note: null },
    });
    await audited(tx, actor, now, 'request.answer', { subjectType: 'request', subjectId: reference }, { status: request.status }, { status: updated.status });
    await queueThreadReply(deps, tx, updated, settings, `answer:${reference}:v${updated.version}`, `${actor.name} answered the question about ${reference}: ${answer}`);
    await queueTriageUpdate(deps, tx, updated, settings, members);
  });
  deps.kickOutbox();
  return questionCard(updated, answeredQuestion, true);
}
