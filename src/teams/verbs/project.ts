import { z } from 'zod';
import { addMilestones } from '../../app/projects/add-milestones';
import { changeStatus } from '../../app/projects/change-status';
import { completeMilestone } from '../../app/projects/complete-milestone';
import { recordBenefit } from '../../app/projects/record-benefit';
import { editProject, type ProjectEdit } from '../../app/projects/edit-project';
import { type ProjectView, viewProject } from '../../app/projects/view-project';
import { projectCard } from '../../presenters/project';
import { BUSINESS_CASE_STATUSES, DPIA_STATUSES } from '../../domain/project';
import { isDomainError } from '../../domain/errors';
import type { Deps } from '../../app/deps';
import type { Actor } from '../../domain/people';
import { card, type Reply } from '../reply';
import { fieldErrors, isoDate, link, optionalTyped, reference, toggle, typedText, version } from './schemas';
import { verb } from './verb';

/** The project card and its edits: business case, plan, resourcing, DPIA, milestones. */

const today = (deps: Deps) => deps.calendar.londonDate(deps.clock.now());

/** The project card after a change, with what was saved. */
const changed = (deps: Deps, r: ProjectView & { notice: string }): Reply =>
  card(projectCard({ request: r.request, project: r.project, today: today(deps), canEdit: r.canEdit, canRecordBenefit: r.canRecordBenefit, notice: r.notice }));

async function shown(deps: Deps, actor: Actor, ref: string, extra: { notice?: string; errors?: Record<string, string>; values?: Record<string, string> } = {}): Promise<Reply> {
  const view = await viewProject(deps, actor, ref);
  return card(projectCard({ request: view.request, project: view.project, today: today(deps), canEdit: view.canEdit, canRecordBenefit: view.canRecordBenefit, ...extra }));
}

export const projectView = verb('project.view', z.object({ reference }).loose(), ({ deps, actor }, d) => shown(deps, actor, d.reference));

/**
 * Runs a change from the project card. What the person typed that is wrong comes back as field errors on the
 * card (with what they typed); a card that is out of date comes back as the card as it is now.
 */
async function change(deps: Deps, actor: Actor, ref: string, run: () => Promise<ProjectView & { notice: string }>, typed: Record<string, unknown>): Promise<Reply> {
  try {
    return changed(deps, await run());
  } catch (error) {
    if (isDomainError(error) && error.code === 'STALE_CARD') return shown(deps, actor, ref, { notice: error.message });
    if (isDomainError(error) && error.code === 'INVALID_FIELD' && error.details.errors) {
      return shown(deps, actor, ref, { notice: 'Not saved: fix the problem marked below.', errors: error.details.errors as Record<string, string>, values: typedText(typed) });
    }
    throw error;
  }
}

const edit = <S extends z.ZodRawShape>(name: string, shape: S, toEdit: (d: z.output<z.ZodObject<S>>) => ProjectEdit) =>
  verb(name, z.object({ reference, version }).loose(), async ({ deps, actor }, d) => {
    const fields = z.object(shape).safeParse(d);
    if (!fields.success) {
      return shown(deps, actor, d.reference, { notice: 'Not saved: fix the problem marked below.', errors: fieldErrors(fields.error), values: typedText(d) });
    }
    return change(deps, actor, d.reference, () => editProject(deps, actor, d.reference, d.version, toEdit(fields.data)), d);
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
  return change(deps, actor, d.reference, () => addMilestones(deps, actor, d.reference, d.version, rows), rows);
});

export const milestoneDone = verb('milestone.done', z.object({ reference, version, milestoneId: z.string().min(1).max(64) }).loose(), async ({ deps, actor }, d) => {
  return change(deps, actor, d.reference, () => completeMilestone(deps, actor, d.reference, d.version, d.milestoneId), {});
});

export const projectStatus = verb(
  'project.status',
  z.object({ reference, version, status: z.enum(['in-delivery', 'completed'], { error: 'the new status is not valid' }) }).loose(),
  ({ deps, actor }, d) => change(deps, actor, d.reference, () => changeStatus(deps, actor, d.reference, d.version, d.status), {}),
);

const benefitForm = z.object({
  benefitYear: z.string({ error: 'choose the financial year' }).regex(/^\d{4}\/\d{2}$/, 'choose the financial year'),
  // An empty box is no answer, not a saving of £0.
  cashSaving: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: 'enter the cash saving in whole pounds' })
      .int('enter the cash saving in whole pounds, without pence')
      .min(0, 'the cash saving cannot be negative')
      .max(100_000_000, 'the cash saving must be at most £100,000,000'),
  ),
  benefitNote: optionalTyped(500),
});

export const benefitRecord = verb('benefit.record', z.object({ reference, version }).loose(), async ({ deps, actor }, d) => {
  const fields = benefitForm.safeParse(d);
  if (!fields.success) {
    return shown(deps, actor, d.reference, { notice: 'Not recorded: fix the problem marked below.', errors: fieldErrors(fields.error), values: typedText(d) });
  }
  const f = fields.data;
  return change(deps, actor, d.reference, () => recordBenefit(deps, actor, d.reference, d.version, { financialYear: f.benefitYear, cashSaving: f.cashSaving, note: f.benefitNote }), d);
});
