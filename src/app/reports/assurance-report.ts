import { type AssuranceReport, assuranceReport, parseQuarter, type Quarter, quarterOf } from '../../domain/assurance';
import { addDays, londonInstant } from '../../domain/calendar';
import { assuranceGates } from '../gates/project-gates';
import { DomainError } from '../../domain/errors';
import { HIGH_RISK_SCORE, liveProjectTitles, topRisks } from '../../domain/risks';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { healthRules } from '../projects/view-project';
import { refuse } from '../refuse';
import { DOWNLOAD_LINK_HOURS } from './report-links';
import { dsgContext } from '../triage/dsg-context';

/** The quarter's report from the store (no permission check: the download link is the permission). */
export async function buildAssuranceReport(deps: Pick<Deps, 'store' | 'clock' | 'calendar' | 'reminders' | 'serviceStandard'>, quarter: Quarter): Promise<AssuranceReport> {
  const today = deps.calendar.londonDate(deps.clock.now());
  const midnightAfter = (day: string) => londonInstant(addDays(day, 1), '00:00').toISOString();
  const [programme, healthBefore, healthAtEnd, openActions, highRisks] = await Promise.all([
    deps.store.projects.listWithRequests(),
    // Where each project stood at the last report: before the quarter began (midnight, London).
    deps.store.projects.healthBefore(midnightAfter(addDays(quarter.first, -1))),
    // A quarter already over is reported as it ended, whatever was set since.
    quarter.last < today ? deps.store.projects.healthBefore(midnightAfter(quarter.last)) : undefined,
    deps.store.meetings.openActions(),
    deps.store.risks.openScoringAtLeast(HIGH_RISK_SCORE),
  ]);
  const gates = await assuranceGates(deps, deps.store, programme, quarter.first, addDays(quarter.last, 1), today);
  return assuranceReport({ quarter, today, programme, health: healthRules(deps), healthBefore, ...(healthAtEnd && { healthAtEnd }), openActions, topRisks: topRisks(highRisks, liveProjectTitles(programme)), ...gates });
}

/** A quarter as typed ("2026 Q3"), or the current one when none is given. */
export function chosenQuarter(deps: Pick<Deps, 'clock' | 'calendar'>, typed: string | null): Quarter {
  if (!typed) return quarterOf(deps.calendar.londonDate(deps.clock.now()));
  const quarter = parseQuarter(typed);
  if (!quarter) throw new DomainError('INVALID_FIELD', `"${typed}" is not a quarter: write it like 2026 Q3.`, { field: 'quarter' });
  return quarter;
}

/** `report assurance 2026 Q3`, by DSG members and admins; the current quarter when none is given. */
export async function viewAssuranceReport(deps: Deps, actor: Actor, typed: string | null): Promise<AssuranceReport> {
  const { settings, members } = await dsgContext(deps);
  if (!isAllowed('report.assurance', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, 'report.assurance', { subjectType: 'settings', subjectId: 'report' }, 'Only members of the Digital Strategy Group and admins can see the assurance report.');
  }
  return buildAssuranceReport(deps, chosenQuarter(deps, typed));
}

export type AssuranceFormat = 'docx' | 'csv';

/** Where a quarter's report is downloaded from: `/reports/assurance/2026-Q3.docx`. */
export const assurancePath = (quarter: Quarter, format: AssuranceFormat): string => `/reports/assurance/${quarter.name.replace(' ', '-')}.${format}`;

/** Signed links to download the quarter's report, valid for DOWNLOAD_LINK_HOURS. */
export function assuranceLinks(deps: Pick<Deps, 'reportLinks' | 'clock'>, quarter: Quarter): { docx: string; csv: string; expiresAt: string } {
  const now = deps.clock.now();
  const docx = deps.reportLinks.signPath(assurancePath(quarter, 'docx'), now, DOWNLOAD_LINK_HOURS);
  return { docx: docx.url, csv: deps.reportLinks.signPath(assurancePath(quarter, 'csv'), now, DOWNLOAD_LINK_HOURS).url, expiresAt: docx.expiresAt };
}

/**
 * GET /reports/assurance/2026-Q3.docx?expires=…&token=…: the report drawn afresh, when the signed link is good;
 * anything else refused with the reason (403 for a missing, altered or expired token).
 */
export async function downloadAssuranceReport(
  deps: Pick<Deps, 'store' | 'clock' | 'calendar' | 'reminders' | 'serviceStandard' | 'reportLinks'>,
  file: string,
  expires: string | undefined,
  token: string | undefined,
): Promise<{ ok: true; format: AssuranceFormat; fileName: string; report: AssuranceReport } | { ok: false; status: 403 | 404; error: string }> {
  const m = /^(\d{4})-Q([1-4])\.(docx|csv)$/.exec(file);
  const quarter = m ? parseQuarter(`${m[1]} Q${m[2]}`) : null;
  if (!m || !quarter) return { ok: false, status: 404, error: 'There is no such report. Report links look like /reports/assurance/2026-Q3.docx?expires=…&token=…' };
  const format = m[3] as AssuranceFormat;
  const refusal = deps.reportLinks.pathRefusal(assurancePath(quarter, format), expires, token, deps.clock.now(), {
    what: 'report link',
    hours: DOWNLOAD_LINK_HOURS,
    again: `Ask the bot for a new link: type "report assurance ${quarter.name}".`,
  });
  if (refusal) return { ok: false, status: 403, error: refusal };
  return { ok: true, format, fileName: `DSG assurance report ${quarter.name}.${format}`, report: await buildAssuranceReport(deps, quarter) };
}
