import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { addMilestones } from '../../app/projects/add-milestones';
import { changeStatus, checkStatusChange } from '../../app/projects/change-status';
import { reopen } from '../../app/projects/reopen-project';
import { completeMilestone } from '../../app/projects/complete-milestone';
import { editProject, type ProjectEdit } from '../../app/projects/edit-project';
import { recordBenefit } from '../../app/projects/record-benefit';
import { colleagueView, projectEditorIds, type ProjectView, viewProject } from '../../app/projects/view-project';
import { refreshAudience } from '../../domain/card-audience';
import { withRefresh } from '../../presenters/refresh';
import { setHealth } from '../../app/projects/set-health';
import { HEALTH_FIELDS } from '../../domain/health';
import type { Actor } from '../../domain/people';
import { MILESTONE_FATES } from '../../domain/guards';
import { BUSINESS_CASE_STATUSES, DPIA_STATUSES } from '../../domain/project';
import { completeConfirmation, withConfirmation } from '../../presenters/confirm';
import { addMeasure, editMeasure, recordFigure } from '../../app/projects/measures';
import type { MeasureForm } from '../../presenters/measures';
import { projectCard } from '../../presenters/project';
import { card, type Reply } from '../reply';
import { type FormAgain, submitForm } from './form';
import { anyText, isoDate, link, optionalTyped, reference, step, toggle, version } from './schemas';
import { verb, view } from './verb';

/** The project card and its edits: business case, plan, resourcing, DPIA, milestones, status, benefits. */

const today = (deps: Deps) => deps.calendar.londonDate(deps.clock.now());

/** The project card for a view, with a line at the top and, when sent back, the problems and what was typed. */
export const projectCardOf = (deps: Deps, found: ProjectView, extra: CardExtra = {}) =>
  projectCard({
    request: found.request,
    project: found.project,
    today: today(deps),
    canEdit: found.canEdit,
    canRecordBenefit: found.canRecordBenefit,
    canEditMeasures: found.canEditMeasures,
    canRecordFigures: found.canRecordFigures,
    canReopen: found.canReopen,
    gates: found.gates,
    health: found.health,
    canSetHealth: found.canSetHealth,
    risks: found.risks,
    editableRisks: found.editableRisks,
    canAddRisk: found.canAddRisk,
    ...extra,
  });
/** What the card is drawn again with: the form's problems and typing, and the measure form left open. */
type CardExtra = FormAgain & { measureForm?: MeasureForm };
const drawn = (deps: Deps, found: ProjectView, extra: CardExtra = {}): Reply => card(projectCardOf(deps, found, extra));

/** The project card as it stands now, for this person. */
const shown = async (deps: Deps, actor: Actor, ref: string, extra: CardExtra = {}): Promise<Reply> => drawn(deps, await viewProject(deps, actor, ref), extra);

/**
 * The project card. Where others see it too (a channel or group chat) and Teams shows each person their own view,
 * it is posted as anyone sees it, and Teams shows those who may edit it (and whoever opened it) their own card.
 */
export const projectView = view('project.view', { reference }, async ({ deps, actor, viewsPerPerson }, d) => {
  const found = await viewProject(deps, actor, d.reference);
  const audience = viewsPerPerson ? refreshAudience([actor.id, ...(await projectEditorIds(deps, found.project))]) : null;
  return audience ? withRefresh(projectCardOf(deps, colleagueView(found)), 'project.refresh', { reference: d.reference }, audience) : projectCardOf(deps, found);
});

/** Teams asking for one person's own view of a project card in a channel or group chat: it replaces the card for them only. */
export const projectRefresh = verb('project.refresh', z.object({ reference }).loose(), async ({ deps, actor }, d) => {
  const found = await viewProject(deps, actor, d.reference);
  const audience = refreshAudience([actor.id, ...(await projectEditorIds(deps, found.project))]);
  const drawn = projectCardOf(deps, found);
  return card(audience ? withRefresh(drawn, 'project.refresh', { reference: d.reference }, audience) : drawn);
});

const keys = { reference, version };

