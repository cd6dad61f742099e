import { type MeetingsList, type MinutesView } from '../domain/meetings';
import { ukDate } from '../domain/dates';
import { countsDown, fitToSize } from './fit';
import { clip } from './format';
import { placeData } from './meeting-place';
import type { AdaptiveCardJson } from './render';

const list = (names: readonly string[]): string => (names.length ? names.join(', ') : 'none');

/** The minutes drawn from the record: who came, each item with its outcome and actions, notes, downloads. */
export function minutesCard(view: MinutesView): AdaptiveCardJson {
  const { minutes, meeting } = view;
  const status = meeting.publishedAt ? `Published ${ukDate(meeting.publishedAt)} by ${meeting.publishedBy}` : meeting.status === 'running' ? 'The meeting is still running' : 'Draft: not published yet';
  return fitToSize('minutes', countsDown(minutes.items.length), (shown) => ({
    title: `Minutes of the DSG meeting, ${ukDate(minutes.date)}`,
    statusLine: `${minutes.startTime ? `Started ${minutes.startTime}. ` : ''}${status}`,
    ...(view.notice && { notice: view.notice }),
    present: list(minutes.attendees),
    apologies: list(minutes.apologies),
    items: minutes.items.slice(0, shown).map((item, i) => ({
      position: String(i + 1),
      title: clip(item.reference && !item.title.startsWith(item.reference) ? `${item.reference} ${item.title}` : item.title, 200),
      outcome: clip(item.outcome, 500),
      actions: item.actions.map((line) => ({ line })),
    })),
    hasNotes: minutes.notes.trim().length > 0,
    notes: minutes.notes,
    canEdit: view.canEdit,
    meetingId: meeting.id,
    version: meeting.version,
    docxUrl: view.links.docx,
    htmlUrl: view.links.html,
  }));
}

/** `meetings`: the coming meetings (when, where, Join for a Teams meeting) and the meetings held, each opening its minutes. */
export function meetingsCard(view: MeetingsList): AdaptiveCardJson {
  return fitToSize('meetings', countsDown(view.held.length), (shown) => ({
    hasPlanned: view.planned.length > 0,
    planned: view.planned.map(placeData),
    hasHeld: view.held.length > 0,
    held: view.held.slice(0, shown).map((m) => ({
      dateText: ukDate(m.date),
      statusText: m.status === 'running' ? 'running now' : m.publishedAt ? `minutes published ${ukDate(m.publishedAt)}` : 'minutes not published yet',
      date: m.date,
    })),
  }));
}
