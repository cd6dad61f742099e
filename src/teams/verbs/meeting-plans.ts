import { z } from 'zod';
import { addPlannedMeeting, cancelPlannedMeeting, checkCancelMeeting, movePlannedMeeting } from '../../app/meetings/plan-meetings';
import { viewSettings } from '../../app/triage/save-settings';
import { ukDate } from '../../domain/dates';
import { isDomainError } from '../../domain/errors';
import { meetingWords } from '../../domain/meeting-plans';
import { withConfirmation } from '../../presenters/confirm';
import { cancelMeetingConfirmation } from '../../presenters/settings';
import { card, type Reply } from '../reply';
import { settingsNow } from './dsg';
import { step, typedText } from './schemas';
import { verb, type VerbContext } from './verb';

/** The chair adds, moves and cancels the DSG's meetings on the settings card. */

const settingsVersion = z.coerce.number({ error: 'the card version is missing' }).int().min(0);
/** The date of the meeting a Move or Cancel press is about (`date` is the Move form's new date). */
const meetingDate = z.string({ error: 'the meeting date is missing' }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'the meeting date is not valid');
/** What the form sent: checked in the domain, so every problem is a field error with what was typed kept. */
const typedField = z
  .string()
  .max(2000)
  .optional()
  .transform((v) => v ?? '');
const meetingForm = { date: typedField, startTime: typedField, place: typedField };

/**
 * The settings card again after a problem: a field error keeps what was typed (in the form it came from); a card
 * drawn before someone changed the settings, or a meeting that is running or held, is told so on the card as it
 * now stands. Nothing was saved.
 */
async function orAgain(ctx: VerbContext, data: Record<string, unknown>, moving: string | null, work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'INVALID_FIELD' && error.details.errors) {
      const values = typedText((error.details.values as Record<string, unknown> | undefined) ?? data);
      return card(await settingsNow(ctx.deps, ctx.actor, `${error.message}`, { moving, values, errors: error.details.errors as Record<string, string> }));
    }
    if (error.code === 'STALE_CARD' || error.code === 'ILLEGAL_TRANSITION') {
      return card(await settingsNow(ctx.deps, ctx.actor, `${error.code === 'STALE_CARD' ? 'This card is out of date. ' : ''}${error.message}`));
    }
    throw error;
  }
}

export const meetingAdd = verb('meeting.add', z.object({ version: settingsVersion, ...meetingForm }).loose(), (ctx, d) =>
  orAgain(ctx, d, null, async () => {
    const saved = await addPlannedMeeting(ctx.deps, ctx.actor, d.version, d);
    const added = saved.settings.meetings.find((m) => m.date === d.date.trim());
    return card(await settingsNow(ctx.deps, ctx.actor, `Meeting added: ${added ? meetingWords(added) : d.date}.`, undefined, saved));
  }),
);

/** Move opens the form under the meeting (prefilled); Move meeting saves it. */
export const meetingMove = verb('meeting.move', z.object({ version: settingsVersion, meeting: meetingDate, step: z.enum(['form', 'save']).optional(), ...meetingForm }).loose(), (ctx, d) =>
  orAgain(ctx, d, d.meeting, async () => {
    if (d.step !== 'save') {
      const view = await viewSettings(ctx.deps, ctx.actor);
      const meeting = view.settings.meetings.find((m) => m.date === d.meeting);
      if (!meeting) return card(await settingsNow(ctx.deps, ctx.actor, `This card is out of date. No DSG meeting is set on ${ukDate(d.meeting)} any more: it was moved or cancelled.`, undefined, view));
      const values = { date: meeting.date, startTime: meeting.startTime ?? '', place: meeting.place ?? '' };
      return card(await settingsNow(ctx.deps, ctx.actor, undefined, { moving: d.meeting, values, errors: {} }, view));
    }
    const saved = await movePlannedMeeting(ctx.deps, ctx.actor, d.version, d.meeting, d);
    return card(await settingsNow(ctx.deps, ctx.actor, `Meeting moved to ${meetingWords(saved.moved)}.`, undefined, saved));
  }),
);

/** Cancel meeting asks first, saying what becomes of the agenda drafted for it. */
export const meetingCancel = verb('meeting.cancel', z.object({ version: settingsVersion, meeting: meetingDate, step }).loose(), (ctx, d) =>
  orAgain(ctx, d, null, async () => {
    if (d.step === 'cancel') return card(await settingsNow(ctx.deps, ctx.actor));
    if (d.step === 'confirm') {
      const saved = await cancelPlannedMeeting(ctx.deps, ctx.actor, d.version, d.meeting);
      return card(await settingsNow(ctx.deps, ctx.actor, 'Meeting cancelled.', undefined, saved));
    }
    const check = await checkCancelMeeting(ctx.deps, ctx.actor, d.version, d.meeting);
    const host = await settingsNow(ctx.deps, ctx.actor, undefined, undefined, check.view);
    return card(withConfirmation(host, cancelMeetingConfirmation({ ...check, version: check.view.settings.version })));
  }),
);

export const MEETING_PLAN_VERBS = [meetingAdd, meetingMove, meetingCancel];
