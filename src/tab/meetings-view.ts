/**
 * The Meetings page (`#/meetings`): the next DSG meeting with its agenda, then the meetings held, newest first,
 * each with its minutes once published. Names come only from the API, which sends them to signed-in viewers
 * only; without them the page says how many attended and whose role each action is.
 */
import type { AgendaEntryView, MeetingsResponse, MinutesPageView, NextMeetingView, PastMeetingView } from '../domain/programme-view-types';
import { type Child, fill, h, safeLink } from './dom';
import { count, ukDate, ukDateTime } from './format';
import { facts, overdueMarker, stackedTable } from './parts';

const NAMES_HIDDEN = 'Names of people are shown only to people who are signed in.';

/** A project reference links to its page when it is in the programme; any other (a request) is plain text. */
type Linker = (reference: string) => boolean;

const section = (id: string, title: string, ...children: Child[]): HTMLElement =>
  h('section', { class: 'detail-section', 'aria-labelledby': id }, h('h2', { id }, title), children);

/** A reference and what it is about: the reference links to the project's page when it is in the programme. */
function itemCell(reference: string | null, title: string, inProgramme: Linker): Child[] {
  const ref = reference && (inProgramme(reference) ? h('a', { href: `#/project/${reference}`, class: 'ref' }, reference) : h('span', { class: 'ref' }, reference));
  return [ref, ref && ' ', title];
}

function agendaTable(next: NextMeetingView, inProgramme: Linker): HTMLElement {
  if (next.agenda.length === 0) return h('p', {}, 'Nothing is on the agenda yet.');
  return stackedTable(
    `Agenda for the meeting on ${ukDate(next.date)}`,
    ['No.', 'Item', 'Why it is on the agenda'],
    next.agenda.map((e, i) => [`${i + 1}.`, itemCell(e.reference, e.title, inProgramme), [h('span', { class: 'agenda-section' }, e.section), e.detail && [h('br'), e.detail]]]),
  );
}

function nextMeeting(data: MeetingsResponse, inProgramme: Linker): HTMLElement {
  const { next, later } = data;
  if (!next) return section('next-meeting', 'Next meeting', h('p', {}, 'No next meeting is set yet. The DSG chair sets the dates in the bot’s settings.'));
  const place = next.place && (/^https?:\/\//i.test(next.place) ? safeLink(next.place, 'Join the Teams meeting') : next.place);
  return section(
    'next-meeting',
    'Next meeting',
    next.inProgress && h('p', {}, h('strong', { class: 'badge' }, 'In progress')),
    facts([
      ['Date', h('time', { datetime: next.date }, ukDate(next.date))],
      ['Time', next.startTime ?? 'Not set yet'],
      ...(place ? ([['Place', place]] as [string, Child][]) : []),
    ]),
    h('h3', {}, next.inProgress ? 'Agenda' : 'Agenda (draft)'),
    agendaTable(next, inProgramme),
    later.length > 0 && h('p', {}, `Later meetings: ${later.map(ukDate).join(', ')}.`),
  );
}

const people = (names: string[] | undefined, n: number, one: string, many: string): string =>
  names ? (names.length ? names.join(', ') : 'None') : n === 0 ? 'None' : count(n, one, many);

function minutesBody(m: MinutesPageView, date: string, today: string, inProgramme: Linker): Child[] {
  const items = m.items.map((i) => [itemCell(i.reference, i.title, inProgramme), [i.outcome, i.by && ` (${i.by})`, i.note && [h('br'), i.note]]]);
  const actions = m.actions.map((a) => [
    itemCell(a.reference, a.what, inProgramme),
    a.owner,
    [h('time', { datetime: a.due }, ukDate(a.due)), a.done ? ' · Done' : a.due < today ? [' ', overdueMarker()] : ''],
  ]);
  return [
    facts([
      ['Published', ukDateTime(m.publishedAt)],
      ['Present', people(m.attendees, m.attendeeCount, 'attendee', 'attendees')],
      ['Apologies', people(m.apologies, m.apologyCount, 'apology', 'apologies')],
    ]),
    m.downloads && h('p', { class: 'downloads' }, safeLink(m.downloads.docx, 'Download the minutes (Word)'), ' ', safeLink(m.downloads.html, 'Open the minutes (HTML)')),
    items.length ? stackedTable(`Items discussed on ${ukDate(date)}`, ['Item', 'Outcome'], items) : h('p', {}, 'No items were on the agenda.'),
    actions.length ? stackedTable(`Actions agreed on ${ukDate(date)}`, ['Action', 'Owner', 'Due'], actions) : h('p', {}, 'No actions were agreed.'),
    m.notes && [h('h4', {}, 'Notes'), h('p', { class: 'minutes-notes' }, m.notes)],
  ];
}

function pastMeeting(p: PastMeetingView, today: string, inProgramme: Linker): HTMLElement {
  const id = `meeting-${p.date}`;
  return h(
    'section',
    { class: 'detail-section past-meeting', 'aria-labelledby': id },
    h('h3', { id }, `Meeting of ${ukDate(p.date)}`, p.startTime ? `, ${p.startTime}` : ''),
    p.minutes ? minutesBody(p.minutes, p.date, today, inProgramme) : h('p', { class: 'hint' }, 'Minutes not yet published.'),
  );
}

/** Renders the Meetings page; its heading takes focus so keyboard and screen reader users start there. */
export function showMeetings(root: HTMLElement, data: MeetingsResponse, inProgramme: Linker): void {
  const heading = h('h1', { tabindex: -1 }, 'DSG meetings');
  fill(
    root,
    heading,
    h('p', { class: 'lede' }, 'The Digital Strategy Group meets at least once every two months: the next agenda, and the minutes of the meetings held.', !data.viewer && ` ${NAMES_HIDDEN}`),
    nextMeeting(data, inProgramme),
    h(
      'section',
      { class: 'past-meetings', 'aria-labelledby': 'past-meetings' },
      h('h2', { id: 'past-meetings' }, 'Past meetings'),
      data.past.length ? data.past.map((p) => pastMeeting(p, data.today, inProgramme)) : h('p', {}, 'No meeting has been held in dsg-bot yet.'),
    ),
  );
  heading.focus();
}
