/**
 * The programme as a workbook for the DSG: projects, milestones and realised benefits in the columns the
 * import reads (so the file imports again with no changes), then the DSG's decisions and the audit log of one
 * financial year. Every text cell is escaped against formulas. It holds names: it is for DSG members and
 * admins, behind a signed link, never published. Pure: the spreadsheet library writes what this returns.
 */
import { londonDate, londonTime } from './calendar';
import { strandName } from './catalogue';
import { byDue, byProgrammeOrder, type ProgrammeRecord } from './open-data';
import { yearTotal } from './programme-import';
import {
  BENEFIT_COLUMNS,
  CHOICES,
  type CellValue,
  type ColumnSpec,
  choiceName,
  columnsOf,
  rowsOf,
  dateCell,
  MILESTONE_COLUMNS,
  PROJECT_COLUMNS,
  type SheetOutput,
  textCell,
  yesNoCell,
} from './programme-workbook';
import type { PersonRef } from './settings';

/** An audit entry as the export shows it (the store's AuditEvent fits). */
export interface ExportAuditEvent {
  at: string;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  outcome: string;
  before: unknown;
  after: unknown;
  detail: string | null;
}

export interface ExportSource {
  financialYear: string;
  records: readonly ProgrammeRecord[];
  /** Email (or UPN) of a person by AAD object id, from the Teams roster; null when not known. */
  emailOf: (aadObjectId: string) => string | null;
  /** Every decision on record (approve, decline, merge), oldest first, with the request's title when known. */
  decisions: readonly { event: ExportAuditEvent; title: string | null }[];
  /** The audit log of the financial year, oldest first. */
  audit: readonly ExportAuditEvent[];
  /** When each completed project was completed (London date), as the annual report counts it. */
  completedOn: ReadonlyMap<string, string>;
}

const DECISION_WORDS: Record<string, string> = { 'request.approve': 'Approved', 'request.decline': 'Declined', 'request.merge': 'Merged', 'request.reuse': 'Re-use an existing solution' };

/** A London date and time as the spreadsheet shows it (no time zone: London's wall clock). */
const londonCell = (iso: string): CellValue => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? textCell(iso) : new Date(`${londonDate(d)}T${londonTime(d)}:00Z`);
};

const json = (value: unknown): CellValue => (value === null || value === undefined ? null : textCell(JSON.stringify(value)));

type Columns<C extends Record<string, ColumnSpec>, R> = { [K in keyof C]: (row: R) => CellValue };

function sheetOf<C extends Record<string, ColumnSpec>, R>(name: string, specs: C, cells: Columns<C, R>, rows: Iterable<R>): SheetOutput {
  const keys = Object.keys(specs) as (keyof C)[];
  return { name, columns: columnsOf(specs), rows: rowsOf(rows, (r) => keys.map((k) => cells[k](r))) };
}

