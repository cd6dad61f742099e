import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
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
import type { StrandId } from '../domain/catalogue';
import type { Direction, Frequency, Measure, MeasureFigure, MeasureKind } from '../domain/measures';
import type { RequestStatus } from '../domain/request';
import type { HealthUpdate } from '../domain/health';
import type { PersonRef } from '../domain/settings';
import { atomically, compareText, readFlag, readJson, readList, toNumber, toNumberOrNull, updateAtVersion, upsert, writeFlag, writeJson } from './columns';
import { healthHistory, latestHealth, recordHealth } from './health-repository';
import { requestFromRow } from './request-repository';
import type { Database, Engine, MeasuresTable, MilestonesTable, ProjectsTable, RealisedBenefitsTable } from './schema';

type ProjectRow = Selectable<ProjectsTable>;
type MilestoneRow = Selectable<MilestonesTable>;
type BenefitRow = Omit<Selectable<RealisedBenefitsTable>, 'id'>;
type MeasureRow = Selectable<MeasuresTable>;

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

const fromRow = (r: ProjectRow, { milestones, benefits: realisedBenefits, measures, health }: Children): Project => ({
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
  ...(health && { health }),
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

/** A milestone as milestonesOf reads it: its revisions still JSON text, read the way every JSON column is. */
type ListedMilestone = Omit<Milestone, 'revisions'> & { revisions: string };

function milestoneFromList(m: ListedMilestone): Milestone {
  const milestone = m as unknown as Milestone;
  milestone.revisions = readList<MilestoneRevision>(m.revisions);
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
  health: HealthUpdate | undefined;
}

/**
 * `json_agg` on PostgreSQL, `json_group_array` on SQLite, of `element` in `order` (code-point order of text on
 * both: PostgreSQL's "C" collation, SQLite's binary). One row per group instead of one per child: reading 50,000
 * milestones as 10,000 JSON arrays costs about half as much as reading them as rows.
 */
function jsonList(engine: Engine, element: RawBuilder<unknown>, order: RawBuilder<unknown>): RawBuilder<unknown> {
  return engine === 'postgres' ? sql`json_agg(${element} order by ${order})` : sql`json_group_array(${element} order by ${order})`;
}
const jsonObject = (engine: Engine, fields: RawBuilder<unknown>) => (engine === 'postgres' ? sql`json_build_object(${fields})` : sql`json_object(${fields})`);
const textOrder = (engine: Engine, column: string) => (engine === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`);
/** PostgreSQL's driver parses json; SQLite gives the text. */
const parsedList = <T>(value: unknown): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : (value as T[]));

/** Each project's milestones in their order (due date, then title, then the order added), as domain milestones. */
async function milestonesOf(db: Kysely<Database>, engine: Engine, reference: string | null): Promise<Map<string, Milestone[]>> {
  const fields = sql`'id', id, 'title', title, 'due', due, 'status', status, 'completedOn', completed_on, 'revisions', revisions`;
  // A drop reason only when there is one, as the domain has it.
  const element = sql`case when drop_reason is null then ${jsonObject(engine, fields)} else ${jsonObject(engine, sql`${fields}, 'dropReason', drop_reason`)} end`;
  const rows = await db
    .selectFrom('milestones')
    .select(['reference', jsonList(engine, element, sql`${textOrder(engine, 'due')}, ${textOrder(engine, 'title')}, position`).as('list')])
    .$if(reference !== null, (q) => q.where('reference', '=', reference as string))
    .groupBy('reference')
    .execute();
  return new Map(rows.map((r) => [r.reference, parsedList<ListedMilestone>(r.list).map(milestoneFromList)]));
}

/** Milestones, realised benefits, measures with their figures and the latest health setting, by project: of one project, or of every project (five queries either way). */
async function childrenOf(db: Kysely<Database>, engine: Engine, reference: string | null): Promise<(reference: string) => Children> {
  const milestones = await milestonesOf(db, engine, reference);
  const benefitRows = await db
    .selectFrom('realised_benefits')
    .selectAll()
    .$if(reference !== null, (q) => q.where('reference', '=', reference as string))
    .orderBy('financial_year')
    .orderBy('id')
    .execute();
  const benefits = groupByReference(benefitRows, benefitFromRow);
  const measures = await measuresOf(db, engine, reference);
  const health = await latestHealth(db, reference);
  return (ref) => ({ milestones: milestones.get(ref) ?? [], benefits: benefits.get(ref) ?? [], measures: measures.get(ref) ?? [], health: health.get(ref) });
}

/** Measures by project, in the order added, each with its figures by period (one JSON array per measure). */
async function measuresOf(db: Kysely<Database>, engine: Engine, reference: string | null): Promise<Map<string, Measure[]>> {
  const measureRows = await db
    .selectFrom('measures')
    .selectAll()
    .$if(reference !== null, (q) => q.where('reference', '=', reference as string))
    .execute();
  if (measureRows.length === 0) return new Map();
  const figure = jsonObject(engine, sql`'period', period, 'value', value, 'recordedAt', recorded_at, 'recordedBy', recorded_by`);
  const figureRows = await db
    .selectFrom('measure_figures')
    .select(['measure_id', jsonList(engine, figure, textOrder(engine, 'period')).as('list')])
    .$if(reference !== null, (q) => q.where('measure_id', 'in', (eb) => eb.selectFrom('measures').select('id').where('reference', '=', reference as string)))
    .groupBy('measure_id')
    .execute();
  const figures = new Map(figureRows.map((r) => [r.measure_id, parsedList<MeasureFigure>(r.list)]));
  const ordered = measureRows.sort((a, b) => toNumber(a.position) - toNumber(b.position));
  return groupByReference(ordered, (row) => measureFromRow(row, figures.get(row.id) ?? []));
}

/** Records a measure's figure for its period, replacing one already there (a correction). */
const saveFigure = (db: Kysely<Database>, measureId: string, f: MeasureFigure): Promise<void> =>
  upsert(db, 'measure_figures', ['measure_id', 'period'], { measure_id: measureId, period: f.period, value: f.value, recorded_at: f.recordedAt, recorded_by: f.recordedBy });

export function projectRepository(db: Kysely<Database>, engine: Engine): ProjectRepository {
  return {
    async get(reference) {
      const row = await db.selectFrom('projects').selectAll().where('reference', '=', reference).executeTakeFirst();
      if (!row) return null;
      const children = await childrenOf(db, engine, reference);
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

    recordHealth: (reference, update) => recordHealth(db, reference, update),
    healthHistory: (reference) => healthHistory(db, reference),
    healthBefore: (instant) => latestHealth(db, null, instant),

    async listWithRequests() {
      // A fixed number of queries however many projects: projects, their requests, then their children (childrenOf).
      const projectRows = await db.selectFrom('projects').selectAll().orderBy('reference').execute();
      const requestRows = await db
        .selectFrom('requests')
        .selectAll()
        .where('reference', 'in', (eb) => eb.selectFrom('projects').select('reference'))
        .execute();
      const requests = new Map(requestRows.map((r) => [r.reference, requestFromRow(r)]));
      const children = await childrenOf(db, engine, null);
      return projectRows.flatMap((row) => {
        const request = requests.get(row.reference);
        const project = fromRow(row, children(row.reference));
        return request ? [{ project, request }] : [];
      });
    },

    async listWithHeadlines() {
      // The request's four headline columns joined in, rather than every column of it (a tenth of the read).
      const rows = await db
        .selectFrom('projects')
        .innerJoin('requests', 'requests.reference', 'projects.reference')
        .selectAll('projects')
        .select(['requests.title', 'requests.status', 'requests.strand'])
        .orderBy('projects.reference')
        .execute();
      const children = await childrenOf(db, engine, null);
      // The row as read (fromRow takes the project's columns from it), not a copy without the request's: 10,000 fewer objects.
      return rows.map((row) => ({
        project: fromRow(row, children(row.reference)),
        request: { reference: row.reference, title: row.title, status: row.status as RequestStatus, strand: row.strand as StrandId },
      }));
    },
  };
}
