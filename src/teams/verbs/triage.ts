import { z } from 'zod';
import { approveRequest } from '../../app/triage/approve-request';
import { askForInformation } from '../../app/triage/ask-for-information';
import { answerQuestion } from '../../app/triage/answer-question';
import { assignOwners } from '../../app/triage/assign-owners';
import { declineRequest } from '../../app/triage/decline-request';
import { mergeRequest } from '../../app/triage/merge-request';
import { showTriage } from '../../app/triage/show-triage';
import { PRIORITIES } from '../../domain/project';
import { card } from '../reply';
import { optionalTyped, personId, reference, toggle, typed, version } from './schemas';
import { verb } from './verb';

/** The DSG's actions on a triage card, and the requester's answer to a question. */

const decided = { reference, version };

export const requestApprove = verb(
  'request.approve',
  z.object({ ...decided, priority: z.enum(PRIORITIES, { error: 'choose a priority (high, medium or low)' }), isPriority: toggle, note: optionalTyped() }).loose(),
  async ({ deps, actor }, d) => card(await approveRequest(deps, actor, d.reference, d.version, { priority: d.priority, isPriority: d.isPriority, note: d.note })),
);

export const requestDecline = verb('request.decline', z.object({ ...decided, reason: typed('the reason') }).loose(), async ({ deps, actor }, d) =>
  card(await declineRequest(deps, actor, d.reference, d.version, d.reason)),
);

export const requestAsk = verb('request.ask', z.object({ ...decided, question: typed('the question') }).loose(), async ({ deps, actor }, d) =>
  card(await askForInformation(deps, actor, d.reference, d.version, d.question)),
);

export const requestMerge = verb('request.merge', z.object({ ...decided, duplicateOf: reference }).loose(), async ({ deps, actor }, d) =>
  card(await mergeRequest(deps, actor, d.reference, d.version, d.duplicateOf)),
);

const assignment = z.object({ ...decided, digitalLeader: personId, projectLead: personId, projectManager: personId }).loose();

export const requestAssign = verb('request.assign', assignment, async ({ deps, actor }, d) =>
  card(await assignOwners(deps, actor, d.reference, d.version, { digitalLeader: d.digitalLeader, projectLead: d.projectLead, projectManager: d.projectManager })),
);

export const requestAnswer = verb('request.answer', z.object({ reference, answer: typed('your answer') }).loose(), async ({ deps, actor }, d) =>
  card(await answerQuestion(deps, actor, d.reference, d.answer)),
);

export const requestTriage = verb('request.triage', z.object({ reference }).loose(), async ({ deps, actor }, d) => card(await showTriage(deps, actor, d.reference)));
