import { z } from 'zod';
import { addAgendaItem } from '../../app/meetings/add-agenda-item';
import { addAction } from '../../app/meetings/meeting-actions';
import { showItem, showMeeting } from '../../app/meetings/meeting-view';
import { endMeeting, listMeetings, publishMinutes, saveMinutesNotes, viewMinutes } from '../../app/meetings/minutes';
import { imHere, registerAttendance } from '../../app/meetings/record-attendance';
import { checkItemDecision, decideItem, type ItemDecision, noteItem } from '../../app/meetings/record-outcome';
import { startMeeting } from '../../app/meetings/start-meeting';
import { viewAgenda } from '../../app/meetings/view-agenda';
import { isDomainError } from '../../domain/errors';
import { PRIORITIES } from '../../domain/project';
import { agendaCard } from '../../presenters/agenda';
import { declineConfirmation, mergeConfirmation, withConfirmation } from '../../presenters/confirm';
import { itemConfirmation, meetingCard, meetingItemCard } from '../../presenters/meeting';
import { meetingsCard, minutesCard } from '../../presenters/minutes';
import { card, type Reply } from '../reply';
import { submitForm } from './form';
import { optionalTyped, personId, reference, step, toggle, typed } from './schemas';
import { verb } from './verb';

/** DSG meetings: the agenda, running the meeting (attendance, items, decisions, actions) and the minutes. */

const meetingId = z.string({ error: 'the meeting id is missing' }).trim().min(1).max(100);
const itemId = z.string({ error: 'the item id is missing' }).trim().min(1).max(200);
const cardVersion = z.coerce.number({ error: 'the card version is missing' }).int().min(1);
const dateText = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), 'give the date as yyyy-mm-dd, like "minutes 2026-12-15"');
/** Ids ticked in a multi-select (comma-separated). */
const ticked = z
  .string()
  .max(5000)
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/**
 * A press on a card drawn from an older record (or an item already dealt with) gets the card as it now stands,
 * saying what changed, rather than a bare message.
 */
async function orCurrent(work: () => Promise<Reply>, current: (notice: string) => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error) && (error.code === 'STALE_CARD' || error.code === 'REQUEST_ALREADY_DECIDED' || error.code === 'ILLEGAL_TRANSITION')) {
      return current(`${error.code === 'ILLEGAL_TRANSITION' ? '' : 'This card is out of date. '}${error.message}`);
    }
    throw error;
  }
}

const itemAgain = (ctx: Parameters<Parameters<typeof verb>[2]>[0], d: { meetingId: string; itemId: string }) => async (notice: string) =>
  card(meetingItemCard({ ...(await showItem(ctx.deps, ctx.actor, d.meetingId, d.itemId)), notice }));

export const agendaShow = verb('agenda.show', z.object({}).loose(), async ({ deps, actor, where }) => card(agendaCard(await viewAgenda(deps, actor, where))));

/**
 * `agenda add …`, or Add to the agenda on the agenda card: an unknown reference typed on the card comes back on the
 * card, under the input, with what was typed.
 */
export const agendaAdd = verb('agenda.add', z.object({ text: z.string().max(500, 'the item is longer than 500 characters').optional(), from: z.string().optional() }).loose(), async ({ deps, actor, where }, d) => {
  const typedText = (d.text ?? '').trim();
  if (d.from !== 'card') return card(agendaCard(await addAgendaItem(deps, actor, where, typedText)));
  try {
    return card(agendaCard(await addAgendaItem(deps, actor, where, typedText)));
  } catch (error) {
    if (!isDomainError(error) || !['NOT_FOUND', 'INVALID_FIELD'].includes(error.code)) throw error;
    return card(agendaCard({ ...(await viewAgenda(deps, actor, where, 'The item was not added: see below.')), add: { text: typedText, error: error.message } }));
  }
});

export const meetingStart = verb('meeting.start', z.object({}).loose(), async ({ deps, actor, where }) => card(meetingCard(await startMeeting(deps, actor, where))));

export const meetingShow = verb('meeting.show', z.object({ meetingId: meetingId.optional() }).loose(), async ({ deps, actor, where }, d) => card(meetingCard(await showMeeting(deps, actor, d.meetingId, where))));

export const meetingItem = verb('meeting.item', z.object({ meetingId, itemId }).loose(), async ({ deps, actor, where }, d) => card(meetingItemCard(await showItem(deps, actor, d.meetingId, d.itemId, where))));

export const meetingHere = verb('meeting.here', z.object({ meetingId }).loose(), async ({ deps, actor }, d) =>
  orCurrent(
    async () => card(meetingCard({ ...(await imHere(deps, actor, d.meetingId)), notice: `${actor.name} is here.` })),
    async (notice) => card(meetingCard({ ...(await showMeeting(deps, actor, d.meetingId)), notice })),
  ),
);

export const meetingAttendance = verb('meeting.attendance', z.object({ meetingId, version: cardVersion, present: ticked, apologies: ticked }).loose(), async ({ deps, actor }, d) =>
  orCurrent(
    async () => card(meetingCard(await registerAttendance(deps, actor, d.meetingId, d.version, d.present, d.apologies))),
    async (notice) => card(meetingCard({ ...(await showMeeting(deps, actor, d.meetingId)), notice })),
  ),
);

export const meetingNote = verb('meeting.note', z.object({ meetingId, itemId, kind: z.enum(['noted', 'deferred'], { error: 'choose Noted or Defer' }), minuteNote: optionalTyped(2000) }).loose(), async (ctx, d) =>
  orCurrent(async () => card(meetingItemCard(await noteItem(ctx.deps, ctx.actor, d.meetingId, d.itemId, d.kind, d.minuteNote))), itemAgain(ctx, d)),
);

