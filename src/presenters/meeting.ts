import { actionLine, AGENDA_SOURCE_LABELS, type AgendaItem, type ItemView, type Meeting, type MeetingView, outcomeWords } from '../domain/meetings';
import { ukDate } from '../domain/dates';
import { DECIDABLE_STATUSES } from '../domain/request';
import { PRIORITIES, PRIORITY_LABELS } from '../domain/project';
import { countsDown, fitToSize } from './fit';
import { clip } from './format';
import { placeData } from './meeting-place';
import { peopleChoices } from './people';
import type { AdaptiveCardJson } from './render';

const names = (people: readonly { name: string }[]): string => (people.length ? people.map((p) => p.name).join(', ') : 'none');
const itemTitle = (item: AgendaItem): string => clip(item.reference && !item.title.startsWith(item.reference) ? `${item.reference} ${item.title}` : item.title, 200);
const meetingTitle = (m: Meeting): string => `DSG meeting, ${ukDate(m.date)}`;

function statusLine(m: Meeting): string {
  if (m.status === 'running') return `Running since ${m.startTime ?? 'today'}, started by ${m.startedBy ?? 'the chair'}`;
  if (m.publishedAt) return `Ended; minutes published ${ukDate(m.publishedAt)} by ${m.publishedBy}`;
  return m.status === 'ended' ? 'Ended; the minutes are a draft' : m.status;
}

/** The meeting card: who is here, the agenda with what was done with each item, the actions agreed. */
export function meetingCard(view: MeetingView): AdaptiveCardJson {
  const m = view.meeting;
  const running = m.status === 'running';
  return fitToSize('meeting', countsDown(view.members.length), (max) => {
    const members = running && view.canRun ? peopleChoices(view.members, [...m.attendees, ...m.apologies], max).choices : [];
    const { where, link } = placeData({ date: m.date, startTime: null, place: m.place });
    return {
      title: meetingTitle(m),
      ...(where && { where }),
      ...(link && { link }),
      statusLine: statusLine(m),
      ...(view.notice && { notice: view.notice }),
      present: names(m.attendees),
      apologies: names(m.apologies),
      items: m.agenda.map((item, i) => ({
        position: String(i + 1),
        title: itemTitle(item),
        sourceLabel: AGENDA_SOURCE_LABELS[item.source],
        outcome: m.outcomes[item.id] ? outcomeWords(m.outcomes[item.id]) : 'Not dealt with yet',
        itemId: item.id,
      })),
      hasActions: view.actions.length > 0,
      actions: view.actions.map((a) => ({ line: actionLine(a) })),
      meetingId: m.id,
      version: m.version,
      date: m.date,
      isRunning: running,
      canRegister: running && view.canRun && members.length > 0,
      members,
      presentValue: m.attendees.map((p) => p.aadObjectId).join(','),
      apologiesValue: m.apologies.map((p) => p.aadObjectId).join(','),
    };
  });
}

/** One agenda item in the meeting: the triage decisions (for a request awaiting one), Noted, Defer, and an action. */
export function meetingItemCard(view: ItemView): AdaptiveCardJson {
  const m = view.meeting;
  const running = m.status === 'running';
  const outcome = m.outcomes[view.item.id];
  const request = view.request;
  const open = running && !outcome;
  const values = view.form?.values ?? {};
  return fitToSize('meeting-item', countsDown(view.members.length), (max) => ({
    meetingTitle: meetingTitle(m),
    title: itemTitle(view.item),
    sourceLabel: AGENDA_SOURCE_LABELS[view.item.source],
    detail: clip(view.item.detail, 400),
    ...(view.notice && { notice: view.notice }),
    outcome: outcome ? outcomeWords(outcome) : running ? 'Not dealt with yet' : 'Not discussed',
    hasActions: view.actions.some((a) => a.itemId === view.item.id),
    actions: view.actions.filter((a) => a.itemId === view.item.id).map((a) => ({ line: actionLine(a) })),
    canAddAction: running && view.canRun,
    canDecide: open && !!request && DECIDABLE_STATUSES.includes(request.status),
    canNote: open && view.canRun,
    meetingId: m.id,
    itemId: view.item.id,
    requestVersion: request?.version ?? 0,
    hasRequest: !!request,
    reference: request?.reference ?? '',
    today: view.today,
    priorities: PRIORITIES.map((p) => ({ title: PRIORITY_LABELS[p], value: p })),
    people: peopleChoices(view.members, [], max).choices,
    values: { what: values.what ?? '', owner: values.owner ?? '', due: values.due ?? '' },
    errors: view.form?.errors ?? {},
  }));
}
