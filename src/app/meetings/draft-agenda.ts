import { arrangeAgenda } from '../../domain/agenda-plan';
import { type AgendaItem, deferredItems, draftAgenda } from '../../domain/meetings';
import { HIGH_RISK_SCORE } from '../../domain/risks';
import type { Deps } from '../deps';
import type { Repositories } from '../ports';
import { gateAgendaItems, standardOf } from '../gates/project-gates';

/** The agenda for the next meeting, drafted from the programme as it stands now. */
export async function draftNextAgenda(deps: Pick<Deps, 'clock' | 'calendar' | 'serviceStandard'>, repos: Repositories): Promise<AgendaItem[]> {
  const today = deps.calendar.londonDate(deps.clock.now());
  const [waitingPage, programme, reminders, openActions, additions, meetings, gates, highRisks] = await Promise.all([
    repos.requests.listByStatus(['submitted', 'under-review'], 0, 10_000),
    repos.projects.listWithHeadlines(),
    repos.reminders.all(),
    repos.meetings.openActions(),
    repos.meetings.pendingAdditions(),
    repos.meetings.list(),
    repos.gates.pending(),
    repos.risks.openScoringAtLeast(HIGH_RISK_SCORE),
  ]);
  // Only a request back under review can have had its question answered.
  const waiting = await Promise.all(
    waitingPage.items.map(async (request) => ({ request, triage: request.status === 'under-review' ? await repos.triage.get(request.reference) : null })),
  );
  const last = meetings.find((m) => m.status === 'ended') ?? null;
  const gateRequests = gateAgendaItems(standardOf(deps), gates, programme);
  return draftAgenda({ waiting, programme, reminders, openActions, highRisks, deferred: deferredItems(last), additions, gateRequests, today });
}

/** The drafted agenda as the chair or the Minute Taker arranged it (order, items taken off), with the plan's version. */
export async function arrangedNextAgenda(deps: Pick<Deps, 'clock' | 'calendar' | 'serviceStandard'>, repos: Repositories): Promise<{ items: AgendaItem[]; removed: AgendaItem[]; planVersion: number; draft: AgendaItem[] }> {
  const [draft, plan] = await Promise.all([draftNextAgenda(deps, repos), repos.meetings.agendaPlan()]);
  return { ...arrangeAgenda(draft, plan), planVersion: plan.version, draft };
}
