import { type Kysely, type Selectable, sql } from 'kysely';
import type { ProjectRepository } from '../app/projects/ports';
import type {
  BusinessCaseStatus,
  DpiaStatus,
  Milestone,
  MilestoneRevision,
  MilestoneStatus,
  Priority,
  Project,
  RealisedBenefit,
} from '../domain/project';
import type { Direction, Frequency, Measure, MeasureFigure, MeasureKind } from '../domain/measures';
import type { PersonRef } from '../domain/settings';
import { atomically, compareText, readFlag, readJson, readList, toNumber, toNumberOrNull, updateAtVersion, upsert, writeFlag, writeJson } from './columns';
import { requestFromRow } from './request-repository';
import type { Database, MeasureFiguresTable, MeasuresTable, MilestonesTable, ProjectsTable, RealisedBenefitsTable } from './schema';

type ProjectRow = Selectable<ProjectsTable>;
type MilestoneRow = Selectable<MilestonesTable>;
type BenefitRow = Omit<Selectable<RealisedBenefitsTable>, 'id'>;
type MeasureRow = Selectable<MeasuresTable>;
type FigureRow = Selectable<MeasureFiguresTable>;

const toRow = (p: Project): ProjectRow => ({
  reference: p.reference,
  priority: p.priority,
  is_priority: writeFlag(p.isPriority),
  digital_leader: writeJson(p.digitalLeader),
  project_lead: writeJson(p.projectLead),
  project_manager: writeJson(p.projectManager),
  business_case_status: p.businessCase.status,
  business_case_link: p.businessCase.link,
  business_case_date: p.businessCase.date,
  plan_link: p.planLink,
  resourcing_confirmed: writeFlag(p.resourcing.confirmed),
  resourcing_note: p.resourcing.note,
  dpia: p.dpia,
  planned_annual_cash: p.plannedBenefits.annualCash,
  planned_non_cash: p.plannedBenefits.nonCash,
  approved_at: p.approvedAt,
  version: p.version,
  updated_at: p.updatedAt,
});

const fromRow = (r: ProjectRow, { milestones, benefits: realisedBenefits, measures }: Children): Project => ({
  reference: r.reference,
  priority: r.priority as Priority,
  isPriority: readFlag(r.is_priority),
  digitalLeader: readJson<PersonRef | null>(r.digital_leader, null),
  projectLead: readJson<PersonRef | null>(r.project_lead, null),
  projectManager: readJson<PersonRef | null>(r.project_manager, null),
  businessCase: { status: r.business_case_status as BusinessCaseStatus, link: r.business_case_link, date: r.business_case_date },
  planLink: r.plan_link,
  resourcing: { confirmed: readFlag(r.resourcing_confirmed), note: r.resourcing_note },
  dpia: r.dpia as DpiaStatus | null,
  plannedBenefits: { annualCash: toNumberOrNull(r.planned_annual_cash), nonCash: r.planned_non_cash },
  realisedBenefits,
  milestones,
  measures,
  approvedAt: r.approved_at,
  version: toNumber(r.version),
  updatedAt: r.updated_at,
});

const milestoneToRow = (reference: string, m: Milestone, position: number): MilestoneRow => ({
  id: m.id,
  reference,
  title: m.title,
  due: m.due,
  status: m.status,
  completed_on: m.completedOn,
  revisions: writeJson(m.revisions),
  drop_reason: m.dropReason ?? null,
  position,
});

function milestoneFromRow(r: MilestoneRow): Milestone {
  const milestone: Milestone = {
    id: r.id,
    title: r.title,
    due: r.due,
    status: r.status as MilestoneStatus,
    completedOn: r.completed_on,
    revisions: readList<MilestoneRevision>(r.revisions),
  };
  // Set only when there is one (not spread: 50,000 of these are read with the programme).
  if (r.drop_reason !== null) milestone.dropReason = r.drop_reason;
  return milestone;
}

