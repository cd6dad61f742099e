import { isIsoDate } from './calendar';
import { ukDate } from './dates';
import { DomainError } from './errors';

/**
 * The DSG's planned meetings, kept in the settings: each has a date, a start time and, optionally, a place or a
 * Teams meeting link. The chair (or an admin) adds, moves and cancels them from the settings card; a meeting that
 * is running or has been held keeps its date.
 */

export interface PlannedMeeting {
  /** `yyyy-mm-dd`, London. */
  date: string;
  /** `HH:mm`, London; null only for dates set before dsg-bot kept start times. */
  startTime: string | null;
  /** Where: a room, or an https link to the Teams meeting; null when not said. */
  place: string | null;
}

/** How many coming meetings may be set at once: a year of two-monthly meetings and a couple more. */
export const MAX_PLANNED_MEETINGS = 8;
export const PLACE_MAX = 300;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A planned meeting as stored. The first versions of dsg-bot kept bare dates (`"2027-01-14"`): they read as a
 * meeting at a time not yet set, with no place. Anything unreadable is left out.
 */
export function plannedMeetingOf(stored: unknown): PlannedMeeting | null {
  if (typeof stored === 'string') return isIsoDate(stored) ? { date: stored, startTime: null, place: null } : null;
  if (!stored || typeof stored !== 'object') return null;
  const { date, startTime, place } = stored as Record<string, unknown>;
  if (typeof date !== 'string' || !isIsoDate(date)) return null;
  return { date, startTime: typeof startTime === 'string' && TIME.test(startTime) ? startTime : null, place: typeof place === 'string' && place.trim() ? place.trim() : null };
}

