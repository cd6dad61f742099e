/**
 * Every figure the DSG reports, defined once, each with the words that define it. The digest, the Programme
 * tab, the annual report and open data all take their figures from here, so a figure is the same wherever it
 * is shown, and the definition is shown beside it.
 *
 * - Planned annual savings: the yearly cash saving planned by each project in the programme (approved, in
 *   delivery or completed) approved by the end of the financial year. A completed project goes on saving, so
 *   it stays in.
 * - Realised in a financial year: every cash saving recorded for that year (April to March), all projects,
 *   whenever they were approved or completed.
 * - Projects by status: the projects counted for the planned savings, by their status now.
 * - Milestones on time: of the milestones due in the year (dropped ones left out), those done on or before
 *   their due date; late are those done after it, missed, or past it and not done.
 *
 * Plain functions of plain data: the Programme tab runs them in the browser too.
 */
import { addDays, londonInstant } from './calendar';
import { isOverdue, type MilestoneStatus, type Project } from './project';
import { type ProjectRequest, type RequestStatus, STATUS_LABELS } from './request';

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

function yearOf(financialYear: string): { name: string; first: string; last: string } {
  const year = parseFinancialYear(financialYear);
  if (!year) throw new RangeError(`not a financial year: ${financialYear}`);
  return year;
}

/** The statuses of projects in the programme, in their order. */
export const PROGRAMME_STATUSES = ['approved', 'in-delivery', 'completed'] as const satisfies readonly RequestStatus[];
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** What the figures read of one project of the programme (all of it published as open data). */
export interface CountedProject {
  status: ProgrammeStatus;
  /** When the DSG approved it (an ISO instant). */
  approvedAt: string;
  plannedAnnualCashSaving: number | null;
  /** Cash saving recorded for the financial year the figures are for (see `realisedIn`). */
  realisedInYear: number;
}

/** A realised cash saving, or (null) a benefit that is not cash, which counts in no cash figure. */
type Saving = { financialYear: string; cashSaving: number | null };

/** The cash saving recorded for one financial year, from a project's savings (recorded, or by year). */
export const realisedIn = (savings: readonly Saving[], financialYear: string): number =>
  savings.filter((s) => s.financialYear === financialYear).reduce((sum, s) => sum + (s.cashSaving ?? 0), 0);

/** A project's realised cash savings summed by financial year, oldest first (years with only non-cash benefits left out). */
export function realisedByYear(savings: readonly Saving[]): { financialYear: string; cashSaving: number }[] {
  const byYear = new Map<string, number>();
  for (const s of savings) if (s.cashSaving !== null) byYear.set(s.financialYear, (byYear.get(s.financialYear) ?? 0) + s.cashSaving);
  return [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([financialYear, cashSaving]) => ({ financialYear, cashSaving }));
}

/** What the figures of `financialYear` read of a project in the store. */
export const countedProject = ({ project, request }: { project: Project; request: ProjectRequest }, financialYear: string): CountedProject => ({
  status: request.status as ProgrammeStatus,
  approvedAt: project.approvedAt,
  plannedAnnualCashSaving: project.plannedBenefits.annualCash,
  realisedInYear: realisedIn(project.realisedBenefits, financialYear),
});

/** A reported figure: what to call it, its value, and the words that define it. */
export interface Figure {
  label: string;
  value: number;
  definition: string;
}

export interface ProgrammeFigures {
  financialYear: string;
  planned: Figure;
  realised: Figure;
  /** Every status, zeros included. */
  byStatus: { status: ProgrammeStatus; label: string; count: number }[];
  byStatusDefinition: string;
}

const MONTH_YEAR = (iso: string): string => `${iso.slice(5, 7) === '04' ? 'April' : 'March'} ${iso.slice(0, 4)}`;
const LONG_DATE = (iso: string): string => `31 March ${iso.slice(0, 4)}`;

/**
 * The programme's figures for a financial year; throws RangeError for a year that is not one. `scope` names
 * the projects given when they are not the whole programme (e.g. "Digital Learning projects").
 */
export function programmeFigures(projects: readonly CountedProject[], financialYear: string, scope = 'projects'): ProgrammeFigures {
  const year = yearOf(financialYear);
  // Approved by the end of the year: before midnight (London) at its end.
  const end = londonInstant(addDays(year.last, 1), '00:00').getTime();
  const inProgramme = projects.filter((p) => PROGRAMME_STATUSES.includes(p.status));
  const counted = inProgramme.filter((p) => Date.parse(p.approvedAt) < end);
  return {
    financialYear: year.name,
    planned: {
      label: 'Planned annual savings',
      value: counted.reduce((sum, p) => sum + (p.plannedAnnualCashSaving ?? 0), 0),
      definition: `the yearly cash saving planned by each project approved by ${LONG_DATE(year.last)} (approved, in delivery or completed)`,
    },
    realised: {
      label: `Realised in ${year.name}`,
      value: inProgramme.reduce((sum, p) => sum + p.realisedInYear, 0),
      definition: `savings recorded for ${MONTH_YEAR(year.first)}–${MONTH_YEAR(year.last)}, all ${scope}`,
    },
    byStatus: PROGRAMME_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], count: counted.filter((p) => p.status === status).length })),
    byStatusDefinition: `projects approved by ${LONG_DATE(year.last)}, by their status now`,
  };
}

/** What milestones-on-time reads of a milestone. */
export interface CountedMilestone {
  due: string;
  status: MilestoneStatus;
  completedOn: string | null;
}

export interface MilestoneFigures {
  /** Due in the year. */
  due: number;
  onTime: number;
  late: number;
  definition: string;
}

/** A milestone done on or before its due date. */
const metOnTime = (m: CountedMilestone): boolean => m.status === 'done' && m.completedOn !== null && m.completedOn <= m.due;

/** A milestone done after its due date, missed, or past it (before `today`) and not done. */
const isLate = (m: CountedMilestone, today: string): boolean =>
  (m.status === 'done' && m.completedOn !== null && m.completedOn > m.due) || m.status === 'missed' || isOverdue(m, today);

/** Milestones due in a financial year (dropped ones left out), met on time and late, as at `today` (London date). */
export function milestoneFigures(milestones: readonly CountedMilestone[], financialYear: string, today: string): MilestoneFigures {
  const year = yearOf(financialYear);
  const due = milestones.filter((m) => m.status !== 'dropped' && m.due >= year.first && m.due <= year.last);
  return {
    due: due.length,
    onTime: due.filter(metOnTime).length,
    late: due.filter((m) => isLate(m, today)).length,
    definition: `milestones due in ${year.name}, dropped ones left out: on time when done by their due date; late when done after it, missed, or past it and not done`,
  };
}

