import type { HealthUpdate } from './health';
import type { Measure } from './measures';
import type { PersonRef } from './settings';

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const BUSINESS_CASE_STATUSES = ['not-started', 'drafting', 'submitted', 'approved'] as const;
export type BusinessCaseStatus = (typeof BUSINESS_CASE_STATUSES)[number];
export const BUSINESS_CASE_LABELS: Record<BusinessCaseStatus, string> = {
  'not-started': 'Not started',
  drafting: 'Drafting',
  submitted: 'Submitted',
  approved: 'Approved',
};

export const DPIA_STATUSES = ['not-started', 'in-progress', 'completed'] as const;
export type DpiaStatus = (typeof DPIA_STATUSES)[number];
export const DPIA_LABELS: Record<DpiaStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', completed: 'Completed' };

/** Dropped: left out when the project was completed, with a reason. */
const MILESTONE_STATUSES = ['planned', 'done', 'missed', 'dropped'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface MilestoneRevision {
  from: string;
  to: string;
  reason: string;
  at: string;
  by: string;
}

export interface Milestone {
  id: string;
  title: string;
  /** ISO date; the current (possibly revised) due date. */
  due: string;
  status: MilestoneStatus;
  completedOn: string | null;
  revisions: MilestoneRevision[];
  /** Why it was dropped (only when dropped). */
  dropReason?: string;
}

/**
 * A benefit realised in a financial year, recorded from the project card: a cash saving, or (cashSaving null) a
 * benefit that is not cash, which its note describes. Either may name the project's measure that shows it.
 */
export interface RealisedBenefit {
  /** Financial year April-March, e.g. "2026/27". */
  financialYear: string;
  /** Whole pounds saved; null for a non-cash benefit. */
  cashSaving: number | null;
  note: string | null;
  /** The id of the project's measure that shows it, if any. */
  measureId: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** An approved request in the Digital Programme, with what the strategy asks every priority project to have. */
export interface Project {
  reference: string;
  priority: Priority;
  isPriority: boolean;
  digitalLeader: PersonRef | null;
  projectLead: PersonRef | null;
  projectManager: PersonRef | null;
  businessCase: { status: BusinessCaseStatus; link: string | null; date: string | null };
  planLink: string | null;
  resourcing: { confirmed: boolean; note: string | null };
  /** Null when no personal data is involved. */
  dpia: DpiaStatus | null;
  plannedBenefits: { annualCash: number | null; nonCash: string | null };
  realisedBenefits: RealisedBenefit[];
  milestones: Milestone[];
  /** Outcome measures, in the order they were added. */
  measures: Measure[];
  /** The latest health (RAG) setting (health.ts); absent before the first. */
  health?: HealthUpdate;
  approvedAt: string;
  version: number;
  updatedAt: string;
}

/** A piece the strategy expects a project to have that it does not have yet. */
export type MissingItem =
  | 'digital-leader'
  | 'project-lead'
  | 'project-manager'
  | 'business-case'
  | 'business-case-approval'
  | 'implementation-plan'
  | 'milestones'
  | 'resourcing'
  | 'dpia'
  | 'overdue-milestone';

export const MISSING_LABELS: Record<MissingItem, string> = {
  'digital-leader': 'Digital Leader',
  'project-lead': 'Project Lead',
  'project-manager': 'Project Manager',
  'business-case': 'Business case',
  'business-case-approval': 'Business case approval',
  'implementation-plan': 'Implementation plan',
  milestones: 'Milestones',
  resourcing: 'Confirmed resourcing',
  dpia: 'Data protection impact assessment',
  'overdue-milestone': 'Late milestone',
};

/**
 * What a project is missing, in the strategy's order: people first, then the business case, plan,
 * milestones, resourcing (for priority projects), the DPIA where personal data is involved, and any
 * milestone past its due date. The same rules drive the project card, `programme` and the reminders.
 */
export function whatIsMissing(project: Project, today: string): MissingItem[] {
  const missing: MissingItem[] = [];
  if (!project.digitalLeader) missing.push('digital-leader');
  if (!project.projectLead) missing.push('project-lead');
  if (!project.projectManager) missing.push('project-manager');
  if (project.businessCase.status === 'not-started' && !project.businessCase.link) missing.push('business-case');
  else if (project.businessCase.status !== 'approved') missing.push('business-case-approval');
  if (!project.planLink) missing.push('implementation-plan');
  if (project.milestones.length === 0) missing.push('milestones');
  if (project.isPriority && !project.resourcing.confirmed) missing.push('resourcing');
  if (project.dpia !== null && project.dpia !== 'completed') missing.push('dpia');
  if (project.milestones.some((m) => isOverdue(m, today))) missing.push('overdue-milestone');
  return missing;
}

export const isOverdue = (m: Pick<Milestone, 'status' | 'due'>, today: string): boolean => m.status === 'planned' && m.due < today;

/** UK financial year (April to March) of an ISO date: 2027-03-31 → "2026/27". */
export function financialYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** What **Record benefit** takes: the year, a cash saving or none (a benefit that is not cash), a note and a measure. */
export interface BenefitInput {
  /** The financial year as chosen (`2026/27`), or null when it is not one. */
  financialYear: string | null;
  cashSaving: number | null;
  note: string | null;
  measureId: string | null;
}

export type BenefitField = 'benefitYear' | 'cashSaving' | 'benefitNote' | 'benefitMeasure';

/**
 * What is wrong with a benefit to record on `project` in the financial year `current`, every problem at once:
 * a year to come, a benefit with neither a cash saving nor a note saying what it was, a measure not the project's.
 */
export function benefitProblems(project: Pick<Project, 'reference' | 'measures'>, input: BenefitInput, current: string): Partial<Record<BenefitField, string>> {
  const problems: Partial<Record<BenefitField, string>> = {};
  if (!input.financialYear || input.financialYear > current) problems.benefitYear = 'Choose this financial year or an earlier one.';
  if (input.cashSaving === null && !input.note) problems.benefitNote = 'Say what the benefit was: a benefit that is not cash is recorded by its note (or enter the cash saving).';
  if (input.measureId && !project.measures.some((m) => m.id === input.measureId)) problems.benefitMeasure = `That measure is no longer part of ${project.reference}: choose another, or none.`;
  return problems;
}
