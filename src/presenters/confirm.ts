import { ukDate, ukDateTime } from '../domain/dates';
import { DROP_REASON_MAX, MILESTONE_FATE_LABELS, MILESTONE_FATES, milestoneWords, openMilestones, openMilestonesWords } from '../domain/guards';
import type { Project } from '../domain/project';
import { type ProjectRequest, STATUS_LABELS } from '../domain/request';
import type { Solution } from '../domain/solutions';
import type { Question } from '../domain/triage';
import { CARD_BUDGET_BYTES } from './fit';
import { nonBlank } from './format';
import { type AdaptiveCardJson, cardBytes, render } from './render';
import type { ConfirmData } from './types';

type ActionData = ConfirmData['confirm']['data'];

/** A confirmation: what will happen, what is still open, and the press that does it. */
export interface Confirmation {
  /** 'Mark DP-2026-0011 completed?' */
  question: string;
  happens: string[];
  stillOpen: string[];
  /** The verb of the guarded press; Confirm sends it with `step: 'confirm'`, Cancel with `step: 'cancel'`. */
  verb: string;
  /** What the verb needs (reference, version, what was typed): both buttons carry it. */
  data: ActionData;
  confirmTitle: string;
  /** The title of the button that does nothing: 'Cancel' unless said. */
  cancelTitle?: string;
  /** The Confirm button is red when what it does cannot be taken back by the person. */
  destructive: boolean;
  problem?: string;
  choice?: ConfirmData['choice'];
  text?: ConfirmData['text'];
}

/** Host body elements kept when the card is too big with the confirmation on top: the heading lines. */
const HEADING_ELEMENTS = 3;

/** The card's body with nothing to press or type: while a confirmation is open, only Confirm and Cancel work. */
function readOnly(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node
      .filter((n) => !(n && typeof n === 'object' && (/^Input\./.test(String((n as { type?: unknown }).type)) || (n as { type?: unknown }).type === 'ActionSet')))
      .map(readOnly);
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'selectAction').map(([k, v]) => [k, readOnly(v)]));
  }
  return node;
}

/**
 * The one way a press that is hard to take back asks first: the same card, with the confirmation on top (from
 * `cards/confirm.json`) and everything else on it read-only, so the person sees what they are acting on. Cancel
 * draws the card as it was; Confirm does it.
 */
export function withConfirmation(host: AdaptiveCardJson, c: Confirmation): AdaptiveCardJson {
  const step = (s: 'confirm' | 'cancel') => ({ data: { ...c.data, step: s }, fallbackData: { verb: c.verb, ...c.data, step: s } });
  const data: ConfirmData = {
    question: c.question,
    happens: c.happens.filter((l) => nonBlank(l)).map((text) => ({ text })),
    stillOpen: c.stillOpen.map((text) => ({ text })),
    verb: c.verb,
    confirm: { title: c.confirmTitle, destructive: c.destructive, ...step('confirm') },
    cancel: { title: c.cancelTitle ?? 'Cancel', ...step('cancel') },
    ...(c.problem && { problem: c.problem }),
    ...(c.choice && { choice: c.choice }),
    ...(c.text && { text: c.text }),
  };
  const panel = render('confirm', data).body ?? [];
  const body = readOnly(host.body ?? []) as unknown[];
  const { actions: _actions, ...rest } = host;
  const card: AdaptiveCardJson = { ...rest, body: [...panel, ...body] };
  return cardBytes(card) <= CARD_BUDGET_BYTES ? card : { ...rest, body: [...panel, ...body.slice(0, HEADING_ELEMENTS)] };
}

