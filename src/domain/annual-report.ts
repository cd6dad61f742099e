/**
 * The annual progress and benefits report the strategy asks for: for one UK financial year (April to
 * March), what the Digital Programme started and completed, by strand; planned against realised cash
 * savings; milestones met on time against late; and the DSG's decisions. Non-personal, like open data:
 * the download link may be forwarded, so no names, ids, links or free text beyond approved titles.
 */
import { londonDate } from './calendar';
import { STRANDS, strandName } from './catalogue';
import { csvCell } from './open-data';
import { isOverdue, PRIORITY_LABELS, type Project } from './project';
import { type ProjectRequest, STATUS_LABELS } from './request';

const FINANCIAL_YEAR = /^(\d{4})[/-](\d{2}|\d{4})$/;

/** `2026/27` (also `2026-27`, `2026/2027`) → its canonical name and first and last dates; null if not a financial year. */
export function parseFinancialYear(text: string): { name: string; first: string; last: string } | null {
  const m = FINANCIAL_YEAR.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2].length === 2 ? Math.floor((start + 1) / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (end !== start + 1 || start < 2000 || start > 2100) return null;
  return { name: `${start}/${String(end % 100).padStart(2, '0')}`, first: `${start}-04-01`, last: `${end}-03-31` };
}

interface ReportDecision {
  reference: string;
  action: 'approve' | 'decline' | 'merge';
  at: string;
}

export interface ReportSource {
  financialYear: string;
  /** London date the report is made: milestones due later in the year are not yet late. */
  today: string;
  programme: readonly { project: Project; request: ProjectRequest }[];
  /** Decisions made in the year (from the audit trail). */
  decisions: readonly ReportDecision[];
  /** When each project was marked completed (from the audit trail), by reference. */
  completedOn: ReadonlyMap<string, string>;
}

interface ReportProjectRow {
  reference: string;
  title: string;
  strand: string;
  status: string;
  priority: string;
  approvedOn: string;
  completedOn: string | null;
  startedInYear: boolean;
  completedInYear: boolean;
  plannedAnnualCashSaving: number | null;
  realisedCashSaving: number;
  milestonesDue: number;
  milestonesOnTime: number;
  milestonesLate: number;
}

export interface AnnualReport {
  financialYear: string;
  first: string;
  last: string;
  projectsStarted: number;
  projectsCompleted: number;
  /** In the programme at some point of the year (approved before its end, not completed before its start). */
  projectsActive: number;
  byStrand: { strand: string; started: number; completed: number; active: number }[];
  plannedSavings: number;
  realisedSavings: number;
  milestonesOnTime: number;
  milestonesLate: number;
  decisions: { approved: number; declined: number; merged: number };
  projects: ReportProjectRow[];
}

/** Builds the report; throws RangeError for a financial year that is not one. */
export function annualReport(src: ReportSource): AnnualReport {
  const year = parseFinancialYear(src.financialYear);
  if (!year) throw new RangeError(`not a financial year: ${src.financialYear}`);
  const inYear = (date: string | null) => date !== null && date >= year.first && date <= year.last;

  const projects: ReportProjectRow[] = [];
  for (const { project, request } of src.programme) {
    const approvedOn = londonDate(new Date(project.approvedAt));
    const completedOn = src.completedOn.get(request.reference) ?? null;
    if (approvedOn > year.last || (completedOn !== null && completedOn < year.first)) continue;
    const due = project.milestones.filter((m) => inYear(m.due));
    const onTime = due.filter((m) => m.status === 'done' && m.completedOn !== null && m.completedOn <= m.due).length;
    const late = due.filter((m) => (m.status === 'done' && m.completedOn !== null && m.completedOn > m.due) || m.status === 'missed' || isOverdue(m, src.today)).length;
    projects.push({
      reference: request.reference,
      title: request.title,
      strand: strandName(request.strand),
      status: STATUS_LABELS[request.status],
      priority: PRIORITY_LABELS[project.priority] ?? project.priority,
      approvedOn,
      completedOn,
      startedInYear: inYear(approvedOn),
      completedInYear: inYear(completedOn),
      plannedAnnualCashSaving: project.plannedBenefits.annualCash,
      realisedCashSaving: project.realisedBenefits.filter((b) => b.financialYear === year.name).reduce((sum, b) => sum + b.cashSaving, 0),
      milestonesDue: due.length,
      milestonesOnTime: onTime,
      milestonesLate: late,
    });
  }
  projects.sort((a, b) => a.reference.localeCompare(b.reference));
  const count = (rows: ReportProjectRow[], f: (r: ReportProjectRow) => boolean) => rows.filter(f).length;
  const decided = (action: ReportDecision['action']) => src.decisions.filter((d) => d.action === action && inYear(londonDate(new Date(d.at)))).length;
  return {
    financialYear: year.name,
    first: year.first,
    last: year.last,
    projectsStarted: count(projects, (r) => r.startedInYear),
    projectsCompleted: count(projects, (r) => r.completedInYear),
    projectsActive: projects.length,
    byStrand: STRANDS.map((s) => {
      const rows = projects.filter((r) => r.strand === s.name);
      return { strand: s.name, started: count(rows, (r) => r.startedInYear), completed: count(rows, (r) => r.completedInYear), active: rows.length };
    }),
    plannedSavings: projects.reduce((sum, r) => sum + (r.plannedAnnualCashSaving ?? 0), 0),
    realisedSavings: projects.reduce((sum, r) => sum + r.realisedCashSaving, 0),
    milestonesOnTime: projects.reduce((sum, r) => sum + r.milestonesOnTime, 0),
    milestonesLate: projects.reduce((sum, r) => sum + r.milestonesLate, 0),
    decisions: { approved: decided('approve'), declined: decided('decline'), merged: decided('merge') },
    projects,
  };
}

export const REPORT_CSV_HEADER = [
  'Reference',
  'Title',
  'Strand',
  'Status',
  'Priority',
  'Approved on',
  'Completed on',
  'Started this year',
  'Completed this year',
  'Planned annual cash saving (GBP)',
  'Realised cash saving this year (GBP)',
  'Milestones due this year',
  'Met on time',
  'Late or missed',
] as const;

/** The report's projects as RFC 4180 CSV (CRLF, header row), safe to open in a spreadsheet. */
export function reportCsv(report: AnnualReport): string {
  const yes = (b: boolean) => (b ? 'Yes' : 'No');
  const lines = [REPORT_CSV_HEADER.map(csvCell).join(',')];
  for (const r of report.projects) {
    lines.push(
      [
        r.reference,
        r.title,
        r.strand,
        r.status,
        r.priority,
        r.approvedOn,
        r.completedOn ?? '',
        yes(r.startedInYear),
        yes(r.completedInYear),
        r.plannedAnnualCashSaving === null ? '' : String(r.plannedAnnualCashSaving),
        String(r.realisedCashSaving),
        String(r.milestonesDue),
        String(r.milestonesOnTime),
        String(r.milestonesLate),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
