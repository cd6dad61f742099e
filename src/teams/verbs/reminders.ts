import { z } from 'zod';
import { answerReminder, checkRetire, loadReminderView, planReplacement, type ReminderAnswer } from '../../app/reminders/answer-reminder';
import { type ManualRun, previewReminders, runRemindersNow, sendPrivately } from '../../app/reminders/run-reminders-now';
import type { RunResult } from '../../app/reminders/send-due-reminders';
import { ukTime } from '../../domain/dates';
import { MEETINGS_GROUP } from '../../domain/meetings';
import { CATALOGUE_GROUP } from '../../domain/procurement';
import { retireConfirmation, withConfirmation } from '../../presenters/confirm';
import { requestFormCard } from '../../presenters/request-form';
import { HEALTH_FIELDS, type HealthField } from '../../domain/health';
import { BUSINESS_CASE_STATUSES, DPIA_STATUSES } from '../../domain/project';
import { reminderCard, reminderInputsOf } from '../../presenters/reminder';
import { remindersPreviewCard } from '../../presenters/reminders-preview';
import { below, card, type Reply, text } from '../reply';
import { type FormAgain, submitForm } from './form';
import { anyText, isoDate, link, optionalTyped, personId, reference, step, toggle, typed } from './schemas';
import { type Verb, verb, type VerbContext } from './verb';

/** Answers on a reminder card (inputs are named `i<item>_<field>`), and `reminders preview` / `reminders run`. */

const keys = z
  .object({
    messageId: z.string().min(1).max(300),
    item: z.coerce.number().int().min(0).max(100),
    itemKey: z.string().min(1).max(300),
    // A project's reference, or the group of the DSG's meeting items or of the catalogue's contracts.
    reference: reference.or(z.literal(MEETINGS_GROUP)).or(z.literal(CATALOGUE_GROUP)),
    version: z.coerce.number({ error: 'the card version is missing' }).int().min(0),
  })
  .loose();

/** `{ status: … }` → `{ i2_status: … }`: the reminder card names each input after its item. */
const prefixed = (item: number, o: Record<string, string> = {}) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`i${item}_${k}`, v]));

type Keys = z.output<typeof keys>;
const actionOf = (d: Keys) => ({ messageId: d.messageId, item: d.item, key: d.itemKey, version: d.version });
/** The reminder card as it now stands, with what was done or what to fix (the item's inputs prefixed again). */
const redrawn = async (deps: VerbContext['deps'], d: Keys, form: FormAgain) =>
  card(reminderCard({ ...(await loadReminderView(deps, d.messageId)), notice: form.notice, errors: prefixed(d.item, form.errors), values: prefixed(d.item, form.values) }));

/** One answer on a reminder card, through the one form path: the card comes back as it now stands, with what was done or what to fix. */
function reminderVerb<S extends z.ZodRawShape>(name: string, fields: S, toAnswer: (f: z.output<z.ZodObject<S>>) => ReminderAnswer): Verb {
  return verb(name, keys, async ({ deps, actor }, d) =>
    submitForm(
      reminderInputsOf(d.item, d),
      z.object(fields),
      async (f) => redrawn(deps, d, { notice: await answerReminder(deps, actor, actionOf(d), toAnswer(f), deps.reminders) }),
      (form) => redrawn(deps, d, form),
    ),
  );
}

/** A press with nothing typed: what `work` answers, or (the card out of date) the reminder card as it now stands, saying what changed. */
const pressed = (deps: VerbContext['deps'], d: Keys, work: () => Promise<Reply>) => submitForm({}, z.object({}), work, (form) => redrawn(deps, d, form));

/** Retire asks first, on the reminder card itself; Cancel draws the card as it was; Confirm retires the entry. */
const reminderRetire = verb('reminder.retire', keys.extend({ step }), async ({ deps, actor }, d) =>
  pressed(deps, d, async () => {
    if (d.step === 'cancel') return redrawn(deps, d, {});
    if (d.step === 'confirm') return redrawn(deps, d, { notice: await answerReminder(deps, actor, actionOf(d), { kind: 'contract-retire' }, deps.reminders) });
    const solution = await checkRetire(deps, actor, actionOf(d));
    const view = await loadReminderView(deps, d.messageId);
    const data = { messageId: d.messageId, itemKey: d.itemKey, reference: d.reference, version: d.version, item: d.item };
    return card(withConfirmation(reminderCard(view), retireConfirmation(solution, data, view.today)));
  }),
);

/**
 * Plan a replacement: the request form, pre-filled from the entry, opens below as a new message (the reminder stays
 * as it is); the person reviews it and submits it like any request. A press on an entry retired since redraws the reminder.
 */
const reminderReplace = verb('reminder.replace', keys, async ({ deps, actor }, d) =>
  pressed(deps, d, async () => {
    const { draft, solution, again } = await planReplacement(deps, actor, actionOf(d));
    const notice = again
      ? `Your request to replace ${solution.name}, as you left it: check each step, then submit it.`
      : `Pre-filled from ${solution.name} in the catalogue: check each step, change what you need, then submit it.`;
    return below(requestFormCard({ formId: draft.formId, values: draft.values, notice }));
  }),
);