/** What a form sends back: a problem per input and what was typed. */
interface Typed {
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/** Completing a project: what happens, its open milestones, and (when some are open) what becomes of them. */
export function completeConfirmation(request: ProjectRequest, project: Project, today: string, typed: Typed = {}): Confirmation {
  const open = openMilestones(project, today);
  const words = openMilestonesWords(open);
  const errors = typed.errors ?? {};
  const values = typed.values ?? {};
  const fate = (MILESTONE_FATES as readonly string[]).includes(values.fate ?? '') ? (values.fate as string) : '';
  return {
    question: `Mark ${request.reference} completed?`,
    happens: [
      `"${request.title}" leaves delivery and shows as completed in the programme, the digest and the tab. The requester is told.`,
      'Only the DSG chair or an admin can reopen it.',
      words ? '' : 'No milestones are still open.',
    ],
    stillOpen: words ? [words, ...open.late.map((m) => `Late: ${milestoneWords(m)}`), ...open.planned.map((m) => `Planned: ${milestoneWords(m)}`)] : [],
    verb: 'project.status',
    data: { reference: request.reference, version: project.version, status: 'completed' },
    confirmTitle: 'Mark project completed',
    destructive: true,
    ...(Object.keys(errors).length > 0 && { problem: 'Not completed yet: answer the question below.' }),
    ...(words && {
      choice: {
        id: 'fate',
        label: `What becomes of the ${words}?`,
        value: fate,
        errorMessage: 'Choose what becomes of the open milestones.',
        choices: MILESTONE_FATES.map((f) => ({ title: MILESTONE_FATE_LABELS[f], value: f })),
        ...(errors.fate && { error: errors.fate }),
      },
      text: {
        id: 'dropReason',
        label: 'Reason for dropping them (required if you drop them)',
        value: Array.from(values.dropReason ?? '').slice(0, DROP_REASON_MAX).join(''),
        maxLength: DROP_REASON_MAX,
        ...(errors.dropReason && { error: errors.dropReason }),
      },
    }),
  };
}

/** "The DSG's question from DSG Chair on 3 Dec 2026, 10:00 is not answered: …" */
const openQuestionLine = (q: Question | null): string[] => (q ? [`The DSG's question from ${q.askedBy} on ${ukDateTime(q.askedAt)} is not answered: ${q.question}`] : []);

/** The requester withdrawing their request. */
export function withdrawConfirmation(request: ProjectRequest, question: Question | null): Confirmation {
  return {
    question: `Withdraw ${request.reference}?`,
    happens: [`The DSG stops considering "${request.title}", and its card in the DSG channel says you withdrew it.`, 'You can undo this until the DSG acts on it.'],
    stillOpen: [`Waiting for a DSG decision since ${ukDate(request.createdAt.slice(0, 10))} (${STATUS_LABELS[request.status].toLowerCase()})`, ...openQuestionLine(question)],
    verb: 'request.withdraw',
    data: { reference: request.reference, version: request.version },
    confirmTitle: 'Withdraw request',
    destructive: true,
  };
}

/** A DSG member declining a request, with the reason they typed. */
export function declineConfirmation(request: ProjectRequest, question: Question | null, reason: string): Confirmation {
  return {
    question: `Decline ${request.reference}?`,
    happens: [`"${request.title}" is declined, which is final.`, `${request.requesterName} is told, with your reason: ${reason}`],
    stillOpen: openQuestionLine(question),
    verb: 'request.decline',
    data: { reference: request.reference, version: request.version, reason },
    confirmTitle: 'Decline',
    destructive: true,
  };
}

/** A DSG member closing a request as "Re-use an existing solution". */
export function reuseConfirmation(request: ProjectRequest, question: Question | null, solution: { id: string; name: string; owningService: string }, note: string | null): Confirmation {
  return {
    question: `Close ${request.reference} as "Re-use an existing solution"?`,
    happens: [`"${request.title}" is closed: the council already has ${solution.name}, which is final.`, `${request.requesterName} is told to use ${solution.name}, owned by ${solution.owningService}.`],
    stillOpen: openQuestionLine(question),
    verb: 'request.reuse',
    data: { reference: request.reference, version: request.version, solutionId: solution.id, ...(note && { reuseNote: note }) },
    confirmTitle: 'Re-use this solution',
    destructive: false,
  };
}

/** A DSG member marking a request as a duplicate of another. */
export function mergeConfirmation(request: ProjectRequest, question: Question | null, into: Pick<ProjectRequest, 'reference' | 'title'>): Confirmation {
  return {
    question: `Mark ${request.reference} as a duplicate of ${into.reference}?`,
    happens: [`"${request.title}" is closed as a duplicate of ${into.reference} "${into.title}", which is final.`, `${request.requesterName} is told to follow ${into.reference}.`],
    stillOpen: openQuestionLine(question),
    verb: 'request.merge',
    data: { reference: request.reference, version: request.version, duplicateOf: into.reference },
    confirmTitle: 'Mark as duplicate',
    destructive: true,
  };
}

/** A Digital Leader retiring a catalogue entry from their reminder (`data`: the reminder item's action data). */
export function retireConfirmation(solution: Pick<Solution, 'name' | 'owningService' | 'contractEnds'>, data: ActionData, today: string): Confirmation {
  const ends = solution.contractEnds ? `Its licence or contract ${solution.contractEnds <= today ? 'ended' : 'ends'} on ${ukDate(solution.contractEnds)}.` : '';
  return {
    question: `Retire ${solution.name} from the catalogue?`,
    happens: [
      `${solution.name} (${solution.owningService}) stays on record, marked retired, but is no longer offered for re-use: not to requesters, not to the DSG, not in its decisions.`,
      'The DSG and admins can put it back in use from the catalogue.',
      ends,
    ],
    stillOpen: [],
    verb: 'reminder.retire',
    data,
    confirmTitle: 'Retire it',
    cancelTitle: 'Keep it',
    destructive: true,
  };
}