const decided = { meetingId, itemId, version: cardVersion };
const decision = z.discriminatedUnion('decision', [
  z.object({ ...decided, decision: z.literal('approve'), priority: z.enum(PRIORITIES, { error: 'choose a priority (high, medium or low)' }), isPriority: toggle, note: optionalTyped(1000) }).loose(),
  z.object({ ...decided, decision: z.literal('decline'), reason: typed('the reason', 2000), step }).loose(),
  z.object({ ...decided, decision: z.literal('ask'), question: typed('the question', 2000) }).loose(),
  z.object({ ...decided, decision: z.literal('merge'), duplicateOf: reference, step }).loose(),
  z.object({ ...decided, decision: z.literal('assign'), digitalLeader: personId, projectLead: personId, projectManager: personId }).loose(),
  z.object({ ...decided, decision: z.literal('priority'), priority: z.enum(PRIORITIES, { error: 'choose a priority (high, medium or low)' }), isPriority: toggle }).loose(),
]);
type DecisionData = z.infer<typeof decision>;

function itemDecision(d: DecisionData): ItemDecision {
  switch (d.decision) {
    case 'approve':
      return { action: 'approve', priority: d.priority, isPriority: d.isPriority, note: d.note };
    case 'decline':
      return { action: 'decline', reason: d.reason };
    case 'ask':
      return { action: 'ask', question: d.question };
    case 'merge':
      return { action: 'merge', duplicateOf: d.duplicateOf };
    case 'assign':
      return { action: 'assign', digitalLeader: d.digitalLeader, projectLead: d.projectLead, projectManager: d.projectManager };
    case 'priority':
      return { action: 'priority', priority: d.priority, isPriority: d.isPriority };
  }
}

/**
 * A decision on the item's request or project, through the triage use case. Decline and Mark as duplicate ask
 * first, as on the triage card: the item's card with the confirmation on top; Cancel draws the item's card again.
 */
export const meetingDecide = verb('meeting.decide', decision, async (ctx, d) =>
  orCurrent(async () => {
    const choice = itemDecision(d);
    const step = 'step' in d ? d.step : undefined;
    if ((choice.action === 'decline' || choice.action === 'merge') && step !== 'confirm') {
      if (step === 'cancel') return card(meetingItemCard(await showItem(ctx.deps, ctx.actor, d.meetingId, d.itemId)));
      const checked = await checkItemDecision(ctx.deps, ctx.actor, d.meetingId, d.itemId, d.version, choice);
      const asked =
        choice.action === 'decline'
          ? itemConfirmation(declineConfirmation(checked.request, checked.question, choice.reason), checked.view, 'decline', { reason: choice.reason })
          : itemConfirmation(mergeConfirmation(checked.request, checked.question, checked.into!), checked.view, 'merge', { duplicateOf: choice.duplicateOf });
      return card(withConfirmation(meetingItemCard(checked.view), asked));
    }
    return card(meetingItemCard(await decideItem(ctx.deps, ctx.actor, d.meetingId, d.itemId, d.version, choice)));
  }, itemAgain(ctx, d)),
);

const actionFields = z
  .object({
    what: typed('what is to be done', 500),
    owner: z.string({ error: 'choose the owner' }).trim().min(1, 'choose the owner').max(100),
    due: z.string({ error: 'choose the due date' }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'choose the due date, like 2027-01-14'),
  })
  .loose();

export const actionAdd = verb('action.add', z.object({ meetingId, itemId }).loose(), async (ctx, d) =>
  orCurrent(
    () =>
      submitForm(
        d,
        actionFields,
        async (f) => card(meetingItemCard(await addAction(ctx.deps, ctx.actor, d.meetingId, d.itemId, { what: f.what, ownerId: f.owner, due: f.due }))),
        async (again) => {
          const view = await showItem(ctx.deps, ctx.actor, d.meetingId, d.itemId);
          return card(meetingItemCard({ ...view, notice: again.notice ?? 'The action was not added: see below.', form: { values: again.values ?? {}, errors: again.errors ?? {} } }));
        },
      ),
    itemAgain(ctx, d),
  ),
);

export const meetingEnd = verb('meeting.end', z.object({}).loose(), async ({ deps, actor }) => card(minutesCard(await endMeeting(deps, actor))));

export const minutesShow = verb('minutes.show', z.object({ date: dateText }).loose(), async ({ deps, actor }, d) => card(minutesCard(await viewMinutes(deps, actor, d.date))));

export const minutesNotes = verb('minutes.notes', z.object({ meetingId, version: cardVersion, notes: z.string().max(8000, 'the notes are longer than 8,000 characters').optional() }).loose(), async ({ deps, actor }, d) =>
  orCurrent(
    async () => card(minutesCard(await saveMinutesNotes(deps, actor, d.meetingId, d.version, (d.notes ?? '').trim()))),
    async (notice) => {
      const meeting = await showMeeting(deps, actor, d.meetingId);
      return card(minutesCard({ ...(await viewMinutes(deps, actor, meeting.meeting.date)), notice }));
    },
  ),
);

export const minutesPublish = verb('minutes.publish', z.object({ meetingId: meetingId.optional() }).loose(), async ({ deps, actor }, d) => card(minutesCard(await publishMinutes(deps, actor, d.meetingId))));

export const meetingsList = verb('meetings.list', z.object({}).loose(), async ({ deps, actor }) => card(meetingsCard(await listMeetings(deps, actor))));

export const MEETING_VERBS = [
  agendaShow,
  agendaAdd,
  meetingStart,
  meetingShow,
  meetingItem,
  meetingHere,
  meetingAttendance,
  meetingNote,
  meetingDecide,
  actionAdd,
  meetingEnd,
  minutesShow,
  minutesNotes,
  minutesPublish,
  meetingsList,
];
