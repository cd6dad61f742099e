import { z } from 'zod';
import { answerQuestion } from '../../app/triage/answer-question';
import { approveRequest } from '../../app/triage/approve-request';
import { askForInformation } from '../../app/triage/ask-for-information';
import { assignOwners } from '../../app/triage/assign-owners';
import { changePriority } from '../../app/triage/change-priority';
import { checkDecline, declineRequest } from '../../app/triage/decline-request';
import { checkMerge, mergeRequest } from '../../app/triage/merge-request';
import { checkReuse, reuseRequest } from '../../app/triage/reuse-request';
import { openRequest } from '../../app/requests/open-request';
import { PRIORITIES } from '../../domain/project';
import { openQuestion, type TriageView } from '../../domain/triage';
import { type Confirmation, declineConfirmation, mergeConfirmation, reuseConfirmation, withConfirmation } from '../../presenters/confirm';
import { questionCard } from '../../presenters/question';
import { openedCard, triageCardOf } from './request-card';
import { card, type Reply } from '../reply';
import { optionalTyped, personId, reference, step, toggle, typed, version } from './schemas';
import { verb } from './verb';

/** The DSG's actions on a triage card, and the requester's answer to a question. */

const decided = { reference, version };

/** The triage card as it now stands, with the strand's Digital Leader @mentioned (as in the channel). */
const triage = async (view: Promise<TriageView>): Promise<Reply> => card(triageCardOf(await view));

export const requestApprove = verb(
  'request.approve',
  z.object({ ...decided, priority: z.enum(PRIORITIES, { error: 'choose a priority (high, medium or low)' }), isPriority: toggle, note: optionalTyped() }).loose(),
  ({ deps, actor }, d) => triage(approveRequest(deps, actor, d.reference, d.version, { priority: d.priority, isPriority: d.isPriority, note: d.note })),
);

/** The triage card as it now stands, with a confirmation on top (Decline and Mark as duplicate ask first). */
const confirming = async (view: TriageView, confirmation: (question: ReturnType<typeof openQuestion>) => Confirmation): Promise<Reply> =>
  card(withConfirmation(triageCardOf(view), confirmation(openQuestion(view.triage))));

export const requestDecline = verb('request.decline', z.object({ ...decided, reason: typed('the reason'), step }).loose(), async ({ deps, actor }, d) => {
  if (d.step === 'confirm') return triage(declineRequest(deps, actor, d.reference, d.version, d.reason));
  if (d.step === 'cancel') return card(openedCard(await openRequest(deps, actor, d.reference)));
  const view = await checkDecline(deps, actor, d.reference, d.version, d.reason);
  return confirming(view, (question) => declineConfirmation(view.request, question, d.reason));
});

export const requestReuse = verb(
  'request.reuse',
  z.object({ ...decided, solutionId: z.string({ error: 'choose the solution to re-use' }).trim().min(1, 'choose the solution to re-use').max(100), reuseNote: optionalTyped(1000), step }).loose(),
  async ({ deps, actor }, d) => {
    if (d.step === 'confirm') return triage(reuseRequest(deps, actor, d.reference, d.version, d.solutionId, d.reuseNote));
    if (d.step === 'cancel') return card(openedCard(await openRequest(deps, actor, d.reference)));
    const view = await checkReuse(deps, actor, d.reference, d.version, d.solutionId, d.reuseNote);
    const solution = view.solutions?.find((s) => s.id === d.solutionId) ?? { id: d.solutionId, name: 'the chosen solution', owningService: 'its service' };
    return confirming(view, (question) => reuseConfirmation(view.request, question, solution, d.reuseNote));
  },
);

export const requestAsk = verb('request.ask', z.object({ ...decided, question: typed('the question') }).loose(), ({ deps, actor }, d) =>
  triage(askForInformation(deps, actor, d.reference, d.version, d.question)),
);

export const requestMerge = verb('request.merge', z.object({ ...decided, duplicateOf: reference, step }).loose(), async ({ deps, actor }, d) => {
  if (d.step === 'confirm') return triage(mergeRequest(deps, actor, d.reference, d.version, d.duplicateOf));
  if (d.step === 'cancel') return card(openedCard(await openRequest(deps, actor, d.reference)));
  const view = await checkMerge(deps, actor, d.reference, d.version, d.duplicateOf);
  return confirming(view, (question) => mergeConfirmation(view.request, question, view.into));
});

const assignment = z.object({ ...decided, digitalLeader: personId, projectLead: personId, projectManager: personId }).loose();

export const requestAssign = verb('request.assign', assignment, ({ deps, actor }, d) =>
  triage(assignOwners(deps, actor, d.reference, d.version, { digitalLeader: d.digitalLeader, projectLead: d.projectLead, projectManager: d.projectManager })),
);

export const requestPriority = verb(
  'request.priority',
  z.object({ ...decided, priority: z.enum(PRIORITIES, { error: 'choose a priority (high, medium or low)' }), isPriority: toggle }).loose(),
  ({ deps, actor }, d) => triage(changePriority(deps, actor, d.reference, d.version, { priority: d.priority, isPriority: d.isPriority })),
);

export const requestAnswer = verb('request.answer', z.object({ reference, answer: typed('your answer') }).loose(), async ({ deps, actor }, d) => {
  const { request, question } = await answerQuestion(deps, actor, d.reference, d.answer);
  return card(questionCard(request, question, true));
});
