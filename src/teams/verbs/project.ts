import { z } from 'zod';
import { addMilestones } from '../../app/add-milestones';
import { completeMilestone } from '../../app/complete-milestone';
import { editProject, type ProjectEdit } from '../../app/edit-project';
import { type ProjectView, viewProject } from '../../app/view-project';
import { projectCard } from '../../cards';
import { BUSINESS_CASE_STATUSES, DPIA_STATUSES } from '../../domain/project';
import { isDomainError } from '../../domain/errors';
import type { Deps } from '../../app/deps';
import type { Actor } from '../../domain/people';
import { card, type Reply } from '../reply';
import { isoDate, link, optionalTyped, reference, toggle, version } from './schemas';
import { verb } from './verb';

/** The project card and its edits: business case, plan, resourcing, DPIA, milestones. */

const today = (deps: Deps) => deps.clock.now().toISOString().slice(0, 10);

/** The project card after a change, with what was saved. */
const changed = (deps: Deps, r: ProjectView & { notice: string }): Reply =>
  card(projectCard({ request: r.request, project: r.project, today: today(deps), canEdit: r.canEdit, notice: r.notice }));

async function shown(deps: Deps, actor: Actor, ref: string, extra: { notice?: string; errors?: Record<string, string>; values?: Record<string, string> } = {}): Promise<Reply> {
  const view = await viewProject(deps, actor, ref);
  return card(projectCard({ request: view.request, project: view.project, today: today(deps), canEdit: view.canEdit, ...extra }));
}

export const projectView = verb('project.view', z.object({ reference }).loose(), ({ deps, actor }, d) => shown(deps, actor, d.reference));

const edit = <S extends z.ZodRawShape>(name: string, shape: S, toEdit: (d: z.output<z.ZodObject<S>>) => ProjectEdit) =>
  verb(name, z.object({ reference, version, ...shape }).loose(), async ({ deps, actor }, d) => {
    const data = d as { reference: string; version: number } & z.output<z.ZodObject<S>>;
    return changed(deps, await editProject(deps, actor, data.reference, data.version, toEdit(data)));
  });

export const projectBusinessCase = edit(
  'project.business-case',
  {
    status: z.enum(BUSINESS_CASE_STATUSES, { error: 'choose the business case status' }),
    link: link.optional().or(z.literal('').transform(() => undefined)),
    date: isoDate,
  },
  (d) => ({ kind: 'business-case', status: d.status, link: d.link ?? null, date: d.date }),
);

export const projectPlan = edit('project.plan', { planLink: link }, (d) => ({ kind: 'plan', link: d.planLink }));

export const projectResourcing = edit('project.resourcing', { confirmed: toggle, note: optionalTyped(1000) }, (d) => ({ kind: 'resourcing', confirmed: d.confirmed, note: d.note }));

export const projectDpia = edit('project.dpia', { dpia: z.enum(DPIA_STATUSES, { error: 'choose the DPIA status' }) }, (d) => ({ kind: 'dpia', status: d.dpia }));

export const milestoneAdd = verb('milestone.add', z.object({ reference, version }).loose(), async ({ deps, actor }, d) => {
  const rows = Object.fromEntries(Object.entries(d).filter(([k, v]) => /^m[1-5](Title|Due)$/.test(k) && typeof v === 'string')) as Record<string, string>;
  try {
    return changed(deps, await addMilestones(deps, actor, d.reference, d.version, rows));
  } catch (error) {
    if (isDomainError(error) && error.code === 'INVALID_FIELD' && error.details.errors) {
      return shown(deps, actor, d.reference, { notice: 'Some milestones need fixing; nothing was saved.', errors: error.details.errors as Record<string, string>, values: rows });
    }
    throw error;
  }
});

export const milestoneDone = verb('milestone.done', z.object({ reference, version, milestoneId: z.string().min(1).max(64) }).loose(), async ({ deps, actor }, d) => {
  return changed(deps, await completeMilestone(deps, actor, d.reference, d.version, d.milestoneId));
});
