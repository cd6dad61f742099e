import { DomainError } from '../../domain/errors';
import { draftMinutes, endMeeting as end, type Meeting, type MeetingsList, type Minutes, type MinutesView, publishMinutes as publish, setNotes } from '../../domain/meetings';
import { comingMeetings, nextPlanned } from '../../domain/meeting-plans';
import type { Actor } from '../../domain/people';
import type { Deps } from '../deps';
import { queue } from '../outbox/queue';
import { DOWNLOAD_LINK_HOURS } from '../reports/report-links';
import { changeMeeting } from './change-meeting';
import { DSG_ONLY, meetingAccess, RUN_REFUSAL } from './meeting-access';
import { getMeeting } from './meeting-view';

/** The path the minutes download from: `/minutes/2026-12-15.docx`. */
export const minutesPath = (date: string, format: 'docx' | 'html'): string => `/minutes/${date}.${format}`;

/** Signed links to a meeting's minutes, as Word and as HTML. */
export function minutesLinks(deps: Pick<Deps, 'clock' | 'reportLinks'>, date: string): MinutesView['links'] {
  const now = deps.clock.now();
  const sign = (format: 'docx' | 'html') => deps.reportLinks.signPath(minutesPath(date, format), now, DOWNLOAD_LINK_HOURS).url;
  return { docx: sign('docx'), html: sign('html') };
}

/** The minutes of a meeting as drawn from its record now, with signed links; `canRun` from the viewer's roles. */
export async function loadMinutesView(deps: Deps, meeting: Meeting, canRun: boolean, notice?: string): Promise<MinutesView> {
  return {
    meeting,
    minutes: draftMinutes(meeting, await deps.store.meetings.actionsOf(meeting.id)),
    canEdit: canRun && meeting.status === 'ended' && !meeting.publishedAt,
    links: minutesLinks(deps, meeting.date),
    ...(notice && { notice }),
  };
}

/** `meeting end`: the meeting in progress ends and its minutes are drafted from the record. */
export async function endMeeting(deps: Deps, actor: Actor): Promise<MinutesView> {
  const access = await meetingAccess(deps, actor, 'meeting.run', 'meeting.end', RUN_REFUSAL);
  const running = await deps.store.meetings.running();
  if (!running) throw new DomainError('NOT_FOUND', 'No DSG meeting is running. Type "meetings" to see the meetings held, or "meeting start" to start one.', {});
  const ended = await changeMeeting(deps, actor, running.id, null, 'meeting.end', (m, now) => end(m, now));
  return loadMinutesView(deps, ended, access.canRun, 'The meeting has ended and the minutes are drafted. Add notes below, then publish them with "minutes publish".');
}

/** `minutes 2026-12-15`: one meeting's minutes, for the DSG and admins. */
export async function viewMinutes(deps: Deps, actor: Actor, date: string | null): Promise<MinutesView> {
  const access = await meetingAccess(deps, actor, 'agenda.view', 'minutes.show', DSG_ONLY);
  const meeting = date ? await deps.store.meetings.byDate(date) : ((await deps.store.meetings.list()).find((m) => m.status === 'ended') ?? null);
  if (!meeting) throw new DomainError('NOT_FOUND', date ? `No DSG meeting is recorded on ${date}. Type "meetings" to see the meetings held.` : 'No DSG meeting has ended yet.', { date });
  return loadMinutesView(deps, meeting, access.canRun);
}

/** The Minute Taker's free-text notes, saved from the minutes card (a card older than the record is refused). */
export async function saveMinutesNotes(deps: Deps, actor: Actor, meetingId: string, cardVersion: number, notes: string): Promise<MinutesView> {
  const access = await meetingAccess(deps, actor, 'meeting.run', 'minutes.notes', RUN_REFUSAL);
  const meeting = await changeMeeting(deps, actor, meetingId, cardVersion, 'minutes.notes', (m, now) => setNotes(m, notes, now));
  return loadMinutesView(deps, meeting, access.canRun, 'Notes saved.');
}

/**
 * `minutes publish`: the latest meeting's minutes are stored as published and posted to the DSG channel, once; a
 * second publish says when they were.
 */
export async function publishMinutes(deps: Deps, actor: Actor, meetingId?: string): Promise<MinutesView> {
  const access = await meetingAccess(deps, actor, 'meeting.run', 'minutes.publish', RUN_REFUSAL);
  const latest = meetingId ? await getMeeting(deps, meetingId) : (await deps.store.meetings.list())[0];
  if (!latest) throw new DomainError('NOT_FOUND', 'No DSG meeting has been held in dsg-bot yet.', {});
  const channel = access.settings.channel;
  const published = await changeMeeting(
    deps,
    actor,
    latest.id,
    null,
    'minutes.publish',
    (m, now) => publish(m, actor.name, now),
    async (tx, m) => {
      if (channel) await queue(deps, tx, `minutes:${m.id}`, { kind: 'conversation', reference: channel.reference, newThread: true }, { kind: 'minutes', meetingId: m.id });
    },
  );
  deps.kickOutbox();
  const next = nextPlanned(access.settings.meetings, deps.calendar.londonDate(deps.clock.now()), (await deps.store.meetings.list()).map((m) => m.date));
  return loadMinutesView(deps, published, access.canRun, `The minutes are published${channel ? ' and posted to the DSG channel' : ''}.${next ? '' : ' No next meeting is set: the chair can add one in "settings".'}`);
}

/** `meetings`: the meetings held (newest first) and the meetings set for the coming weeks. */
export async function listMeetings(deps: Deps, actor: Actor): Promise<MeetingsList> {
  const access = await meetingAccess(deps, actor, 'agenda.view', 'meetings.list', DSG_ONLY);
  const today = deps.calendar.londonDate(deps.clock.now());
  const held = await deps.store.meetings.list();
  return { held, planned: comingMeetings(access.settings.meetings, today).filter((p) => !held.some((m) => m.date === p.date)), today };
}

/** A download of the minutes behind a signed link: the record, or why it is refused. */
export async function downloadMinutes(deps: Deps, file: string, expires: string | undefined, token: string | undefined): Promise<{ ok: true; format: 'docx' | 'html'; fileName: string; minutes: Minutes } | { ok: false; status: number; error: string }> {
  const match = /^(\d{4}-\d{2}-\d{2})\.(docx|html)$/.exec(file);
  if (!match) return { ok: false, status: 404, error: 'There are no minutes at this address.' };
  const [, date, format] = match as unknown as [string, string, 'docx' | 'html'];
  const refusal = deps.reportLinks.pathRefusal(minutesPath(date, format), expires, token, deps.clock.now(), {
    what: 'minutes link',
    hours: DOWNLOAD_LINK_HOURS,
    again: `Ask the bot for a new link: type "minutes ${date}".`,
  });
  if (refusal) return { ok: false, status: 403, error: refusal };
  const meeting = await deps.store.meetings.byDate(date);
  if (!meeting) return { ok: false, status: 404, error: `No DSG meeting is recorded on ${date}.` };
  return { ok: true, format, fileName: `DSG minutes ${date}.${format}`, minutes: draftMinutes(meeting, await deps.store.meetings.actionsOf(meeting.id)) };
}