/** A change from the project card, through the one form path: problems and stale cards come back on the card. */
function projectChange<F>(
  deps: Deps,
  actor: Actor,
  d: { reference: string } & Record<string, unknown>,
  fields: z.ZodType<F>,
  save: (f: F) => Promise<ProjectView & { notice: string }>,
  openForm?: MeasureForm,
): Promise<Reply> {
  return submitForm(
    d,
    fields,
    async (f) => {
      const saved = await save(f);
      return drawn(deps, saved, { notice: saved.notice });
    },
    // A form sent back with problems stays open; an out-of-date card comes back as it now is.
    (again) => shown(deps, actor, d.reference, again.errors ? { ...again, measureForm: openForm } : again),
  );
}

/** A sub-form of the project card: its inputs checked by `fields`, saved by `save`. */
const projectForm = <F>(name: string, fields: z.ZodType<F>, save: (deps: Deps, actor: Actor, ref: string, cardVersion: number, f: F) => Promise<ProjectView & { notice: string }>) =>
  verb(name, z.object(keys).loose(), ({ deps, actor }, d) => projectChange(deps, actor, d, fields, (f) => save(deps, actor, d.reference, d.version, f)));

const edit = <S extends z.ZodRawShape>(name: string, shape: S, toEdit: (d: z.output<z.ZodObject<S>>) => ProjectEdit) =>
  projectForm(name, z.object(shape), (deps, actor, ref, v, f) => editProject(deps, actor, ref, v, toEdit(f)));

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

/** Up to five rows `m1Title`/`m1Due` … `m5Title`/`m5Due`; the domain checks them (a bad row is refused with field errors). */
const milestoneRows = z.record(z.string(), z.unknown()).transform((d) =>
  Object.fromEntries(Object.entries(d).filter(([k, v]) => /^m[1-5](Title|Due)$/.test(k) && typeof v === 'string')) as Record<string, string>,
);
/** Health (RAG): "Still green?" confirms the status as it is; Update health sets it (the domain names what is wrong, under its input). */
export const healthSet = projectForm('health.set', z.object(Object.fromEntries(HEALTH_FIELDS.map((f) => [f, anyText]))), (deps, actor, ref, v, values) => setHealth(deps, actor, ref, v, { kind: 'set', values }));
export const healthConfirm = projectForm('health.confirm', z.object({}), (deps, actor, ref, v) => setHealth(deps, actor, ref, v, { kind: 'confirm' }));

export const milestoneAdd = projectForm('milestone.add', milestoneRows, (deps, actor, ref, v, rows) => addMilestones(deps, actor, ref, v, rows));

export const milestoneDone = verb('milestone.done', z.object({ ...keys, milestoneId: z.string().min(1).max(64) }).loose(), ({ deps, actor }, d) =>
  projectChange(deps, actor, d, z.object({}), () => completeMilestone(deps, actor, d.reference, d.version, d.milestoneId)),
);

/** What becomes of the open milestones (the domain says what is missing, keeping what was typed). */
const completion = z.object({
  fate: z
    .enum(MILESTONE_FATES, { error: 'choose what becomes of the open milestones' })
    .or(z.literal(''))
    .optional()
    .transform((v) => v || null),
  dropReason: z.string().max(4000, 'the reason is longer than 4,000 characters').optional().transform((v) => v ?? null),
});

/** The project card with Mark project completed's confirmation on top. */
const askToComplete = (deps: Deps, view: ProjectView, form: FormAgain = {}): Reply =>
  card(withConfirmation(projectCard({ request: view.request, project: view.project, today: today(deps), canEdit: view.canEdit }), completeConfirmation(view.request, view.project, today(deps), form)));

/**
 * Start delivery, or Mark project completed: that asks first, in the card, listing the open milestones and what
 * becomes of them; Cancel draws the card as it was.
 */
export const projectStatus = verb(
  'project.status',
  z.object({ ...keys, status: z.enum(['in-delivery', 'completed'], { error: 'the new status is not valid' }), step }).loose(),
  async ({ deps, actor }, d) => {
    if (d.status === 'in-delivery') return projectChange(deps, actor, d, z.object({}), () => changeStatus(deps, actor, d.reference, d.version, d.status));
    if (d.step === 'cancel') return shown(deps, actor, d.reference);
    // Sent back with problems: the confirmation again, with what was typed; out of date: the card as it now is.
    const again = async (form: FormAgain) => (form.errors ? askToComplete(deps, await viewProject(deps, actor, d.reference), form) : shown(deps, actor, d.reference, form));
    if (d.step !== 'confirm') return submitForm(d, z.object({}), async () => askToComplete(deps, await checkStatusChange(deps, actor, d.reference, d.version, 'completed')), again);
    return submitForm(
      d,
      completion,
      async (f) => {
        const saved = await changeStatus(deps, actor, d.reference, d.version, 'completed', f);
        return drawn(deps, saved, { notice: saved.notice });
      },
      again,
    );
  },
);

