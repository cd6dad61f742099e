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
import type { PersonRef } from '../domain/settings';
import { atomically, compareText, readFlag, readJson, readList, toNumber, toNumberOrNull, updateAtVersion, writeFlag, writeJson } from './columns';
import { requestFromRow } from './request-repository';
import type { Database, MilestonesTable, ProjectsTable, RealisedBenefitsTable } from './schema';

type ProjectRow = Selectable<ProjectsTable>;
type MilestoneRow = Selectable<MilestonesTable>;
type BenefitRow = Omit<Selectable<RealisedBenefitsTable>, 'id'>;

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

const fromRow = (r: ProjectRow, milestones: Milestone[], realisedBenefits: RealisedBenefit[]): Project => ({
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

const milestoneFromRow = (r: MilestoneRow): Milestone => ({
  id: r.id,
  title: r.title,
  due: r.due,
  status: r.status as MilestoneStatus,
  completedOn: r.completed_on,
  revisions: readList<MilestoneRevision>(r.revisions),
  ...(r.drop_reason !== null && { dropReason: r.drop_reason }),
});

const benefitToRow = (reference: string, b: RealisedBenefit): BenefitRow => ({
  reference,
  financial_year: b.financialYear,
  cash_saving: b.cashSaving,
  note: b.note,
  recorded_at: b.recordedAt,
  recorded_by: b.recordedBy,
});

const benefitFromRow = (r: BenefitRow): RealisedBenefit => ({
  financialYear: r.financial_year,
  cashSaving: toNumber(r.cash_saving),
  note: r.note,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

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

/** Milestones and realised benefits, by project: of one project, or of every project (two queries either way). */
async function childrenOf(db: Kysely<Database>, reference: string | null) {
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
  return { milestones, benefits: groupByReference(benefitRows, benefitFromRow) };
}

export function projectRepository(db: Kysely<Database>): ProjectRepository {
  return {
    async get(reference) {
      const row = await db.selectFrom('projects').selectAll().where('reference', '=', reference).executeTakeFirst();
      if (!row) return null;
      const { milestones, benefits } = await childrenOf(db, reference);
      return fromRow(row, milestones.get(reference) ?? [], benefits.get(reference) ?? []);
    },

    async insert(project) {
      await atomically(db, async (tx) => {
        await tx.insertInto('projects').values(toRow(project)).execute();
        if (project.milestones.length === 0) return;
        await tx
          .insertInto('milestones')
          .values(project.milestones.map((m, position) => milestoneToRow(project.reference, m, position)))
          .execute();
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
      const { milestones, benefits } = await childrenOf(db, null);
      return projectRows.flatMap((row) => {
        const request = requests.get(row.reference);
        const project = fromRow(row, milestones.get(row.reference) ?? [], benefits.get(row.reference) ?? []);
        return request ? [{ project, request }] : [];
      });
    },
  };
}
