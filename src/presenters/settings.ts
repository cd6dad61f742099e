import { STRANDS, digitalLeaderTitle } from '../domain/catalogue';
import { ukDate, ukDateTime } from '../domain/dates';
import { isIsoDate } from '../domain/request-form';
import type { DsgSettings } from '../domain/settings';
import { countsDown, fitToSize } from './fit';
import { nameOf, nonBlank } from './format';
import { type PersonChoice, peopleChoices, peopleNote } from './people';
import type { AdaptiveCardJson } from './render';
import type { SettingsData } from './types';

/**
 * The DSG's settings: channel, chair, each strand's Digital Leader, the next meetings. With `canEdit`,
 * a Change settings form (`chair`, `leader-<strandId>`, `meeting1..3`) that saves with the settings version.
 */
export function settingsCard(settings: DsgSettings, members: readonly PersonChoice[], canEdit: boolean, notice?: string): AdaptiveCardJson {
  const current = [settings.chair, settings.minuteTaker, ...STRANDS.map((s) => settings.leaders[s.id])];
  const meetingValue = (i: number): string => {
    const d = settings.meetings[i];
    return d && isIsoDate(d) ? d : '';
  };
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
      meetings: settings.meetings.map((d) => ({ date: ukDate(d) })),
      canEdit,
      members: people.choices,
      hasMembers: people.choices.length > 0,
      chair: settings.chair?.aadObjectId ?? '',
      minuteTaker: settings.minuteTaker?.aadObjectId ?? '',
      meeting1: meetingValue(0),
      meeting2: meetingValue(1),
      meeting3: meetingValue(2),
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
