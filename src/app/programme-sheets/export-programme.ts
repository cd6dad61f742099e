import { parseFinancialYear } from '../../domain/figures';
import { addDays, londonInstant } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { isAllowed, rolesFor } from '../../domain/permissions';
import type { Actor } from '../../domain/people';
import { programmeExportSheets } from '../../domain/programme-export';
import type { SheetOutput } from '../../domain/programme-workbook';
import { financialYearOf } from '../../domain/project';
import { REQUEST_STATUSES } from '../../domain/request';
import { DECISION_ACTIONS } from '../../domain/triage';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { DOWNLOAD_LINK_HOURS, type LinkWords, type ReportLink } from '../reports/report-links';
import { refuse } from '../refuse';
import { completionDates } from '../reports/annual-report';
import { dsgContext } from '../triage/dsg-context';

/** The path the workbook is downloaded from: `/exports/programme/2026-27.xlsx` (the year of its audit log). */
export const exportPath = (financialYear: string): string => `/exports/programme/${financialYear.replace('/', '-')}.xlsx`;

const WORDS: LinkWords = { what: 'export link', hours: DOWNLOAD_LINK_HOURS, again: 'Ask the bot for a new link: type "programme export".' };

function yearOf(deps: Pick<Deps, 'clock' | 'calendar'>, text: string | null) {
  const year = parseFinancialYear(text ?? financialYearOf(deps.calendar.londonDate(deps.clock.now())));
  if (!year) throw new DomainError('INVALID_FIELD', `"${text}" is not a financial year: write it like 2026/27.`, { field: 'year' });
  return year;
}

/**
 * `programme export [2026/27]`, by DSG members and admins: a signed link (24 hours) to the programme as a
 * workbook, with that financial year's audit log (this year's when none is given). Refusals are audited, and
 * so is each link given, since the workbook holds names.
 */
export async function askProgrammeExport(deps: Deps, actor: Actor, financialYear: string | null): Promise<ReportLink & { financialYear: string }> {
  const { settings, members } = await dsgContext(deps);
  const subject = { subjectType: 'settings' as const, subjectId: 'programme-export' };
  if (!isAllowed('programme.export', rolesFor(actor, { settings, members }, deps.roles))) {
    await refuse(deps, actor, 'programme.export', subject, 'Only members of the Digital Strategy Group and admins can export the programme.');
  }
  const year = yearOf(deps, financialYear);
  const now = deps.clock.now();
  await audited(deps.store, actor, now.toISOString(), 'programme.export', subject, null, { financialYear: year.name }, 'Download link for the programme workbook');
  return { ...deps.reportLinks.signPath(exportPath(year.name), now, DOWNLOAD_LINK_HOURS), financialYear: year.name };
}

/** The workbook's sheets, read from the store (no permission check: the signed link is the permission). */
export async function programmeWorkbook(deps: Pick<Deps, 'store' | 'calendar'>, financialYear: string): Promise<SheetOutput[]> {
  const year = parseFinancialYear(financialYear);
  if (!year) throw new DomainError('INVALID_FIELD', `"${financialYear}" is not a financial year.`, { field: 'year' });
  const { store } = deps;
  const records = await store.projects.listWithRequests();
  const emails = new Map<string, string>();
  for (const p of await store.programmeSheets.directory()) {
    const address = p.email ?? p.userPrincipalName;
    if (address && !emails.has(p.aadObjectId)) emails.set(p.aadObjectId, address);
  }
  const decided = await store.audit.done(Object.keys(DECISION_ACTIONS), '', '9999');
  const titles = new Map(records.map((r) => [r.request.reference, r.request.title]));
  if (decided.some((e) => !titles.has(e.subjectId))) {
    for (const r of (await store.requests.listByStatus(REQUEST_STATUSES, 0, Number.MAX_SAFE_INTEGER)).items) titles.set(r.reference, r.title);
  }
  const from = londonInstant(year.first, '00:00').toISOString();
  const to = londonInstant(addDays(year.last, 1), '00:00').toISOString();
  return programmeExportSheets({
    financialYear: year.name,
    records,
    emailOf: (id) => emails.get(id) ?? null,
    decisions: decided.map((event) => ({ event, title: titles.get(event.subjectId) ?? null })),
    audit: await store.programmeSheets.auditBetween(from, to),
    completedOn: await completionDates(deps, records),
  });
}

export type ExportDownload = { ok: true; fileName: string; sheets: SheetOutput[] } | { ok: false; status: 403 | 404; error: string };

/** GET /exports/programme/2026-27.xlsx?expires=…&token=…: the workbook when the signed link is good; else why not. */
export async function downloadProgrammeExport(deps: Pick<Deps, 'store' | 'clock' | 'calendar' | 'reportLinks'>, file: string, expires: string | undefined, token: string | undefined): Promise<ExportDownload> {
  const m = /^(\d{4}-\d{2})\.xlsx$/.exec(file);
  const year = m ? parseFinancialYear(m[1]) : null;
  if (!m || !year) return { ok: false, status: 404, error: 'There is no such export. Export links look like /exports/programme/2026-27.xlsx?expires=…&token=…' };
  const refusal = deps.reportLinks.pathRefusal(exportPath(year.name), expires, token, deps.clock.now(), WORDS);
  if (refusal) return { ok: false, status: 403, error: refusal };
  return { ok: true, fileName: `dsg-programme-${m[1]}.xlsx`, sheets: await programmeWorkbook(deps, year.name) };
}
