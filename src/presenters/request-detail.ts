import { type AuditEvent, actionWords, isHistoryEvent } from '../domain/audit';
import { beneficiaryName, digitalLeaderTitle, principleName, routeName, strandName } from '../domain/catalogue';
import { ukDate, ukDateTime } from '../domain/dates';
import { type ProjectRequest, STATUS_LABELS, waitingForRequesterSince } from '../domain/request';
import type { Question } from '../domain/triage';
import { pounds } from '../domain/words';
import { fitToSize } from './fit';
import { checkedWords, clip, nonBlank, questionWords } from './format';
import type { CheckedSolution } from '../domain/solutions';
import type { AdaptiveCardJson } from './render';
import type { HistoryLine, RequestDetailData } from './types';

/** Most recent history lines shown; older ones are counted in a note. */
export const MAX_HISTORY_SHOWN = 10;
const SHORTENED = ' … (shortened to fit this card)';
const LONG_FIELDS = ['problem', 'outcome', 'principlesHow', 'reuseChecked', 'routeJustification'] as const;
/**
 * Characters each long text keeps, from all of it to the least: plain 4,000-character texts fit whole; only long
 * texts in a script with multi-byte characters are shortened (never below 400 characters).
 */
const DETAIL_LEVELS = [Infinity, 3000, 2400, 1800, 1400, 1000, 700, 400] as const;

function historyLines(events: readonly AuditEvent[]): { lines: HistoryLine[]; omitted: number } {
  const done = events.filter(isHistoryEvent).sort((a, b) => a.at.localeCompare(b.at));
  const shown = done.slice(-MAX_HISTORY_SHOWN);
  return {
    lines: shown.map((e) => ({
      when: ukDateTime(e.at),
      who: nonBlank(e.actorName)?.trim() ?? 'dsg-bot',
      what: actionWords(e.action, e.after),
    })),
    omitted: done.length - shown.length,
  };
}

/**
 * The requester's view of their request: in full, with its history; the Withdraw button only when `canWithdraw`,
 * Undo withdrawal when `extra.canUndoWithdraw`; while the DSG waits for them, since when, and the open
 * `extra.question` with an answer box.
 */
export function requestDetailCard(
  request: ProjectRequest,
  history: readonly AuditEvent[],
  canWithdraw: boolean,
  extra: { canUndoWithdraw?: boolean; notice?: string; question?: Question | null; checked?: CheckedSolution } = {},
): AdaptiveCardJson {
  const { lines, omitted } = historyLines(history);
  const data: RequestDetailData = {
    reference: request.reference,
    title: request.title,
    statusLabel: STATUS_LABELS[request.status] ?? request.status,
    strandName: strandName(request.strand),
    digitalLeaderTitle: digitalLeaderTitle(request.strand),
    requesterName: nonBlank(request.requesterName)?.trim() ?? 'Unknown',
    submitted: ukDateTime(request.createdAt),
    updated: ukDateTime(request.updatedAt),
    problem: request.problem,
    outcome: request.outcome,
    beneficiaries: request.beneficiaries.map(beneficiaryName).join(', '),
    principles: request.principles.map(principleName).join(', '),
    principlesHow: request.principlesHow,
    reuseChecked: request.reuseChecked,
    routeName: routeName(request.route),
    personalData: request.personalData ? 'Yes – a data protection impact assessment will be needed' : 'No',
    history: lines,
    canWithdraw,
    canUndoWithdraw: extra.canUndoWithdraw ?? false,
    version: request.version,
  };
  if (extra.notice) data.notice = extra.notice;
  const checked = checkedWords(extra.checked ?? null);
  if (checked) data.checked = checked;
  // Shown as typed (like the other long texts), when there is one.
  if (request.routeJustification && nonBlank(request.routeJustification)) data.routeJustification = request.routeJustification;
  if (request.oneOffCost !== null) data.oneOffCost = pounds(request.oneOffCost);
  if (request.annualBenefit !== null) data.annualBenefit = pounds(request.annualBenefit);
  if (request.desiredStart) data.desiredStart = ukDate(request.desiredStart);
  const askedSince = waitingForRequesterSince(request);
  if (askedSince) data.waitingSince = ukDate(askedSince);
  if (extra.question) data.question = questionWords(extra.question);
  if (omitted > 0) data.historyNote = omitted === 1 ? '1 earlier change is not shown.' : `${omitted} earlier changes are not shown.`;
  return fitToSize('request-detail', DETAIL_LEVELS, (chars) => {
    const fitted = { ...data };
    for (const f of LONG_FIELDS) {
      const text = data[f];
      if (text !== undefined && Array.from(text).length > chars) fitted[f] = clip(text, chars).replace(/…$/, SHORTENED);
    }
    return fitted;
  });
}