export function programmeExportSheets(src: ExportSource): SheetOutput[] {
  const records = [...src.records].sort(byProgrammeOrder);
  const person = (p: PersonRef | null): CellValue => (p ? textCell(src.emailOf(p.aadObjectId) ?? p.name) : null);
  const projects = sheetOf<typeof PROJECT_COLUMNS, ProgrammeRecord>('projects', PROJECT_COLUMNS, {
    reference: ({ request }) => request.reference,
    title: ({ request }) => textCell(request.title),
    strand: ({ request }) => strandName(request.strand),
    status: ({ request }) => choiceName(CHOICES.projectStatuses, request.status),
    priority: ({ project }) => choiceName(CHOICES.priorities, project.priority),
    isPriority: ({ project }) => yesNoCell(project.isPriority),
    route: ({ request }) => choiceName(CHOICES.routes, request.route),
    problem: ({ request }) => textCell(request.problem),
    outcome: ({ request }) => textCell(request.outcome),
    digitalLeader: ({ project }) => person(project.digitalLeader),
    projectLead: ({ project }) => person(project.projectLead),
    projectManager: ({ project }) => person(project.projectManager),
    businessCase: ({ project }) => choiceName(CHOICES.businessCase, project.businessCase.status),
    businessCaseLink: ({ project }) => textCell(project.businessCase.link),
    businessCaseDate: ({ project }) => dateCell(project.businessCase.date),
    planLink: ({ project }) => textCell(project.planLink),
    resourcingConfirmed: ({ project }) => yesNoCell(project.resourcing.confirmed),
    resourcingNote: ({ project }) => textCell(project.resourcing.note),
    dpia: ({ project }) => choiceName(CHOICES.dpia, project.dpia),
    plannedAnnualCash: ({ project }) => project.plannedBenefits.annualCash,
    nonCash: ({ project }) => textCell(project.plannedBenefits.nonCash),
    oneOffCost: ({ request }) => request.oneOffCost,
    approvedOn: ({ project }) => dateCell(londonDate(new Date(project.approvedAt))),
    completedOn: ({ request }) => dateCell(request.status === 'completed' ? (src.completedOn.get(request.reference) ?? null) : null),
  }, records);

  type MilestoneRow = { reference: string; milestone: ProgrammeRecord['project']['milestones'][number] };
  const milestoneRows: Iterable<MilestoneRow> = {
    *[Symbol.iterator]() {
      for (const { request, project } of records) for (const milestone of [...project.milestones].sort(byDue)) yield { reference: request.reference, milestone };
    },
  };
  const milestones = sheetOf<typeof MILESTONE_COLUMNS, MilestoneRow>('milestones', MILESTONE_COLUMNS, {
    project: (r) => r.reference,
    id: (r) => textCell(r.milestone.id),
    title: (r) => textCell(r.milestone.title),
    due: (r) => dateCell(r.milestone.due),
    status: (r) => choiceName(CHOICES.milestoneStatuses, r.milestone.status),
    completedOn: (r) => dateCell(r.milestone.completedOn),
  }, milestoneRows);

  type BenefitRow = { reference: string; financialYear: string; cashSaving: number; note: string | null };
  const benefitRows: Iterable<BenefitRow> = {
    *[Symbol.iterator]() {
      for (const { request, project } of records) {
        for (const financialYear of [...new Set(project.realisedBenefits.filter((b) => b.cashSaving !== null).map((b) => b.financialYear))].sort()) {
          yield { reference: request.reference, financialYear, ...yearTotal(project.realisedBenefits.filter((b) => b.financialYear === financialYear)) };
        }
      }
    },
  };
  const benefits = sheetOf<typeof BENEFIT_COLUMNS, BenefitRow>('benefits', BENEFIT_COLUMNS, {
    project: (r) => r.reference,
    financialYear: (r) => r.financialYear,
    cashSaving: (r) => r.cashSaving,
    note: (r) => textCell(r.note),
  }, benefitRows);

  const decisions: SheetOutput = {
    name: 'decisions',
    columns: [
      { header: 'Reference', width: 16 },
      { header: 'Title', width: 40 },
      { header: 'Decision', width: 10 },
      { header: 'Decided at', width: 17, format: 'datetime' },
      { header: 'By', width: 24 },
      { header: 'Note', width: 50 },
    ],
    rows: rowsOf(src.decisions, ({ event, title }) => [event.subjectId, textCell(title), DECISION_WORDS[event.action] ?? event.action, londonCell(event.at), textCell(event.actorName), textCell(event.detail)]),
  };

  const audit: SheetOutput = {
    name: `audit ${src.financialYear.replace('/', '-')}`,
    columns: [
      { header: 'At', width: 17, format: 'datetime' },
      { header: 'Who', width: 24 },
      { header: 'Action', width: 22 },
      { header: 'Subject', width: 20 },
      { header: 'Outcome', width: 9 },
      { header: 'Detail', width: 40 },
      { header: 'Before', width: 40 },
      { header: 'After', width: 40 },
    ],
    rows: rowsOf(src.audit, (e) => [londonCell(e.at), textCell(e.actorName), e.action, textCell(`${e.subjectType} ${e.subjectId}`), e.outcome, textCell(e.detail), json(e.before), json(e.after)]),
  };
  return [projects, milestones, benefits, decisions, audit];
}
