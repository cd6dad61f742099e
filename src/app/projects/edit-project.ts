import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import type { Measure, MeasureFigure } from '../../domain/measures';
import type { BusinessCaseStatus, DpiaStatus, Milestone, Project, RealisedBenefit } from '../../domain/project';
import { recordProjectChange } from '../follows/tell-followers';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { type ProjectView, viewProject } from './view-project';

export type ProjectEdit =
  | { kind: 'business-case'; status: BusinessCaseStatus; link: string | null; date: string | null }
  | { kind: 'plan'; link: string }
  | { kind: 'resourcing'; confirmed: boolean; note: string | null }
  | { kind: 'dpia'; status: DpiaStatus };

const NOTICES: Record<ProjectEdit['kind'], string> = {
  'business-case': 'Business case saved.',
  plan: 'Implementation plan saved.',
  resourcing: 'Resourcing saved.',
  dpia: 'Data protection impact assessment status saved.',
};

function applyEdit(project: Project, edit: ProjectEdit): Project {
  switch (edit.kind) {
    case 'business-case':
      return { ...project, businessCase: { status: edit.status, link: edit.link, date: edit.date } };
    case 'plan':
      return { ...project, planLink: edit.link };
    case 'resourcing':
      return { ...project, resourcing: { confirmed: edit.confirmed, note: edit.note } };
    case 'dpia':
      if (project.dpia === null) throw new DomainError('INVALID_FIELD', `${project.reference} involves no personal data, so it needs no DPIA.`, { field: 'dpia' });
      return { ...project, dpia: edit.status };
  }
}

/** What one change does: the project's own fields, and the milestones, benefits, measures and figures to save. */
interface ProjectChange {
  project: Project;
  milestones?: Milestone[];
  benefits?: RealisedBenefit[];
  /** Measures whose own fields to save (`project.measures` already holds them as changed). */
  measures?: Measure[];
  figures?: { measureId: string; figure: MeasureFigure }[];
  notice: string;
  detail?: string;
  milestone?: string;
}

/**
 * Runs one change to a project by someone allowed to edit it: stale-card check on the project version,
 * the change and new milestones saved in one transaction with an audit event (and a notice to the chats that follow it).
 */
export async function changeProject(
  deps: Deps,
  actor: Actor,
  reference: string,
  cardVersion: number,
  action: string,
  change: (project: Project, now: string) => ProjectChange,
  who: { allowed: (view: ProjectView) => boolean; refusal: string } = {
    allowed: (view) => view.canEdit,
    refusal: `Only the Project Lead, the Project Manager, the Digital Leader, the DSG chair and admins can change ${reference}.`,
  },
): Promise<ProjectView & { notice: string }> {
  const view = await viewProject(deps, actor, reference);
  if (!who.allowed(view)) await refuse(deps, actor, action, { subjectType: 'request', subjectId: reference }, who.refusal);
  const before = view.project;
  if (before.version !== cardVersion) {
    throw new DomainError('STALE_CARD', `${reference} was changed by someone else since this card was sent. Here it is as it is now; please make your change again.`, { reference });
  }
  const now = deps.clock.now().toISOString();
  const changed = change(before, now);
  const project: Project = {
    ...changed.project,
    milestones: mergeMilestones(changed.project.milestones, changed.milestones ?? []),
    version: before.version + 1,
    updatedAt: now,
  };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.projects.update(project, before.version))) throw new DomainError('STALE_CARD', `${reference} changed at the same moment; please try again.`, { reference });
    for (const m of changed.milestones ?? []) await tx.projects.saveMilestone(reference, m);
    for (const b of changed.benefits ?? []) await tx.projects.addRealisedBenefit(reference, b);
    for (const m of changed.measures ?? []) await tx.projects.saveMeasure(reference, m);
    for (const f of changed.figures ?? []) await tx.projects.saveMeasureFigure(f.measureId, f.figure);
    await recordProjectChange(deps, tx, actor, now, action, reference, summary(before), { ...summary(project), ...(changed.milestone && { milestone: changed.milestone }) }, changed.detail ?? null);
  });
  deps.kickOutbox();
  return { ...view, project, notice: changed.notice };
}

function mergeMilestones(existing: Milestone[], saved: Milestone[]): Milestone[] {
  const byId = new Map(existing.map((m) => [m.id, m]));
  for (const m of saved) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.title.localeCompare(b.title)));
}

const summary = (p: Project) => ({
  businessCase: p.businessCase.status,
  businessCaseLink: p.businessCase.link,
  planLink: p.planLink,
  resourcing: p.resourcing.confirmed ? 'confirmed' : 'not confirmed',
  dpia: p.dpia,
  milestones: p.milestones.length,
  realisedBenefits: p.realisedBenefits.length,
  measures: p.measures.length,
});

/** Business case, plan, resourcing or DPIA. */
export function editProject(deps: Deps, actor: Actor, reference: string, cardVersion: number, edit: ProjectEdit) {
  return changeProject(deps, actor, reference, cardVersion, `project.${edit.kind}`, (project) => ({ project: applyEdit(project, edit), notice: NOTICES[edit.kind] }));
}
