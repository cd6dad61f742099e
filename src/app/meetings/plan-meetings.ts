import { ukDateTime } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { addMeeting, cancelMeeting, type HeldMeeting, type MeetingInput, meetingWords, moveMeeting, nextPlanned, type PlannedMeeting } from '../../domain/meeting-plans';
import type { Actor } from '../../domain/people';
import { isAllowed } from '../../domain/permissions';
import type { DsgSettings } from '../../domain/settings';
import { audited } from '../audit';
import type { Deps } from '../deps';
import { refuse } from '../refuse';
import { type SettingsView, viewSettings } from '../triage/save-settings';
import { arrangedNextAgenda } from './draft-agenda';

/** The chair (or an admin) adds, moves and cancels the DSG's meetings from the settings card. */

const PLAN_REFUSAL = 'Only the DSG chair or an admin can add, move or cancel DSG meetings. Ask the chair.';

/** The settings as they stand, refused (audited) to anyone but the chair and admins, and refused when the card is older. */
async function plannable(deps: Deps, actor: Actor, verb: string, cardVersion: number): Promise<SettingsView> {
  const view = await viewSettings(deps, actor);
  if (!isAllowed('meetings.plan', view.roles)) await refuse(deps, actor, verb, { subjectType: 'meeting', subjectId: 'planned' }, PLAN_REFUSAL);
  if (view.settings.version !== cardVersion) {
    const when = view.settings.updatedAt ? ` on ${ukDateTime(view.settings.updatedAt)}` : '';
    throw new DomainError('STALE_CARD', `The DSG settings were changed${when} since this card was drawn: nothing was saved. Here are the meetings as they are now.`, {});
  }
  return view;
}

const heldOf = async (deps: Deps): Promise<HeldMeeting[]> => (await deps.store.meetings.list()).map((m) => ({ date: m.date, status: m.status }));

async function savePlanned(deps: Deps, actor: Actor, view: SettingsView, action: string, subjectDate: string, planned: PlannedMeeting[], change: { before: PlannedMeeting | null; after: PlannedMeeting | null }): Promise<SettingsView> {
  const now = deps.clock.now().toISOString();
  const before = view.settings;
  const settings: DsgSettings = { ...before, meetings: planned, version: before.version + 1, updatedAt: now };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.settings.save(settings, before.version))) throw new DomainError('STALE_CARD', 'The DSG settings changed at the same moment: nothing was saved. Please try again.', {});
    const words = (m: PlannedMeeting | null) => (m ? { meeting: meetingWords(m) } : null);
    await audited(tx, actor, now, action, { subjectType: 'meeting', subjectId: subjectDate }, words(change.before), words(change.after));
  });
  return { ...view, settings };
}

/** Adds a meeting: a date not in the past and not taken, a start time, and a place or Teams link if known. */
export async function addPlannedMeeting(deps: Deps, actor: Actor, cardVersion: number, input: MeetingInput): Promise<SettingsView> {
  const view = await plannable(deps, actor, 'meeting.add', cardVersion);
  const planned = addMeeting(view.settings.meetings, input, view.today, await heldOf(deps));
  const added = planned.find((m) => m.date === input.date.trim())!;
  return savePlanned(deps, actor, view, 'meeting.add', added.date, planned, { before: null, after: added });
}

/** Moves a meeting to another date, time or place; one running or held keeps its date. */
export async function movePlannedMeeting(deps: Deps, actor: Actor, cardVersion: number, date: string, input: MeetingInput): Promise<SettingsView & { moved: PlannedMeeting }> {
  const view = await plannable(deps, actor, 'meeting.move', cardVersion);
  const before = view.settings.meetings.find((m) => m.date === date) ?? null;
  const planned = moveMeeting(view.settings.meetings, date, input, view.today, await heldOf(deps));
  const moved = planned.find((m) => m.date === input.date.trim())!;
  return { ...(await savePlanned(deps, actor, view, 'meeting.move', date, planned, { before, after: moved })), moved };
}

/** What cancelling a meeting would do, for the confirmation: what becomes of the agenda drafted for it. */
export interface CancelCheck {
  view: SettingsView;
  meeting: PlannedMeeting;
  /** The meeting is the next one: its drafted agenda carries over to `after`. */
  isNext: boolean;
  agendaItems: number;
  /** The meeting after it, if one is set. */
  after: PlannedMeeting | null;
}

/** Checks a cancellation (who, the card's version, the meeting not running or held) without saving anything. */
export async function checkCancelMeeting(deps: Deps, actor: Actor, cardVersion: number, date: string): Promise<CancelCheck> {
  const view = await plannable(deps, actor, 'meeting.cancel', cardVersion);
  const held = await heldOf(deps);
  const { cancelled, planned } = cancelMeeting(view.settings.meetings, date, held);
  const next = nextPlanned(view.settings.meetings, view.today, held.map((m) => m.date));
  const isNext = next?.date === date;
  return { view, meeting: cancelled, isNext, agendaItems: isNext ? (await arrangedNextAgenda(deps, deps.store)).items.length : 0, after: nextPlanned(planned, date) };
}

/** Cancels a meeting (after the confirmation): it is taken off the plan; the agenda waits for the next meeting. */
export async function cancelPlannedMeeting(deps: Deps, actor: Actor, cardVersion: number, date: string): Promise<SettingsView> {
  const view = await plannable(deps, actor, 'meeting.cancel', cardVersion);
  const { cancelled, planned } = cancelMeeting(view.settings.meetings, date, await heldOf(deps));
  return savePlanned(deps, actor, view, 'meeting.cancel', date, planned, { before: cancelled, after: null });
}
