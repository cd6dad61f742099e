import { z } from 'zod';
import { answerQuestion } from '../../app/triage/answer-question';
import { approveRequest } from '../../app/triage/approve-request';
import { askForInformation } from '../../app/triage/ask-for-information';
import { assignOwners } from '../../app/triage/assign-owners';
import { declineRequest } from '../../app/triage/decline-request';
import { mergeRequest } from '../../app/triage/merge-request';
import { showTriage } from '../../app/triage/show-triage';
import { PRIORITIES } from '../../domain/project';
import type { TriageView } from '../../domain/triage';
import { questionCard } from '../../presenters/question';
import { triageCard } from '../../presenters/triage';
import { card, type Reply } from '../reply';
import { optionalTyped, personId, reference, toggle, typed, version } from './schemas';
import { verb, view } from './verb';

/** The DSG's actions on a triage card, and the requester's answer to a question. */

const decided = { reference, version };

/** The triage card as it now stands, with the strand's Digital Leader @mentioned (as in the channel). */
const triageCardOf = async (found: Promise<TriageView>) => triageCard({ ...(await found), mentionLeader: true });
const triage = async (found: Promise<TriageView>): Promise<Reply> => card(await triageCardOf(found));

export const requestApprove = verb(
  'request.approve',
  z.object({ ...decided, priority: z.enum(PRIORITIES, { error: 'choose a priority (high, medium or low)' }), isPriority: toggle, note: optionalTyped() }).loose(),
  ({ deps, actor }, d) => triage(approveRequest(deps, actor, d.reference, d.version, { priority: d.priority, isPriority: d.isPriority, note: d.note })),
);

export const requestDecline = verb('request.decline', z.object({ ...decided, reason: typed('the reason') }).loose(), ({ deps, actor }, d) =>
  triage(declineRequest(deps, actor, d.reference, d.version, d.reason)),
);

export const requestAsk = verb('request.ask', z.object({ ...decided, question: typed('the question') }).loose(), ({ deps, actor }, d) =>
  triage(askForInformation(deps, actor, d.reference, d.version, d.question)),
);

export const requestMerge = verb('request.merge', z.object({ ...decided, duplicateOf: reference }).loose(), ({ deps, actor }, d) =>
  triage(mergeRequest(deps, actor, d.reference, d.version, d.duplicateOf)),
);

const assignment = z.object({ ...decided, digitalLeader: personId, projectLead: personId, projectManager: personId }).loose();

export const requestAssign = verb('request.assign', assignment, ({ deps, actor }, d) =>
  triage(assignOwners(deps, actor, d.reference, d.version, { digitalLeader: d.digitalLeader, projectLead: d.projectLead, projectManager: d.projectManager })),
);

export const requestAnswer = verb('request.answer', z.object({ reference, answer: typed('your answer') }).loose(), async ({ deps, actor }, d) => {
  const { request, question } = await answerQuestion(deps, actor, d.reference, d.answer);
  return card(questionCard(request, question, true));
});

export const requestTriage = view('request.triage', { reference }, ({ deps, actor }, d) => triageCardOf(showTriage(deps, actor, d.reference)));
