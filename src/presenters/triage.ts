import { digitalLeaderTitle, principleName, routeName, strandName } from '../domain/catalogue';
import { ukDateTime } from '../domain/dates';
import { PRIORITIES, PRIORITY_LABELS } from '../domain/project';
import { LIMITS } from '../domain/request-form';
import { ASSIGNABLE_STATUSES, canTransition, DECIDABLE_STATUSES, daysWaiting, waitingForRequesterSince } from '../domain/request';
import type { PersonRef } from '../domain/settings';
import { MAX_SIMILAR_SHOWN } from '../domain/similarity';
import type { Question, Triage, TriageView } from '../domain/triage';
import { pounds } from '../domain/words';
import { fitToSize } from './fit';
import { withRefresh } from './refresh';
import { checkedWords, clip, decisionLine, escapeMarkdown, nameOf, nonBlank, ownerLines, priorityWords, statusLabel, submittedAgo, summaryOf, waitingForRequesterWords } from './format';
import { type PersonChoice, peopleChoices, peopleNote } from './people';
import type { AdaptiveCardJson } from './render';
import type { TriageData } from './types';

/** Long texts on the triage card (problem, justification, questions, answers, decision note) are clipped to this. */
export const TRIAGE_TEXT_CHARS = 600;
/** What someone who may not decide reads on the card instead of its actions. */
export const READ_ONLY_NOTE = 'Members of the Digital Strategy Group decide on requests: they see the decision actions on this card.';

/** Most recent questions shown on the triage card. */
const MAX_QUESTIONS_SHOWN = 5;

/** Less and less detail, until the card fits: first fewer people and requests to choose from, then shorter texts. */
const TRIAGE_LEVELS = [
  { text: TRIAGE_TEXT_CHARS, people: 60, targets: 50 },
  { text: TRIAGE_TEXT_CHARS, people: 40, targets: 30 },
  { text: TRIAGE_TEXT_CHARS, people: 25, targets: 20 },
  { text: 400, people: 25, targets: 20 },
  { text: 250, people: 15, targets: 10 },
  { text: 150, people: 10, targets: 5 },
  { text: 80, people: 5, targets: 5 },
] as const;

export interface TriageCardInput extends Omit<TriageView, 'triage' | 'people'> {
  /** Null before anything was decided or asked. */
  triage: Triage | null;
  /** Who may be assigned: the people themselves, or `{ title: name, value: aadObjectId }`. */
  people: readonly PersonChoice[];
  /** @-mention the Digital Leader (the card posted in the channel does; Teams then tells them). */
  mentionLeader?: boolean;
  /** Drawn for someone who may not decide: the card without its decision actions, saying so. */
  readOnly?: boolean;
  /** Those whose Teams shows them their own view of this card (`triage.refresh`); absent, everyone sees this one. */
  refreshFor?: readonly string[] | null;
}

/** `<at>Name</at>`: the text of a mention, in a TextBlock (Markdown), so the name is escaped (and cannot close the tag). */
const mentionText = (person: PersonRef): string => `<at>${escapeMarkdown(person.name.replace(/[<>]/g, ''))}</at>`;

/**
 * The DSG's card for one request, posted as a thread in the DSG channel and updated after each action.
 * Decisions (Approve, Decline, Ask, Mark as duplicate) while the request is open; Assign and Open project
 * once it is a project; every decision carries the request version.
 */
