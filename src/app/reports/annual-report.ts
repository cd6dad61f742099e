import { type AnnualReport, annualReport, reportCsv } from '../../domain/annual-report';
import { parseFinancialYear } from '../../domain/figures';
import { DECISION_ACTIONS } from '../../domain/triage';
import type { ReportFormat } from './report-links';
import { addDays, londonInstant } from '../../domain/calendar';
import { financialYearOf } from '../../domain/project';
import type { ProgrammeRecord } from '../../domain/open-data';
import { DomainError } from '../../domain/errors';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { dsgContext } from '../triage/dsg-context';


/**
 * When each completed project was completed (London date): its last change of status to completed on record;
 * a project completed without one (imported, or seeded) was completed when its request last changed.
 */
export async function completionDates(deps: Pick<Deps, 'store' | 'calendar'>, programme: readonly ProgrammeRecord[]): Promise<Map<string, string>> {
  const completedOn = new Map<string, string>();
  for (const e of await deps.store.audit.done(['project.status'], '', '9999')) {
    if ((e.after as { status?: string } | null)?.status === 'completed') completedOn.set(e.subjectId, deps.calendar.londonDate(new Date(e.at)));
  }
  for (const { request } of programme) {
    if (request.status === 'completed' && !completedOn.has(request.reference)) completedOn.set(request.reference, deps.calendar.londonDate(new Date(request.updatedAt)));
  }
  return completedOn;
}

/** The year's report from the store (no permission check: the download link is the permission). */
export async function buildAnnualReport(deps: Pick<Deps, 'store' | 'clock' | 'calendar'>, financialYear: string): Promise<AnnualReport> {
  const year = parseFinancialYear(financialYear);
  if (!year) throw new DomainError('INVALID_FIELD', `"${financialYear}" is not a financial year: write it like 2026/27.`, { field: 'year' });
  const from = londonInstant(year.first, '00:00').toISOString();
  const to = londonInstant(addDays(year.last, 1), '00:00').toISOString();
  const events = await deps.store.audit.done(Object.keys(DECISION_ACTIONS), from, to);
  const programme = await deps.store.projects.listWithRequests();
  const completedOn = await completionDates(deps, programme);
  return annualReport({
    financialYear: year.name,
    today: deps.calendar.londonDate(deps.clock.now()),
    programme,
    decisions: events.map((e) => ({ reference: e.subjectId, action: DECISION_ACTIONS[e.action], at: e.at })),
    completedOn,
  });
}

/** `report annual 2026/27`, by DSG members and admins; the current financial year when none is given. */
export async function viewAnnualReport(deps: Deps, actor: Actor, financialYear: string | null): Promise<AnnualReport> {
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('report.annual', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, 'report.annual', { subjectType: 'settings', subjectId: 'report' }, 'Only members of the Digital Strategy Group and admins can see the annual report.');
  }
  return buildAnnualReport(deps, financialYear ?? financialYearOf(deps.calendar.londonDate(deps.clock.now())));
}

export type Download = { ok: true; format: ReportFormat; fileName: string; body: string } | { ok: false; status: 403 | 404; error: string };

/**
 * GET /reports/annual/2026-27.csv?expires=…&token=…: the full report, when the signed link is good.
 * Anything else is refused with the reason (403 for a missing, altered or expired token).
 */
export async function downloadAnnualReport(deps: Pick<Deps, 'store' | 'clock' | 'calendar' | 'reportLinks'>, file: string, expires: string | undefined, token: string | undefined): Promise<Download> {
  const m = /^(\d{4}-\d{2})\.(csv|json)$/.exec(file);
  const year = m ? parseFinancialYear(m[1]) : null;
  if (!m || !year) return { ok: false, status: 404, error: 'There is no such report. Report links look like /reports/annual/2026-27.csv?expires=…&token=…' };
  const format = m[2] as ReportFormat;
  const refusal = deps.reportLinks.refusal(year.name, format, expires, token, deps.clock.now());
  if (refusal) return { ok: false, status: 403, error: refusal };
  const report = await buildAnnualReport(deps, year.name);
  const fileName = `dsg-annual-report-${m[1]}.${format}`;
  return { ok: true, format, fileName, body: format === 'csv' ? reportCsv(report) : JSON.stringify(report, null, 2) };
}