/** The one mapping of a realised benefit to its row (the programme import writes benefits with it too). */
export const benefitToRow = (reference: string, b: RealisedBenefit): BenefitRow => ({
  reference,
  financial_year: b.financialYear,
  cash_saving: b.cashSaving ?? 0,
  non_cash: writeFlag(b.cashSaving === null),
  measure_id: b.measureId,
  note: b.note,
  recorded_at: b.recordedAt,
  recorded_by: b.recordedBy,
});

const benefitFromRow = (r: BenefitRow): RealisedBenefit => ({
  financialYear: r.financial_year,
  cashSaving: readFlag(r.non_cash) ? null : toNumber(r.cash_saving),
  note: r.note,
  measureId: r.measure_id,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

const measureToRow = (reference: string, m: Measure): Omit<MeasureRow, 'position'> => ({
  id: m.id,
  reference,
  name: m.name,
  kind: m.kind,
  unit: m.unit,
  baseline_value: m.baseline.value,
  baseline_date: m.baseline.date,
  target_value: m.target.value,
  target_date: m.target.date,
  direction: m.direction,
  frequency: m.frequency,
});

const measureFromRow = (r: MeasureRow, figures: MeasureFigure[]): Measure => ({
  id: r.id,
  name: r.name,
  kind: r.kind as MeasureKind,
  unit: r.unit,
  baseline: { value: Number(r.baseline_value), date: r.baseline_date },
  target: { value: Number(r.target_value), date: r.target_date },
  direction: r.direction as Direction,
  frequency: r.frequency as Frequency,
  figures,
});

const figureFromRow = (r: FigureRow): MeasureFigure => ({ period: r.period, value: Number(r.value), recordedAt: r.recorded_at, recordedBy: r.recorded_by });

/** Due date, then title, then the order they were added. */
const milestoneOrder = (a: MilestoneRow, b: MilestoneRow): number =>
  compareText(a.due, b.due) || compareText(a.title, b.title) || toNumber(a.position) - toNumber(b.position);

function groupByReference<R extends { reference: string }, T>(rows: readonly R[], map: (row: R) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.reference);
    if (group) group.push(map(row));
    else groups.set(row.reference, [map(row)]);
  }
  return groups;
}

interface Children {
  milestones: Milestone[];
  benefits: RealisedBenefit[];
  measures: Measure[];
}

/** Milestones, realised benefits and measures with their figures, by project: of one project, or of every project (four queries either way). */
async function childrenOf(db: Kysely<Database>, reference: string | null): Promise<(reference: string) => Children> {
  const milestoneRows = await db
    .selectFrom('milestones')
    .selectAll()
    .$if(reference !== null, (q) => q.where('reference', '=', reference as string))
    .execute();
  const benefitRows = await db
    .selectFrom('realised_benefits')
    .selectAll()
    .$if(reference !== null, (q) => q.where('reference', '=', reference as string))
    .orderBy('financial_year')
    .orderBy('id')
    .execute();
  // Grouped first, then each project's few milestones sorted: cheaper than sorting every row at once.
  const byProject = groupByReference(milestoneRows, (row) => row);
  const milestones = new Map<string, Milestone[]>();
  for (const [ref, rows] of byProject) milestones.set(ref, rows.sort(milestoneOrder).map(milestoneFromRow));
  const benefits = groupByReference(benefitRows, benefitFromRow);
  const measures = await measuresOf(db, reference);
  return (ref) => ({ milestones: milestones.get(ref) ?? [], benefits: benefits.get(ref) ?? [], measures: measures.get(ref) ?? [] });
}