/** Planned meetings as stored, readable ones only, in date order, one a day. */
export function plannedMeetingsOf(stored: readonly unknown[]): PlannedMeeting[] {
  const byDate = new Map<string, PlannedMeeting>();
  for (const m of stored.map(plannedMeetingOf)) if (m && !byDate.has(m.date)) byDate.set(m.date, m);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The link to join, when the place is a link (only https links are kept as places). */
export const meetingLink = (m: Pick<PlannedMeeting, 'place'>): string | null => (m.place && /^https:\/\//i.test(m.place) ? m.place : null);

/** Where, in words: the room as typed, or "Teams meeting" for a link. */
export const placeWords = (m: Pick<PlannedMeeting, 'place'>): string | null => (meetingLink(m) ? 'Teams meeting (link below)' : m.place);

/** "14 Jan 2027 at 10:00" (or "time not set" for a date kept before start times were). */
export const meetingWhen = (m: Pick<PlannedMeeting, 'date' | 'startTime'>): string => `${ukDate(m.date)} ${m.startTime ? `at ${m.startTime}` : '(time not set)'}`;

/** "14 Jan 2027 at 10:00, Committee Room 2": for lines of text with no link (the digest, confirmations). */
export const meetingWords = (m: PlannedMeeting): string => `${meetingWhen(m)}${m.place ? `, ${meetingLink(m) ? 'on Teams' : m.place}` : ''}`;

/** The meetings on or after `today`, in date order. */
export const comingMeetings = (planned: readonly PlannedMeeting[], today: string): PlannedMeeting[] => plannedMeetingsOf(planned).filter((m) => m.date >= today);

/** The next meeting on or after `today` not yet held (`held`: dates of meetings running or ended), or null. */
export const nextPlanned = (planned: readonly PlannedMeeting[], today: string, held: readonly string[] = []): PlannedMeeting | null =>
  comingMeetings(planned, today).find((m) => !held.includes(m.date)) ?? null;

/** What the chair typed into the Add or Move form. */
export interface MeetingInput {
  date: string;
  startTime: string;
  place: string;
}

/** A meeting's record by date, as far as planning needs it: whether it is running or was held. */
export type HeldMeeting = { date: string; status: 'scheduled' | 'running' | 'ended' | 'cancelled' };

/**
 * Checks what was typed: a date not in the past and not taken, a start time, a place or an https link. Every
 * problem is a field error (`date`, `startTime`, `place`), so the form comes back with what was typed.
 */
export function checkMeetingInput(input: MeetingInput, today: string, others: readonly PlannedMeeting[], held: readonly HeldMeeting[]): PlannedMeeting {
  const errors: Record<string, string> = {};
  const date = input.date.trim();
  const startTime = input.startTime.trim();
  const place = input.place.trim();
  if (!isIsoDate(date)) errors.date = 'Choose the date of the meeting.';
  else if (date < today) errors.date = `The date is in the past: choose ${ukDate(today)} or later.`;
  else if (others.some((m) => m.date === date)) errors.date = `A DSG meeting is already set on ${ukDate(date)}: move that one, or choose another date.`;
  else if (held.some((m) => m.date === date && (m.status === 'running' || m.status === 'ended'))) errors.date = `The DSG already met on ${ukDate(date)}: dsg-bot keeps one meeting a day.`;
  if (!TIME.test(startTime)) errors.startTime = 'Choose the start time, like 10:00.';
  if (place.length > PLACE_MAX) errors.place = `The place is longer than ${PLACE_MAX} characters.`;
  else if (/^([a-z][a-z0-9+.-]*:|www\.)/i.test(place) && !/^https:\/\/\S+$/i.test(place)) errors.place = 'Give the Teams meeting link as a full https:// address, or type the place in words.';
  if (Object.keys(errors).length) throw new DomainError('INVALID_FIELD', 'The meeting was not saved: see below.', { field: Object.keys(errors)[0], errors, values: { ...input } });
  return { date, startTime, place: place || null };
}

/** A new meeting, in date order among the others. */
export function addMeeting(planned: readonly PlannedMeeting[], input: MeetingInput, today: string, held: readonly HeldMeeting[]): PlannedMeeting[] {
  if (comingMeetings(planned, today).length >= MAX_PLANNED_MEETINGS) {
    throw new DomainError('INVALID_FIELD', `${MAX_PLANNED_MEETINGS} meetings are set already: cancel one before adding another.`, { field: 'date', errors: { date: `${MAX_PLANNED_MEETINGS} meetings are set already: cancel one before adding another.` }, values: { ...input } });
  }
  return plannedMeetingsOf([...planned, checkMeetingInput(input, today, planned, held)]);
}

/** Refuses to move or cancel a meeting that is running or was held, or one no longer set. */
function assertChangeable(planned: readonly PlannedMeeting[], date: string, held: readonly HeldMeeting[], what: 'moved' | 'cancelled'): PlannedMeeting {
  const record = held.find((m) => m.date === date);
  if (record?.status === 'running') throw new DomainError('ILLEGAL_TRANSITION', `The meeting of ${ukDate(date)} is running now, so it cannot be ${what}. End it with "meeting end".`, { date });
  if (record?.status === 'ended') throw new DomainError('ILLEGAL_TRANSITION', `The meeting of ${ukDate(date)} has been held (its minutes are under "minutes ${date}"), so it cannot be ${what}.`, { date });
  const found = planned.find((m) => m.date === date);
  if (!found) throw new DomainError('STALE_CARD', `No DSG meeting is set on ${ukDate(date)} any more: it was moved or cancelled.`, { date });
  return found;
}

/** Moves a meeting to a new date, time or place (not into the past, not onto another meeting's date). */
export function moveMeeting(planned: readonly PlannedMeeting[], date: string, input: MeetingInput, today: string, held: readonly HeldMeeting[]): PlannedMeeting[] {
  assertChangeable(planned, date, held, 'moved');
  const others = planned.filter((m) => m.date !== date);
  return plannedMeetingsOf([...others, checkMeetingInput(input, today, others, held)]);
}

/** Takes a meeting off the plan. */
export function cancelMeeting(planned: readonly PlannedMeeting[], date: string, held: readonly HeldMeeting[]): { cancelled: PlannedMeeting; planned: PlannedMeeting[] } {
  const cancelled = assertChangeable(planned, date, held, 'cancelled');
  return { cancelled, planned: planned.filter((m) => m.date !== date) };
}
