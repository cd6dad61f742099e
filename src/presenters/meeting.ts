import { actionLine, AGENDA_SOURCE_LABELS, type AgendaItem, isOpenItem, type ItemView, type Meeting, type MeetingView, outcomeWords } from '../domain/meetings';
import { ukDate } from '../domain/dates';
import { ASSIGNABLE_STATUSES, DECIDABLE_STATUSES } from '../domain/request';
import { PRIORITIES, PRIORITY_LABELS } from '../domain/project';
import { countsDown, fitToSize } from './fit';
import type { Confirmation } from './confirm';
import { clip, priorityWords } from './format';
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

/**
 * One agenda item in the meeting: on a request awaiting a decision, the triage decisions (Approve, Decline, Ask,
 * Mark as duplicate); on a project, Assign owners and Change priority; Noted, Defer and an action on any item.
 */
export function meetingItemCard(view: ItemView): AdaptiveCardJson {
  const m = view.meeting;
  const running = m.status === 'running';
  const outcome = m.outcomes[view.item.id];
  const { request, project } = view;
  const open = isOpenItem(m, view.item.id);
  const canDecide = open && !!request && DECIDABLE_STATUSES.includes(request.status);
  const onProject = open && !!request && !!project && ASSIGNABLE_STATUSES.includes(request.status);
  const owners = project ? [project.digitalLeader, project.projectLead, project.projectManager] : [];
  const values = view.form?.values ?? {};
  return fitToSize('meeting-item', countsDown(view.members.length), (max) => ({
    meetingTitle: meetingTitle(m),
    title: itemTitle(view.item),
    sourceLabel: AGENDA_SOURCE_LABELS[view.item.source],
    detail: clip(view.item.detail, 400),
    ...(view.notice && { notice: view.notice }),
    outcome: outcome ? outcomeWords(outcome) : running ? 'Not dealt with yet' : 'Not discussed',
    ...(project && { priorityLabel: priorityWords(project) }),
    hasActions: view.actions.some((a) => a.itemId === view.item.id),
    actions: view.actions.filter((a) => a.itemId === view.item.id).map((a) => ({ line: actionLine(a) })),
    canAddAction: running && view.canRun,
    canDecide,
    canMerge: canDecide && view.mergeTargets.length > 0,
    mergeTargets: view.mergeTargets.slice(0, max).map((r) => ({ title: clip(`${r.reference} ${r.title}`, 90), value: r.reference })),
    canAssign: onProject,
    canPrioritise: onProject,
    owners: {
      digitalLeader: project?.digitalLeader?.aadObjectId ?? '',
      projectLead: project?.projectLead?.aadObjectId ?? '',
      projectManager: project?.projectManager?.aadObjectId ?? '',
    },
    priority: project?.priority ?? '',
    isPriority: project?.isPriority ? 'true' : 'false',
    canNote: open && view.canRun,
    meetingId: m.id,
    itemId: view.item.id,
    requestVersion: request?.version ?? 0,
    hasRequest: !!request,
    reference: request?.reference ?? '',
    ...(view.item.source === 'gate-request' && open && { gateId: view.item.id.slice('gate-request:'.length) }),
    today: view.today,
    priorities: PRIORITIES.map((p) => ({ title: PRIORITY_LABELS[p], value: p })),
    people: peopleChoices(view.members, owners, max).choices,
    values: { what: values.what ?? '', owner: values.owner ?? '', due: values.due ?? '' },
    errors: view.form?.errors ?? {},
  }));
}

/** A triage confirmation (Decline, Mark as duplicate) asked on the item's card: Confirm and Cancel come back to the meeting's verb. */
export function itemConfirmation(c: Confirmation, view: ItemView, decision: 'decline' | 'merge', typed: Record<string, string>): Confirmation {
  return { ...c, verb: 'meeting.decide', data: { meetingId: view.meeting.id, itemId: view.item.id, version: view.request?.version ?? 0, decision, ...typed } };
}
