import { STRANDS, digitalLeaderTitle } from '../domain/catalogue';
import { ukDateTime } from '../domain/dates';
import { comingMeetings, meetingWords, type PlannedMeeting } from '../domain/meeting-plans';
import type { DsgSettings } from '../domain/settings';
import type { Confirmation } from './confirm';
import { countsDown, fitToSize } from './fit';
import { nameOf, nonBlank } from './format';
import { placeData } from './meeting-place';
import { type PersonChoice, peopleChoices, peopleNote } from './people';
import type { AdaptiveCardJson } from './render';
import type { MeetingFormData, SettingsData } from './types';

/** What the settings card needs to list the coming meetings and, for the chair, add, move and cancel them. */
export interface MeetingPlanning {
  /** The chair or an admin. */
  canPlan: boolean;
  /** `yyyy-mm-dd`, London. */
  today: string;
  /** Dates of meetings running or held: they keep their date. */
  held: readonly string[];
  /** A form sent back (what was typed, the problems), or a Move form opened: `moving` is the meeting's date. */
  form?: { moving: string | null; values: Record<string, string>; errors: Record<string, string> };
}

const EMPTY_FORM: MeetingFormData = { values: { date: '', startTime: '', place: '' }, errors: {} };

const formOf = (values: Record<string, string>, errors: Record<string, string>): MeetingFormData => ({
  values: { date: values.date ?? '', startTime: values.startTime ?? '', place: values.place ?? '' },
  errors: Object.fromEntries(Object.entries(errors).filter(([k]) => ['date', 'startTime', 'place'].includes(k))),
});

/**
 * The DSG's settings: channel, chair, Minute Taker, each strand's Digital Leader, the coming meetings. With
 * `canEdit`, a Change settings form (`chair`, `minuteTaker`, `leader-<strandId>`) that saves with the settings
 * version. With `planning.canPlan`, each coming meeting has Move and Cancel, and an Add a meeting form follows.
 */
export function settingsCard(settings: DsgSettings, members: readonly PersonChoice[], canEdit: boolean, notice?: string, planning?: MeetingPlanning): AdaptiveCardJson {
  const current = [settings.chair, settings.minuteTaker, ...STRANDS.map((s) => settings.leaders[s.id])];
  const today = planning?.today ?? '0000-01-01';
  const form = planning?.form;
  const meetings = comingMeetings(settings.meetings, today).map((m) => {
    const held = planning?.held.includes(m.date) ?? false;
    const moving = !!form && form.moving === m.date && !held;
    return {
      ...placeData(m),
      date: m.date,
      ...(held && { status: 'Running or held: it keeps its date.' }),
      canChange: !!planning?.canPlan && !held,
      moving,
      ...(moving && formOf(form.values, form.errors)),
    };
  });
  const moving = meetings.some((m) => m.moving);
  // Eight ChoiceSets repeat the member list: as many members are listed as fit (the people in a role always).
  return fitToSize('settings', countsDown(canEdit ? members.length : 0), (max) => {
    const people = canEdit ? peopleChoices(members, current, max) : { choices: [], total: 0 };
    const data: SettingsData = {
      channelName: settings.channel ? (nonBlank(settings.channel.name) ?? 'set up (its name is not known)') : 'not set up yet',
      chairName: nameOf(settings.chair, 'not set'),
      minuteTakerName: nameOf(settings.minuteTaker, 'not set'),
      leaders: STRANDS.map((s) => ({
        strandName: s.name,
        roleTitle: digitalLeaderTitle(s.id),
        name: nameOf(settings.leaders[s.id], 'not set'),
        inputId: `leader-${s.id}`,
        value: settings.leaders[s.id]?.aadObjectId ?? '',
      })),
      meetings,
      showAdd: !!planning?.canPlan && !moving,
      add: form && form.moving === null ? formOf(form.values, form.errors) : EMPTY_FORM,
      today,
      canEdit,
      members: people.choices,
      hasMembers: people.choices.length > 0,
      chair: settings.chair?.aadObjectId ?? '',
      minuteTaker: settings.minuteTaker?.aadObjectId ?? '',
      version: settings.version,
    };
    if (settings.updatedAt) data.updated = `Last changed ${ukDateTime(settings.updatedAt)}`;
    const text = nonBlank(notice);
    if (text) data.notice = text;
    const note = peopleNote(people.choices.length, people.total, 'team members');
    if (note) data.membersNote = note;
    return data;
  });
}

/** What cancelling a meeting does, for the confirmation (see checkCancelMeeting). */
export interface CancelFacts {
  meeting: PlannedMeeting;
  version: number;
  isNext: boolean;
  agendaItems: number;
  after: PlannedMeeting | null;
}

/** Cancelling a meeting asks first: it cannot be taken back, and the agenda drafted for it moves on. */
export function cancelMeetingConfirmation(c: CancelFacts): Confirmation {
  const items = `${c.agendaItems} item${c.agendaItems === 1 ? '' : 's'}`;
  const agenda = !c.isNext
    ? `The agenda of the next meeting is not affected.`
    : c.after
      ? `The agenda drafted for it (${items}) carries over to the meeting on ${meetingWords(c.after)}, with the order the chair or the Minute Taker set.`
      : `The agenda drafted for it (${items}) waits for the next meeting you add. No other meeting is set: you will be reminded to add one if none is set within two months of the last.`;
  return {
    question: `Cancel the DSG meeting on ${meetingWords(c.meeting)}?`,
    happens: [
      'It is taken off the DSG settings and the list of meetings, and no pre-meeting digest is sent for it.',
      agenda,
      'This cannot be undone: to meet that day after all, add the meeting again.',
    ],
    stillOpen: [],
    verb: 'meeting.cancel',
    data: { meeting: c.meeting.date, version: c.version },
    confirmTitle: 'Cancel the meeting',
    cancelTitle: 'Keep the meeting',
    destructive: true,
  };
}
