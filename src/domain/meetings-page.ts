/**
 * The Programme tab's Meetings page (the shapes are in `programme-view-types.ts`): the next meeting with its
 * agenda, and the meetings held with their minutes once published.
 *
 * As elsewhere in the tab, people's names, free-text notes and links are for signed-in viewers only: the public
 * sees how many attended, what was done with each item, and actions with their owner's role. The title of a
 * request that is not in the Digital Programme is shown only to those who may see the agenda in the bot.
 */
import { ukDate } from './dates';
import { AGENDA_SOURCE_LABELS, type AgendaItem, type Meeting, type MeetingAction, outcomeHead } from './meetings';
import type { Actor } from './people';
import { roleLabels, rolesFor } from './permissions';
import type { AgendaEntryView, MeetingsResponse, MinutesPageView, NextMeetingView, PastMeetingView, Viewer } from './programme-view-types';
import type { Project } from './project';
import type { DsgSettings, Member, PersonRef } from './settings';

/** What the viewer may see: names (signed in), and requests not yet in the programme (the DSG and admins). */
export interface MeetingsAudience {
  names: boolean;
  requests: boolean;
}

export interface MeetingsPageData {
  now: string;
  /** `yyyy-mm-dd`, London. */
  today: string;
  viewer: Viewer | null;
  /** The next meeting set (with its time and place when known), or null. */
  next: { date: string; startTime: string | null; place: string | null } | null;
  /** The dates set after it. */
  later: readonly string[];
  running: Meeting | null;
  /** The agenda drafted for the next meeting now. */
  drafted: readonly AgendaItem[];
  /** Meetings held or running, newest first. */
  held: readonly Meeting[];
  /** The actions of those meetings and every open action. */
  actions: readonly MeetingAction[];
  /** The references of the published Digital Programme, with their projects (for an action owner's role). */
  programme: ReadonlyMap<string, Project>;
  settings: DsgSettings;
  members: readonly Member[];
  /** Signed links to each published meeting's minutes, by date (signed-in viewers only). */
  downloads: ReadonlyMap<string, { docx: string; html: string }>;
}

export const HIDDEN_REQUEST = 'A request not yet in the Digital Programme';
const hiddenRequests = (n: number): string => (n === 1 ? HIDDEN_REQUEST : `${n} requests not yet in the Digital Programme`);

/** Requests the viewer may not see, next to each other under the same heading, as one line: "6 requests ...". */
function collapseHidden(entries: AgendaEntryView[]): AgendaEntryView[] {
  const out: { entry: AgendaEntryView; hidden: number }[] = [];
  for (const entry of entries) {
    const last = out[out.length - 1];
    const hidden = entry.title === HIDDEN_REQUEST && entry.reference === null;
    if (hidden && last?.hidden && last.entry.section === entry.section) last.hidden += 1;
    else out.push({ entry, hidden: hidden ? 1 : 0 });
  }
  return out.map(({ entry, hidden }) => (hidden > 1 ? { ...entry, title: hiddenRequests(hidden) } : entry));
}
const NAMELESS_OWNER = 'an owner';
/** Sources whose detail line names nobody and says nothing beyond the programme. */
const NAMELESS_DETAIL: ReadonlySet<AgendaItem['source']> = new Set(['escalated', 'governance', 'overdue-milestone']);

/** An action owner without their name: their role for the DSG or the project the action is about. */
function ownerRole(owner: PersonRef, data: MeetingsPageData, reference: string | null): string {
  const actor: Actor = { id: owner.aadObjectId, aadObjectId: owner.aadObjectId, name: owner.name, tenantId: null };
  const project = reference ? data.programme.get(reference) : undefined;
  const [label] = roleLabels(rolesFor(actor, { settings: data.settings, members: data.members, project }, { adminAadIds: [] }).filter((r) => r !== 'colleague'));
  if (!label) return NAMELESS_OWNER;
  return label === 'DSG member' ? 'a DSG member' : `the ${label}`;
}

export function meetingsPage(data: MeetingsPageData, audience: MeetingsAudience): MeetingsResponse {
  const owner = (a: MeetingAction) => (audience.names ? a.owner.name : ownerRole(a.owner, data, a.reference));
  const actionsById = new Map(data.actions.map((a) => [a.id, a]));

  function entry(item: AgendaItem): AgendaEntryView {
    const section = AGENDA_SOURCE_LABELS[item.source];
    const hidden = item.reference !== null && !data.programme.has(item.reference) && !audience.requests;
    // An open action keeps its own words (as in the minutes); any other item about such a request is the request.
    if (hidden && item.source !== 'open-action') return { section, reference: null, title: HIDDEN_REQUEST };
    const shown: AgendaEntryView = { section, reference: hidden ? null : item.reference, title: item.title };
    if (audience.names || NAMELESS_DETAIL.has(item.source)) return { ...shown, detail: item.detail };
    const action = item.source === 'open-action' ? actionsById.get(item.id.slice('open-action:'.length)) : undefined;
    return action ? { ...shown, detail: `${owner(action)}, due ${ukDate(action.due)}` } : shown;
  }

  function minutes(meeting: Meeting): MinutesPageView | null {
    if (!meeting.publishedAt) return null;
    const mine = data.actions.filter((a) => a.meetingId === meeting.id);
    const downloads = audience.names ? data.downloads.get(meeting.date) : undefined;
    return {
      publishedAt: meeting.publishedAt,
      attendeeCount: meeting.attendees.length,
      apologyCount: meeting.apologies.length,
      ...(audience.names && { attendees: meeting.attendees.map((p) => p.name), apologies: meeting.apologies.map((p) => p.name) }),
      items: meeting.agenda.map((item) => {
        const o = meeting.outcomes[item.id];
        const base = { ...entry(item), outcome: o ? outcomeHead(o) : 'Not discussed' };
        if (!o || !audience.names) return base;
        const note = o.kind === 'deferred' ? null : o.note;
        return { ...base, by: o.by, ...(note && { note }) };
      }),
      actions: mine.map((a) => ({
        what: a.what,
        reference: a.reference && !data.programme.has(a.reference) && !audience.requests ? null : a.reference,
        due: a.due,
        done: a.doneAt !== null,
        owner: owner(a),
      })),
      ...(audience.names && meeting.notes.trim() && { notes: meeting.notes }),
      ...(downloads && { downloads }),
    };
  }

  const place = (text: string | null): string | null => (text && !audience.names && /^https?:\/\//i.test(text.trim()) ? 'Online (Teams meeting)' : text);
  const running = data.running;
  const next: NextMeetingView | null = running
    ? { date: running.date, startTime: running.startTime, place: data.next?.date === running.date ? place(data.next.place) : null, inProgress: true, agenda: collapseHidden(running.agenda.map(entry)) }
    : data.next && { ...data.next, place: place(data.next.place), inProgress: false, agenda: collapseHidden(data.drafted.map(entry)) };
  const past: PastMeetingView[] = data.held.filter((m) => m.status === 'ended').map((m) => ({ date: m.date, startTime: m.startTime, minutes: minutes(m) }));
  return { generatedAt: data.now, today: data.today, viewer: data.viewer, next, later: [...data.later], past };
}