/** Measures by project, in the order added, each with its figures by period. */
async function measuresOf(db: Kysely<Database>, reference: string | null): Promise<Map<string, Measure[]>> {
  const measureRows = await db
    .selectFrom('measures')
    .selectAll()
    .$if(reference !== null, (q) => q.where('reference', '=', reference as string))
    .execute();
  if (measureRows.length === 0) return new Map();
  const figureRows = await db
    .selectFrom('measure_figures')
    .selectAll()
    .$if(reference !== null, (q) => q.where('measure_id', 'in', (eb) => eb.selectFrom('measures').select('id').where('reference', '=', reference as string)))
    .execute();
  const figures = new Map<string, FigureRow[]>();
  for (const row of figureRows) {
    const list = figures.get(row.measure_id);
    if (list) list.push(row);
    else figures.set(row.measure_id, [row]);
  }
  const ordered = measureRows.sort((a, b) => toNumber(a.position) - toNumber(b.position));
  return groupByReference(ordered, (row) =>
    measureFromRow(row, (figures.get(row.id) ?? []).sort((a, b) => compareText(a.period, b.period)).map(figureFromRow)),
  );
}

/** Records a measure's figure for its period, replacing one already there (a correction). */
const saveFigure = (db: Kysely<Database>, measureId: string, f: MeasureFigure): Promise<void> =>
  upsert(db, 'measure_figures', ['measure_id', 'period'], { measure_id: measureId, period: f.period, value: f.value, recorded_at: f.recordedAt, recorded_by: f.recordedBy });

export function projectRepository(db: Kysely<Database>): ProjectRepository {
  return {
    async get(reference) {
      const row = await db.selectFrom('projects').selectAll().where('reference', '=', reference).executeTakeFirst();
      if (!row) return null;
      const children = await childrenOf(db, reference);
      return fromRow(row, children(reference));
    },

    async insert(project) {
      await atomically(db, async (tx) => {
        await tx.insertInto('projects').values(toRow(project)).execute();
        if (project.milestones.length > 0) {
          await tx
            .insertInto('milestones')
            .values(project.milestones.map((m, position) => milestoneToRow(project.reference, m, position)))
            .execute();
        }
        for (const [position, measure] of project.measures.entries()) {
          await tx.insertInto('measures').values({ ...measureToRow(project.reference, measure), position }).execute();
          for (const figure of measure.figures) await saveFigure(tx, measure.id, figure);
        }
      });
    },

    update(project, expectedVersion) {
      const { reference, ...own } = toRow(project);
      return updateAtVersion(db, 'projects', 'reference', reference, own, expectedVersion);
    },

    async saveMilestone(reference, milestone) {
      const { id, reference: _reference, position: _position, ...changes } = milestoneToRow(reference, milestone, 0);
      // A new milestone goes after the project's others; a replaced one keeps its place.
      await db
        .insertInto('milestones')
        .values((eb) => ({
          id,
          reference,
          ...changes,
          position: eb
            .selectFrom('milestones')
            .select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
            .where('reference', '=', reference),
        }))
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },

    async saveMeasure(reference, measure) {
      const { id, reference: _reference, ...changes } = measureToRow(reference, measure);
      // A new measure goes after the project's others; an edited one keeps its place. Figures are saved on their own.
      await db
        .insertInto('measures')
        .values((eb) => ({
          id,
          reference,
          ...changes,
          position: eb
            .selectFrom('measures')
            .select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
            .where('reference', '=', reference),
        }))
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },

    saveMeasureFigure: (measureId, figure) => saveFigure(db, measureId, figure),

    async addRealisedBenefit(reference, benefit) {
      await db.insertInto('realised_benefits').values(benefitToRow(reference, benefit)).execute();
    },

    async listWithRequests() {
      // Four queries however many projects: projects, their requests, then every milestone and benefit.
      const projectRows = await db.selectFrom('projects').selectAll().orderBy('reference').execute();
      const requestRows = await db
        .selectFrom('requests')
        .selectAll()
        .where('reference', 'in', (eb) => eb.selectFrom('projects').select('reference'))
        .execute();
      const requests = new Map(requestRows.map((r) => [r.reference, requestFromRow(r)]));
      const children = await childrenOf(db, null);
      return projectRows.flatMap((row) => {
        const request = requests.get(row.reference);
        const project = fromRow(row, children(row.reference));
        return request ? [{ project, request }] : [];
      });
    },
  };
}
