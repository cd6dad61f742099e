/**
 * The annual progress and benefits report the strategy asks for: for one UK financial year (April to
 * March), what the Digital Programme started and completed, by strand; planned against realised cash
 * savings; milestones met on time against late; and the DSG's decisions. Non-personal, like open data:
 * the download link may be forwarded, so no names, ids, links or free text beyond approved titles.
 */
import { londonDate } from './calendar';
import { STRANDS, strandName } from './catalogue';
import { countedProject, type Figure, type MilestoneFigures, milestoneFigures, parseFinancialYear, programmeFigures, type ProgrammeFigures } from './figures';
import { type Measure, type MeasureStatus, measureStatus, measureValue, periodRange } from './measures';
import { csvCell } from './open-data';
import { PRIORITY_LABELS, type Project, type RealisedBenefit } from './project';
import { type ProjectRequest, STATUS_LABELS } from './request';

interface ReportDecision {
  reference: string;
  action: 'approve' | 'decline' | 'merge' | 'reuse';
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
  /** Not completed before the year began. */
  inProgrammeInYear: boolean;
  plannedAnnualCashSaving: number | null;
  realisedCashSaving: number;
  /** Benefits that are not cash recorded for the year (counted: their notes are free text, left out). */
  nonCashBenefits: number;
  milestonesDue: number;
  milestonesOnTime: number;
  milestonesLate: number;
  /** Its measures whose latest figure by the year's end reaches the target, and those with figures that do not. */
  measuresMet: number;
  measuresNotMet: number;
  /** Its customer satisfaction measures: their latest figure by the year's end against their target. */
  satisfaction: { name: string; latest: string; target: string }[];
}

export interface AnnualReport {
  financialYear: string;
  first: string;
  last: string;
  projectsStarted: number;
  projectsCompleted: number;
  /** In the programme at some point of the year (approved before its end, not completed before its start). */
  projectsActive: number;
  byStrand: {
    strand: string;
    started: number;
    completed: number;
    active: number;
    /** Measures whose latest figure by the year's end reaches the target, and those with figures that do not. */
    measuresMet: number;
    measuresNotMet: number;
    /** Customer satisfaction measures: their latest figure by the year's end against their target. */
    satisfaction: { name: string; latest: string; target: string }[];
    /** Benefits that are not cash recorded for the year, and the measures that show them (no notes: free text). */
    nonCashBenefits: number;
    nonCashMeasures: string[];
  }[];
  measuresDefinition: string;
  /** The programme's figures for the year, each with its definition (see figures.ts). */
  planned: Figure;
  realised: Figure;
  byStatus: ProgrammeFigures['byStatus'];
  byStatusDefinition: string;
  milestones: MilestoneFigures;
  /** `reused`: closed by "Re-use an existing solution" (share and re-use before buying). */
  decisions: { approved: number; declined: number; merged: number; reused: number };
  /** Every project counted for the year's figures (approved by its end), including those completed before it that still save. */
  projects: ReportProjectRow[];
}