export const REMINDER_VERBS: readonly Verb[] = [
  reminderVerb('reminder.business-case', { status: z.enum(BUSINESS_CASE_STATUSES, { error: 'choose the business case status' }), link: link.optional().or(z.literal('').transform(() => undefined)) }, (f) => ({
    kind: 'business-case',
    status: f.status,
    link: f.link ?? null,
    date: null,
  })),
  reminderVerb('reminder.plan', { planLink: link }, (f) => ({ kind: 'plan', link: f.planLink })),
  reminderVerb('reminder.resourcing', { confirmed: toggle, note: optionalTyped(1000) }, (f) => ({ kind: 'resourcing', confirmed: f.confirmed, note: f.note })),
  reminderVerb('reminder.dpia', { dpia: z.enum(DPIA_STATUSES, { error: 'choose the DPIA status' }) }, (f) => ({ kind: 'dpia', status: f.dpia })),
  reminderVerb(
    'reminder.milestones',
    { m1Title: anyText, m1Due: anyText, m2Title: anyText, m2Due: anyText, m3Title: anyText, m3Due: anyText },
    (f) => ({ kind: 'milestones', rows: f }),
  ),
  reminderVerb('reminder.milestone-done', {}, () => ({ kind: 'milestone-done' })),
  reminderVerb('reminder.milestone-move', { newDue: isoDate, reason: typed('the reason', 1000) }, (f) => ({ kind: 'milestone-move', newDue: f.newDue ?? '', reason: f.reason })),
  reminderVerb('reminder.assign', { projectLead: personId, projectManager: personId }, (f) => ({ kind: 'assign', projectLead: f.projectLead, projectManager: f.projectManager })),
  reminderVerb('reminder.answer', { answer: typed('your answer') }, (f) => ({ kind: 'answer', answer: f.answer })),
  reminderVerb('reminder.action-done', {}, () => ({ kind: 'action-done' })),
  // The domain reads the number and names what is wrong with it.
  reminderVerb('reminder.measure-figure', { figureValue: anyText }, (f) => ({ kind: 'measure-figure', value: f.figureValue })),
  // The domain names a missing status, or amber or red without a reason, under its input.
  reminderVerb('reminder.health', Object.fromEntries(HEALTH_FIELDS.map((f) => [f, anyText])) as Record<HealthField, typeof anyText>, (f) => ({ kind: 'health', values: f })),
  reminderVerb('reminder.health-confirm', {}, () => ({ kind: 'health-confirm' })),
  reminderReplace,
  reminderVerb('reminder.renew', { newEnd: anyText }, (f) => ({ kind: 'contract-renew', newEnd: f.newEnd })),
  reminderRetire,
  reminderVerb('reminder.risk-reviewed', {}, () => ({ kind: 'risk-reviewed' })),
  // The domain checks the scores (1–5) and the date, and names each problem under its input.
  reminderVerb('reminder.risk-update', { riskLikelihood: anyText, riskImpact: anyText, riskMitigation: anyText, riskReviewDate: anyText }, (f) => ({ kind: 'risk-update', values: f })),
  reminderVerb('reminder.risk-close', {}, () => ({ kind: 'risk-close' })),
  reminderVerb('reminder.snooze', { snoozeReason: typed('the reason', 1000) }, (f) => ({ kind: 'snooze', reason: f.snoozeReason })),
  verb('reminders.preview', z.object({}).loose(), async ({ deps, actor, channel }) => {
    const preview = await previewReminders(deps, actor);
    if (!channel) return card(remindersPreviewCard(preview));
    // Typed in a channel, a reply would be seen by everyone: the preview goes to the caller's personal chat.
    await sendPrivately(deps, actor, `preview:${actor.id}:${deps.clock.now().toISOString()}`, { kind: 'reminders-preview' });
    return text('I have sent you the reminders preview in our personal chat.');
  }),
  verb('reminders.run', z.object({}).loose(), async ({ deps, actor }) => text(runWords(await runRemindersNow(deps, actor, deps.reminders)))),
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const forPeople = (r: RunResult) => `${count(r.items, 'item', 'items')} for ${count(r.people, 'person', 'people')}${r.escalated ? `, ${r.escalated} escalated to Digital Leaders` : ''}`;

/** What a run by hand really did: what it queued, or that a run in the same minute already had, and when one can again. */
function runWords(r: ManualRun): string {
  const { queued } = r;
  const already = r.people - queued.people + (r.escalated - queued.escalated);
  const again = `A run was made at ${ukTime(r.slot.startedAt)}; the next run can send from ${ukTime(r.slot.next)}.`;
  if (!queued.people && !queued.escalated) {
    if (!r.people && !r.escalated) return 'Nothing to send: nobody is due a reminder right now.';
    return `Nothing new was queued: the reminders due now (${forPeople(r)}) were already queued by the run at ${ukTime(r.slot.startedAt)}. The next run can send from ${ukTime(r.slot.next)}.`;
  }
  return `Reminders queued: ${forPeople(queued)}.${already > 0 ? ` Some were already queued this minute. ${again}` : ''}`;
}
