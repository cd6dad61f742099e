/**
 * Open data: the approved Digital Programme as the council publishes it, non-personal fields only.
 *
 * Every published field is picked by name (never copied with a spread), so a field added to a project or
 * request later is not published until someone adds it here on purpose. Left out on purpose: every person
 * (names, Teams and AAD ids, the requester), every link, every note, and every free-text field a member of
 * staff typed (problem, outcome, how the principles are met, re-use checked, justification, non-cash
 * benefits, milestone revision reasons, decision notes), because free text may hold personal data.
 */
import { londonDate } from './calendar';
import { principleName, STRANDS, strandName } from './catalogue';
import { type ProgrammeFigures, realisedByYear } from './figures';
import { DIRECTION_LABELS, FREQUENCY_LABELS, type Measure, MEASURE_KIND_LABELS, measureStatus, TRACK_LABELS } from './measures';
import { type Milestone, type MilestoneStatus, PRIORITY_LABELS, type Project } from './project';
import { type ProjectRequest, type RequestStatus, STATUS_LABELS } from './request';
import { CONTRACT_WORDS, contractState, type Solution } from './solutions';
import type { OpenGate, OpenStage } from './stages';

/** The request statuses of projects in the published programme; declined, pending and withdrawn never are. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['approved', 'in-delivery', 'completed'];

export interface OpenProject {
  reference: string;
  /** The approved title. */
  title: string;
  strand: string;
  principles: string[];
  /** Approved, In delivery or Completed. */
  status: string;
  /** High, Medium or Low. */
  priority: string;
  isPriority: boolean;
  milestones: { title: string; due: string; status: MilestoneStatus }[];
  /** Planned annual cash saving in pounds, or null when none was given. */
  plannedAnnualCashSaving: number | null;
  /** Realised cash savings in pounds, summed by UK financial year (April-March), oldest first. */
  realisedSavings: { financialYear: string; cashSaving: number }[];
  /**
   * Realised benefits that are not cash, oldest first: the financial year and the measure that shows each, if any.
   * Their notes are left out: free text typed by staff, which may name residents or colleagues.
   */
  realisedNonCash: { financialYear: string; measure: string | null }[];
  /** The date (London) the DSG approved it. */
  approvedOn: string;
  /** Outcome measures with their figures by period; who recorded them is left out. */
  measures: OpenMeasure[];
  /** The Service Standard stage (null when the record was read without it), and since when. */
  stage: string | null;
  stageSince: string | null;
  /** Its gates, oldest first: the outcome and dates only (who asked and decided, and every note, are left out). */
  gates: OpenGate[];
}

export interface OpenMeasure {
  name: string;
  /** Customer satisfaction, Digital take-up %, … */
  kind: string;
  unit: string;
  baseline: { value: number; date: string };
  target: { value: number; date: string };
  /** Higher is better, or Lower is better. */
  direction: string;
  /** Monthly, Quarterly or Yearly. */
  frequency: string;
  /** On track, Off track or No figures yet (see measures.ts for the definition). */
  status: string;
  /** Period keys (`2026-11`, `2026-Q3`, `2026-27`), oldest first. */
  figures: { period: string; value: number }[];
}

/** A measure as published: picked by name, with its figures' periods and values only. */
export const openMeasure = (m: Measure): OpenMeasure => ({
  name: m.name,
  kind: MEASURE_KIND_LABELS[m.kind],
  unit: m.unit,
  baseline: { value: m.baseline.value, date: m.baseline.date },
  target: { value: m.target.value, date: m.target.date },
  direction: DIRECTION_LABELS[m.direction],
  frequency: FREQUENCY_LABELS[m.frequency],
  status: TRACK_LABELS[measureStatus(m).status],
  figures: m.figures.map((f) => ({ period: f.period, value: f.value })),
});

const STRAND_ORDER = new Map<string, number>(STRANDS.map((s, i) => [s.id, i]));
/** High before medium before low, wherever projects are listed. */
export const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

function dateOf(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant.slice(0, 10) : londonDate(d);
}

/** A project with the request it came from, as the store lists them. */
export interface ProgrammeRecord {
  project: Project;
  request: ProjectRequest;
  /** Its stage and gates as published (src/domain/stages.ts), when read with them. */
  stage?: OpenStage;
}