/** The chair or an admin reopens a completed project (others are refused, and the refusal audited). */
export const projectReopen = verb('project.reopen', z.object(keys).loose(), ({ deps, actor }, d) =>
  projectChange(deps, actor, d, z.object({}), () => reopen(deps, actor, d.reference, d.version)),
);

const benefitForm = z.object({
  benefitYear: z.string({ error: 'choose the financial year' }).regex(/^\d{4}\/\d{2}$/, 'choose the financial year'),
  // An empty box is no cash saving (a benefit that is not cash, which the note describes), not a saving of £0.
  cashSaving: z.preprocess(
    (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
    z.coerce
      .number({ error: 'enter the cash saving in whole pounds' })
      .int('enter the cash saving in whole pounds, without pence')
      .min(0, 'the cash saving cannot be negative')
      .max(100_000_000, 'the cash saving must be at most £100,000,000')
      .nullable(),
  ),
  benefitNote: optionalTyped(500),
  benefitMeasure: optionalTyped(64),
});

export const benefitRecord = projectForm('benefit.record', benefitForm, (deps, actor, ref, v, f) =>
  recordBenefit(deps, actor, ref, v, { financialYear: f.benefitYear, cashSaving: f.cashSaving, note: f.benefitNote, measureId: f.benefitMeasure }),
);

/** Opens one measure form on the project card (Add measure, Edit measure, Record figure), or closes it; saves nothing. */
export const measureForm = verb(
  'measure.form',
  z.object({ reference, mode: z.enum(['add', 'edit', 'record', 'close'], { error: 'the measure form is not valid' }), measureId: z.string().max(64).optional() }).loose(),
  async ({ deps, actor }, d) => {
    if (d.mode === 'close') return shown(deps, actor, d.reference);
    if (d.mode === 'add') return shown(deps, actor, d.reference, { measureForm: { mode: 'add' } });
    const found = await viewProject(deps, actor, d.reference);
    if (!found.project.measures.some((m) => m.id === d.measureId)) return drawn(deps, found, { notice: `That measure is no longer part of ${d.reference}.` });
    return drawn(deps, found, { measureForm: { mode: d.mode, measureId: d.measureId as string } });
  },
);

/** The measure form's inputs, each kept as typed: the domain checks them and names each problem. */
const typedField = z.union([z.string().max(200), z.number().transform(String)]).optional();
const measureFields = z.object({
  measureName: typedField,
  measureKind: typedField,
  measureUnit: typedField,
  baselineValue: typedField,
  baselineDate: typedField,
  targetValue: typedField,
  targetDate: typedField,
  measureDirection: typedField,
  measureFrequency: typedField,
});
const measureKeys = z.object({ ...keys, measureId: z.string().max(64).optional() }).loose();

export const measureAdd = verb('measure.add', measureKeys, ({ deps, actor }, d) =>
  projectChange(deps, actor, d, measureFields, (f) => addMeasure(deps, actor, d.reference, d.version, f), { mode: 'add' }),
);

export const measureEdit = verb('measure.edit', measureKeys, ({ deps, actor }, d) =>
  projectChange(deps, actor, d, measureFields, (f) => editMeasure(deps, actor, d.reference, d.version, d.measureId ?? '', f), { mode: 'edit', measureId: d.measureId ?? '' }),
);

export const measureRecord = verb('measure.record', measureKeys, ({ deps, actor }, d) =>
  projectChange(deps, actor, d, z.object({ figurePeriod: typedField, figureValue: typedField }), (f) => recordFigure(deps, actor, d.reference, d.version, d.measureId ?? '', f), {
    mode: 'record',
    measureId: d.measureId ?? '',
  }),
);
