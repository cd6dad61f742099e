import { z } from 'zod';
import { type ReminderAnswer, answerReminder } from '../../app/reminders/answer-reminder';
import { previewReminders, runRemindersNow, sendPrivately } from '../../app/reminders/run-reminders-now';
import { noticeCard } from '../../presenters/notice';
import { reminderInputsOf } from '../../presenters/reminder';
import { BUSINESS_CASE_STATUSES, DPIA_STATUSES } from '../../domain/project';
import { card, text } from '../reply';
import { fieldErrors, isoDate, link, optionalTyped, personId, reference, toggle, typed, typedText } from './schemas';
import { verb, type Verb } from './verb';

/** Answers on a reminder card (inputs are named `i<item>_<field>`), and `reminders preview` / `reminders run`. */

const base = z
  .object({
    messageId: z.string().min(1).max(300),
    item: z.coerce.number().int().min(0).max(100),
    itemKey: z.string().min(1).max(300),
    reference,
    version: z.coerce.number({ error: 'the card version is missing' }).int().min(0),
  })
  .loose();

function reminderVerb<S extends z.ZodRawShape>(name: string, fields: S, toAnswer: (f: z.output<z.ZodObject<S>>) => ReminderAnswer): Verb {
  const schema = z.object(fields);
  return verb(name, base, async ({ deps, actor }, d) => {
    const typed = reminderInputsOf(d.item, d);
    const parsed = schema.safeParse(typed);
    const answer: ReminderAnswer = parsed.success
      ? toAnswer(parsed.data)
      : { kind: 'invalid', errors: fieldErrors(parsed.error), values: typedText(typed) };
    return card(await answerReminder(deps, actor, { messageId: d.messageId, item: d.item, key: d.itemKey, version: d.version }, answer, deps.reminders));
  }) as unknown as Verb;
}

const anyText = z.string().optional().transform((v) => v ?? '');

export const REMINDER_VERBS: Verb[] = [
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
  reminderVerb('reminder.snooze', { snoozeReason: typed('the reason', 1000) }, (f) => ({ kind: 'snooze', reason: f.snoozeReason })),
  verb('reminders.preview', z.object({}).loose(), async ({ deps, actor, channel }) => {
    const preview = noticeCard('Reminders at the next run', await previewReminders(deps, actor, deps.reminders));
    if (!channel) return card(preview);
    // Typed in a channel, a reply would be seen by everyone: the preview goes to the caller's personal chat.
    await sendPrivately(deps, actor, `preview:${actor.id}:${deps.clock.now().toISOString()}`, preview);
    return text('I have sent you the reminders preview in our personal chat.');
  }) as unknown as Verb,
  verb('reminders.run', z.object({}).loose(), async ({ deps, actor }) => {
    const r = await runRemindersNow(deps, actor, deps.reminders);
    return text(`Reminders queued: ${r.items} item${r.items === 1 ? '' : 's'} for ${r.people} ${r.people === 1 ? 'person' : 'people'}${r.escalated ? `, ${r.escalated} escalated to Digital Leaders` : ''}.`);
  }) as unknown as Verb,
];