/** Whether a record is in the published programme (approved, in delivery or completed). */
export const isPublished = ({ request }: ProgrammeRecord): boolean => OPEN_STATUSES.includes(request.status);

/** The programme's order: by strand (the strategy's order), priority, then reference. */
export const byProgrammeOrder = (a: ProgrammeRecord, b: ProgrammeRecord): number =>
  (STRAND_ORDER.get(a.request.strand) ?? 99) - (STRAND_ORDER.get(b.request.strand) ?? 99) ||
  (PRIORITY_ORDER[a.project.priority] ?? 9) - (PRIORITY_ORDER[b.project.priority] ?? 9) ||
  a.request.reference.localeCompare(b.request.reference);

/** Milestones in timeline order: by due date, then title. */
export const byDue = (a: Pick<Milestone, 'due' | 'title'>, b: Pick<Milestone, 'due' | 'title'>): number =>
  a.due.localeCompare(b.due) || a.title.localeCompare(b.title);

/** The published records in the programme's order. */
export const publishedRecords = <T extends ProgrammeRecord>(items: readonly T[]): T[] => items.filter(isPublished).sort(byProgrammeOrder);

/** One published project, non-personal fields only, each picked by name. */
export function openProject({ project, request, stage }: ProgrammeRecord): OpenProject {
  return {
    reference: request.reference,
    title: request.title,
    strand: strandName(request.strand),
    principles: request.principles.map(principleName),
    status: STATUS_LABELS[request.status],
    priority: PRIORITY_LABELS[project.priority] ?? project.priority,
    isPriority: project.isPriority,
    milestones: [...project.milestones]
      .sort(byDue)
      .map((m) => ({ title: m.title, due: m.due, status: m.status })),
    plannedAnnualCashSaving: project.plannedBenefits.annualCash,
    realisedSavings: realisedByYear(project.realisedBenefits),
    realisedNonCash: project.realisedBenefits
      .filter((b) => b.cashSaving === null)
      .sort((a, b) => a.financialYear.localeCompare(b.financialYear))
      .map((b) => ({ financialYear: b.financialYear, measure: project.measures.find((m) => m.id === b.measureId)?.name ?? null })),
    approvedOn: dateOf(project.approvedAt),
    measures: project.measures.map(openMeasure),
    stage: stage?.stage ?? null,
    stageSince: stage?.stageSince ?? null,
    gates: (stage?.gates ?? []).map((g) => ({ gate: g.gate, requestedOn: g.requestedOn, outcome: g.outcome, decidedOn: g.decidedOn, conditions: g.conditions, conditionsDone: g.conditionsDone })),
  };
}

/** The published programme: approved, in-delivery and completed projects, by strand, priority and reference. */
export function openProgramme(items: readonly ProgrammeRecord[]): OpenProject[] {
  return publishedRecords(items).map(openProject);
}

export const OPEN_CSV_HEADER = [
  'Reference',
  'Title',
  'Strand',
  'Principles',
  'Status',
  'Priority',
  'Priority project',
  'Planned annual cash saving (GBP)',
  'Realised cash savings by financial year (GBP)',
  'Milestones',
  'Approved on',
  'Measures',
  'Realised non-cash benefits by financial year (measure showing each)',
  'Stage',
  'Stage gates',
] as const;

/** Characters that make a spreadsheet read a cell as a formula (CWE-1236); tab and CR too, as OWASP advises. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made safe to open in a spreadsheet: a leading formula character gets a `'` before it. */
export const escapeFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** The text `escapeFormula` was given (a `'` before a formula character taken off), so an escaped export reads back unchanged. */
export const unescapeFormula = (value: string): string => (value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value);

