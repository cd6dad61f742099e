/**
 * The Programme tab's view of the Digital Programme (the shapes are in `programme-view-types.ts`).
 *
 * For the public (no signed-in viewer) a project carries exactly what open data publishes, taken from
 * `openProject`, plus ids of the strategy's vocabularies, counts and dates derived from non-personal fields,
 * and what the project is missing. People's names, links and the resourcing note are added only for a
 * signed-in viewer, each picked by name, never copied with a spread.
 */
import { ASPECT_LABELS, HEALTH_ASPECTS, HEALTH_DEFINITION, healthOf, type HealthRules, type HealthStatus, setOn } from './health';
import type { CatalogueEntryView, HealthView, MeasureView, MilestoneView, ProgrammeItem, ProjectDetailResponse, RiskView } from './programme-view-types';
import { realisedIn } from './figures';
import { type Measure, measureStatus, periodLabel, trend } from './measures';
import { byDue, isPublished, openMeasure, openProject, openSolution, type ProgrammeRecord } from './open-data';
import { BUSINESS_CASE_LABELS, DPIA_LABELS, financialYearOf, isOverdue, type Milestone, MISSING_LABELS, whatIsMissing } from './project';
import { contractState, type Solution } from './solutions';
import { isDueForReview, isHighRisk, RISK_KIND_LABELS, RISK_STATUS_LABELS, type RiskEntry, riskScore } from './risks';

export type ProjectDetail = ProjectDetailResponse['project'];
export type HistoryEntry = ProjectDetail['history'][number];

/** Who the view is for: anyone (open data's fields only) or a signed-in member of staff. */
export type Audience = 'public' | 'signed-in';

const milestoneView = (m: Milestone, today: string): MilestoneView => ({
  title: m.title,
  due: m.due,
  status: m.status,
  overdue: isOverdue(m, today),
  completedOn: m.completedOn,
});

/** One project of the published programme as the tab lists it; `today` is the London date. */
export function programmeItem(record: ProgrammeRecord, today: string, audience: Audience, rules: HealthRules): ProgrammeItem {
  if (!isPublished(record)) throw new Error(`${record.request.reference} is not in the published programme`);
  const { project, request } = record;
  const open = openProject(record);
  const thisYear = financialYearOf(today);
  const upcoming = project.milestones.filter((m) => m.status === 'planned' && m.due >= today).sort(byDue);
  const item: ProgrammeItem = {
    reference: open.reference,
    title: open.title,
    strandId: request.strand,
    strand: open.strand,
    principleIds: [...request.principles],
    principles: open.principles,
    statusId: request.status as ProgrammeItem['statusId'],
    status: open.status,
    priorityId: project.priority,
    priority: open.priority,
    isPriority: open.isPriority,
    missing: whatIsMissing(project, today).map((m) => MISSING_LABELS[m]),
    milestoneCount: project.milestones.length,
    overdueMilestones: project.milestones.filter((m) => isOverdue(m, today)).length,
    nextDue: upcoming[0]?.due ?? null,
    plannedAnnualCashSaving: open.plannedAnnualCashSaving,
    realisedThisYear: realisedIn(open.realisedSavings, thisYear),
    approvedOn: open.approvedOn,
    stage: open.stage,
    health: healthView(healthOf(request.status, project.health, today, rules), audience),
  };
  if (audience === 'signed-in') {
    item.owners = {
      digitalLeader: project.digitalLeader?.name ?? null,
      projectLead: project.projectLead?.name ?? null,
      projectManager: project.projectManager?.name ?? null,
    };
  }
  return item;
}

/** One project in full: the list's fields, its business case, plan, resourcing, DPIA, milestones, savings, measures and `history`. */
export function projectDetail(record: ProgrammeRecord, today: string, audience: Audience, history: HistoryEntry[], rules: HealthRules): ProjectDetail {
  const { project } = record;
  const personal = audience === 'signed-in';
  const open = openProject(record);
  return {
    ...programmeItem(record, today, audience, rules),
    businessCase: {
      status: BUSINESS_CASE_LABELS[project.businessCase.status],
      date: project.businessCase.date,
      ...(personal && { link: project.businessCase.link }),
    },
    plan: { present: !!project.planLink, ...(personal && { link: project.planLink }) },
    resourcing: { confirmed: project.resourcing.confirmed, ...(personal && { note: project.resourcing.note }) },
    dpia: project.dpia === null ? null : DPIA_LABELS[project.dpia],
    milestones: [...project.milestones].sort(byDue).map((m) => milestoneView(m, today)),
    realisedSavings: open.realisedSavings,
    measures: project.measures.map(measureView),
    healthDefinition: HEALTH_DEFINITION(rules.rhythm),
    stageSince: open.stageSince,
    gates: open.gates,
    history,
  };
}

/** The health status for the tab: colour, words and each aspect for everyone; the reasons (typed text) and who set it only signed in. */
function healthView(health: HealthStatus | null, audience: Audience): HealthView | null {
  if (!health) return null;
  const latest = health.latest;
  const view: HealthView = { shown: health.shown, label: health.label, stale: health.stale, setOn: latest ? setOn(latest) : null, aspects: [] };
  if (!latest) return view;
  view.aspects = HEALTH_ASPECTS.map((a) => ({ aspect: ASPECT_LABELS[a], rag: latest.ratings[a].rag, ...(audience === 'signed-in' && { reason: latest.ratings[a].reason }) }));
  if (audience === 'signed-in') view.setBy = latest.setBy;
  return view;
}

/** A measure with its status and trend, as measures.ts defines them; open data's fields only, so the same for everyone. */
export function measureView(measure: Measure): MeasureView {
  const { status, latest, met } = measureStatus(measure);
  return {
    ...openMeasure(measure),
    track: status,
    met,
    latest: latest && { ...latest, label: periodLabel(measure.frequency, latest.period) },
    trend: trend(measure),
  };
}

/** A catalogue entry as open data publishes it, with its strands' ids and its contract's state on `today`. */
export const catalogueEntry = (solution: Solution, today: string): CatalogueEntryView => ({
  ...openSolution(solution, today),
  strandIds: [...solution.strands],
  contract: contractState(solution, today),
});

/** A risk or issue for the tab (signed-in viewers only), its score and overdue review from risks.ts. */
export const riskView = (e: RiskEntry, today: string, canEdit: boolean): RiskView => ({
  id: e.id,
  version: e.version,
  canEdit,
  kind: RISK_KIND_LABELS[e.kind] as RiskView['kind'],
  description: e.description,
  likelihood: e.kind === 'issue' ? null : e.likelihood,
  impact: e.impact,
  score: riskScore(e),
  high: isHighRisk(e),
  owner: e.owner.name,
  mitigation: e.mitigation,
  reviewDate: e.reviewDate,
  reviewDue: isDueForReview(e, today),
  status: RISK_STATUS_LABELS[e.status] as RiskView['status'],
});