/** Builds the report; throws RangeError for a financial year that is not one. */
export function annualReport(src: ReportSource): AnnualReport {
  const year = parseFinancialYear(src.financialYear);
  if (!year) throw new RangeError(`not a financial year: ${src.financialYear}`);
  const inYear = (date: string | null) => date !== null && date >= year.first && date <= year.last;

  const projects: ReportProjectRow[] = [];
  const counted: ReportSource['programme'][number][] = [];
  for (const record of src.programme) {
    const { project, request } = record;
    const approvedOn = londonDate(new Date(project.approvedAt));
    if (approvedOn > year.last) continue;
    counted.push(record);
    const completedOn = src.completedOn.get(request.reference) ?? null;
    const milestones = milestoneFigures(project.milestones, year.name, src.today);
    const reported = project.measures.map((m) => byYearEnd(m, year.last)).filter((m) => m.status.latest !== null);
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
      inProgrammeInYear: completedOn === null || completedOn >= year.first,
      plannedAnnualCashSaving: project.plannedBenefits.annualCash,
      realisedCashSaving: countedProject(record, year.name).realisedInYear,
      nonCashBenefits: nonCashIn(project, year.name).length,
      milestonesDue: milestones.due,
      milestonesOnTime: milestones.onTime,
      milestonesLate: milestones.late,
      measuresMet: reported.filter((m) => m.status.met).length,
      measuresNotMet: reported.filter((m) => !m.status.met).length,
      satisfaction: reported
        .filter((m) => m.measure.kind === 'customer-satisfaction')
        .map(({ measure, status }) => ({ name: measure.name, latest: measureValue(status.latest!.value, measure.unit), target: measureValue(measure.target.value, measure.unit) })),
    });
  }
  projects.sort((a, b) => a.reference.localeCompare(b.reference));
  const count = (rows: ReportProjectRow[], f: (r: ReportProjectRow) => boolean) => rows.filter(f).length;
  const figures = programmeFigures(
    src.programme.map((r) => countedProject(r, year.name)),
    year.name,
  );
  const decided = (action: ReportDecision['action']) => src.decisions.filter((d) => d.action === action && inYear(londonDate(new Date(d.at)))).length;
  return {
    financialYear: year.name,
    first: year.first,
    last: year.last,
    projectsStarted: count(projects, (r) => r.startedInYear),
    projectsCompleted: count(projects, (r) => r.completedInYear),
    projectsActive: count(projects, (r) => r.inProgrammeInYear),
    byStrand: STRANDS.map((s) => {
      const rows = projects.filter((r) => r.strand === s.name);
      const nonCash = counted.filter(({ request }) => request.strand === s.id).flatMap(({ project }) => nonCashIn(project, year.name).map((b) => project.measures.find((m) => m.id === b.measureId)?.name));
      return {
        strand: s.name,
        started: count(rows, (r) => r.startedInYear),
        completed: count(rows, (r) => r.completedInYear),
        active: count(rows, (r) => r.inProgrammeInYear),
        // The strand's measures are its projects' (one definition, so the CSV's rows add up to these).
        measuresMet: rows.reduce((n, r) => n + r.measuresMet, 0),
        measuresNotMet: rows.reduce((n, r) => n + r.measuresNotMet, 0),
        satisfaction: rows.flatMap((r) => r.satisfaction),
        nonCashBenefits: nonCash.length,
        nonCashMeasures: [...new Set(nonCash.filter((name): name is string => !!name))].sort((a, b) => a.localeCompare(b, 'en-GB')),
      };
    }),
    measuresDefinition: `met when a measure's latest figure for a period ending by ${year.last} reaches its target; measures with no figure by then are left out`,
    planned: figures.planned,
    realised: figures.realised,
    byStatus: figures.byStatus,
    byStatusDefinition: figures.byStatusDefinition,
    milestones: milestoneFigures(
      counted.flatMap(({ project }) => project.milestones),
      year.name,
      src.today,
    ),
    decisions: { approved: decided('approve'), declined: decided('decline'), merged: decided('merge'), reused: decided('reuse') },
    projects,
  };
}

/** A project's benefits that are not cash, recorded for the financial year. */
const nonCashIn = (project: Project, financialYear: string): RealisedBenefit[] => project.realisedBenefits.filter((b) => b.cashSaving === null && b.financialYear === financialYear);

/** A measure as it stood at the end of a year: only the figures of periods ended by then. */
function byYearEnd(measure: Measure, last: string): { measure: Measure; status: MeasureStatus } {
  const figures = measure.figures.filter((f) => (periodRange(measure.frequency, f.period)?.last ?? '9999') <= last);
  return { measure, status: measureStatus({ ...measure, figures }) };
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
  'Non-cash benefits this year',
  'Milestones due this year',
  'Met on time',
  'Late or missed',
  'Measures met',
  'Measures not met',
  'Customer satisfaction (latest against target)',
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
        String(r.nonCashBenefits),
        String(r.milestonesDue),
        String(r.milestonesOnTime),
        String(r.milestonesLate),
        String(r.measuresMet),
        String(r.measuresNotMet),
        r.satisfaction.map((c) => `${c.name}: ${c.latest} (target ${c.target})`).join('; '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