/** One RFC 4180 field, made safe to open in a spreadsheet. */
export function csvCell(value: string): string {
  const safe = escapeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV (CRLF line ends, header row), one row per project; milestones and savings flattened into one cell each. */
export function toCsv(rows: readonly OpenProject[]): string {
  const lines = [OPEN_CSV_HEADER.map(csvCell).join(',')];
  for (const r of rows) {
    const cells = [
      r.reference,
      r.title,
      r.strand,
      r.principles.join('; '),
      r.status,
      r.priority,
      r.isPriority ? 'Yes' : 'No',
      r.plannedAnnualCashSaving === null ? '' : String(r.plannedAnnualCashSaving),
      r.realisedSavings.map((s) => `${s.financialYear}: ${s.cashSaving}`).join('; '),
      r.milestones.map((m) => `${m.title} (${m.due}, ${m.status})`).join('; '),
      r.approvedOn,
      r.measures
        .map((m) => `${m.name} (${m.unit}): ${m.baseline.value} on ${m.baseline.date} to ${m.target.value} by ${m.target.date}; ${m.status}; ${m.figures.map((f) => `${f.period}=${f.value}`).join(' ')}`)
        .join(' | '),
      r.realisedNonCash.map((b) => (b.measure ? `${b.financialYear}: ${b.measure}` : b.financialYear)).join('; '),
      r.stage ?? '',
      r.gates.map((g) => `${g.gate}: ${g.outcome ? `${g.outcome} on ${g.decidedOn}` : `requested on ${g.requestedOn}`}${g.conditions ? ` (${g.conditionsDone} of ${g.conditions} conditions done)` : ''}`).join('; '),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const FIGURES_CSV_HEADER = ['Figure', 'Financial year', 'Value', 'Definition'] as const;

/** The figures as open data: RFC 4180 CSV (CRLF, header row), one figure a row with its definition; money in whole pounds. */
export function figuresCsv(f: ProgrammeFigures): string {
  const rows: string[][] = [
    [`${f.planned.label} (GBP)`, f.financialYear, String(f.planned.value), f.planned.definition],
    [`${f.realised.label} (GBP)`, f.financialYear, String(f.realised.value), f.realised.definition],
    ...f.byStatus.map((s) => [`Projects: ${s.label}`, f.financialYear, String(s.count), f.byStatusDefinition]),
  ];
  return `${[[...FIGURES_CSV_HEADER], ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The re-use catalogue as open data: every entry, retired ones marked. An entry is owned by a service and its
 * text is refused with an email address in it (validateSolution), so it holds no personal data; fields are
 * picked by name, as for projects.
 */
export interface OpenSolution {
  name: string;
  whatItDoes: string;
  owningService: string;
  strands: string[];
  keywords: string[];
  sharedWithPartners: boolean;
  sharedWith: string | null;
  contractEnds: string | null;
  /** No end date, Contract runs, Contract ends within 6 months, or Contract ended (on the day published). */
  contractStatus: string;
  link: string | null;
  retired: boolean;
}

/** One entry as published, its contract's state as on `today`. */
export const openSolution = (s: Solution, today: string): OpenSolution => ({
  name: s.name,
  whatItDoes: s.whatItDoes,
  owningService: s.owningService,
  strands: s.strands.map(strandName),
  keywords: [...s.keywords],
  sharedWithPartners: s.sharedWithPartners,
  sharedWith: s.sharedWithPartners ? s.sharedWith : null,
  contractEnds: s.contractEnds,
  contractStatus: CONTRACT_WORDS[contractState(s, today)],
  link: s.link,
  retired: s.retired,
});

export const openCatalogue = (solutions: readonly Solution[], today: string): OpenSolution[] => solutions.map((s) => openSolution(s, today));

export const CATALOGUE_CSV_HEADER = ['Name', 'What it does', 'Owning service', 'Strands', 'Keywords', 'Shared with partners', 'Shared with', 'Contract ends', 'Contract status', 'Link', 'Retired'] as const;

/** The catalogue as RFC 4180 CSV (CRLF, header row), one entry a row; lists joined with "; ". */
export function catalogueCsv(rows: readonly OpenSolution[]): string {
  const cells = rows.map((r) => [r.name, r.whatItDoes, r.owningService, r.strands.join('; '), r.keywords.join('; '), r.sharedWithPartners ? 'Yes' : 'No', r.sharedWith ?? '', r.contractEnds ?? '', r.contractStatus, r.link ?? '', r.retired ? 'Yes' : 'No']);
  return `${[[...CATALOGUE_CSV_HEADER], ...cells].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