export function triageCard(input: TriageCardInput): AdaptiveCardJson {
  const { request, triage, project } = input;
  const acts = !input.readOnly;
  const canDecide = acts && DECIDABLE_STATUSES.includes(request.status);
  const owners = project ? [project.digitalLeader, project.projectLead, project.projectManager] : [];
  const mergeable = input.mergeTargets.filter((r) => r.reference !== request.reference).map((r) => ({ title: `${r.reference} ${r.title}`, value: r.reference }));
  const leader = input.mentionLeader && input.leader?.aadObjectId ? input.leader : null;
  const askedSince = waitingForRequesterSince(request);
  const age = submittedAgo(daysWaiting(request, input.today)) + (askedSince ? ` · ${waitingForRequesterWords(askedSince)}` : '');

  const card = fitToSize('triage', TRIAGE_LEVELS, (level) => {
    const people = peopleChoices(input.people, owners, level.people);
    const data: TriageData = {
      reference: request.reference,
      title: request.title,
      statusLabel: statusLabel(request.status),
      strandName: strandName(request.strand),
      digitalLeaderTitle: digitalLeaderTitle(request.strand),
      leaderName: nameOf(input.leader, 'not set in the DSG settings'),
      requesterName: nonBlank(request.requesterName) ?? 'Unknown',
      age,
      summary: summaryOf(request.problem, level.text),
      principles: request.principles.map(principleName).join(', '),
      routeName: routeName(request.route),
      personalData: request.personalData ? 'Yes – a data protection impact assessment will be needed' : 'No',
      similar: input.similar.slice(0, MAX_SIMILAR_SHOWN).map((s) => ({
        reference: s.reference,
        title: clip(s.title, LIMITS.title),
        statusLabel: statusLabel(s.status),
      })),
      questions: (triage?.questions ?? []).slice(-MAX_QUESTIONS_SHOWN).map((q) => questionLine(q, level.text)),
      projectOwners: project ? ownerLines(project) : [],
      hasProject: project !== null,
      canDecide,
      canMerge: acts && canTransition(request.status, 'merged'),
      canAssign: acts && project !== null && ASSIGNABLE_STATUSES.includes(request.status) && people.choices.length > 0,
      canPrioritise: acts && project !== null && ASSIGNABLE_STATUSES.includes(request.status),
      priority: project?.priority ?? '',
      isPriority: project?.isPriority ? 'true' : 'false',
      priorities: PRIORITIES.map((p) => ({ title: PRIORITY_LABELS[p], value: p })),
      mergeTargets: mergeable.slice(0, level.targets).map((c) => ({ title: clip(nonBlank(c.title) ?? c.value, 90), value: c.value })),
      hasMergeTargets: mergeable.length > 0,
      canReuse: acts && canTransition(request.status, 'reused') && (input.solutions ?? []).length > 0,
      reuseChoices: (input.solutions ?? []).slice(0, level.targets).map((s) => ({ title: clip(`${s.name} (${s.owningService})`, 90), value: s.id })),
      people: people.choices,
      owners: {
        digitalLeader: project?.digitalLeader?.aadObjectId ?? '',
        projectLead: project?.projectLead?.aadObjectId ?? '',
        projectManager: project?.projectManager?.aadObjectId ?? '',
      },
      version: request.version,
      projectVersion: project?.version ?? 0,
    };
    if (leader) data.leaderMention = mentionText(leader);
    if (!acts) data.viewNote = READ_ONLY_NOTE;
    const checked = checkedWords(input.checked ?? null);
    if (checked) data.checked = checked;
    const justification = nonBlank(request.routeJustification);
    if (justification) data.routeJustification = summaryOf(justification, level.text);
    if (request.oneOffCost !== null) data.oneOffCost = pounds(request.oneOffCost);
    if (request.annualBenefit !== null) data.annualBenefit = pounds(request.annualBenefit);
    if (triage?.lastDecision) data.lastDecision = decisionLine(triage.lastDecision, level.text);
    if (triage?.duplicateOf) data.duplicateOf = triage.duplicateOf;
    if (project) data.priorityLabel = priorityWords(project);
    const note = peopleNote(people.choices.length, people.total);
    if (note) data.peopleNote = note;
    return data;
  });
  // Teams turns the <at> text into a mention (and tells the person) only with this entity beside it.
  if (leader) card.msteams = { entities: [{ type: 'mention', text: mentionText(leader), mentioned: { id: leader.aadObjectId, name: leader.name } }] };
  return input.refreshFor ? withRefresh(card, 'triage.refresh', { reference: request.reference }, input.refreshFor) : card;
}

function questionLine(q: Question, chars: number): TriageData['questions'][number] {
  const line: TriageData['questions'][number] = {
    asked: `Asked by ${nonBlank(q.askedBy) ?? 'dsg-bot'} on ${ukDateTime(q.askedAt)}`,
    question: clip(nonBlank(q.question) ?? '(no question text)', chars),
    answered: q.answer !== null ? `Answered ${q.answeredAt ? ukDateTime(q.answeredAt) : ''}`.trim() : 'Not answered yet',
  };
  const answer = nonBlank(q.answer);
  if (answer) line.answer = clip(answer, chars);
  return line;
}
