import { meetingLink, meetingWhen, type PlannedMeeting } from '../domain/meeting-plans';
import { clip } from './format';
import type { PlaceData } from './types';

/** When and where a meeting is, for a card: the place as typed (clipped), or a Join button for a Teams link. */
export function placeData(m: PlannedMeeting): PlaceData {
  const link = meetingLink(m);
  return {
    when: meetingWhen(m),
    ...(link ? { where: 'Teams meeting', link } : m.place ? { where: clip(m.place, 200) } : {}),
  };
}
