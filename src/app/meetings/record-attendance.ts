import { DomainError } from '../../domain/errors';
import { assertRunning, markPresent, setAttendance } from '../../domain/meetings';
import type { Actor } from '../../domain/people';
import type { PersonRef } from '../../domain/settings';
import type { Deps } from '../deps';
import { changeMeeting } from './change-meeting';
import { DSG_ONLY, meetingAccess, RUN_REFUSAL } from './meeting-access';
import type { MeetingView } from '../../domain/meetings';
import { loadMeetingView } from './meeting-view';

/** "I'm here": a DSG member marks themselves present (pressing twice changes nothing). */
export async function imHere(deps: Deps, actor: Actor, meetingId: string): Promise<MeetingView> {
  const access = await meetingAccess(deps, actor, 'meeting.attend', 'meeting.here', `Only members of the Digital Strategy Group attend its meetings. ${DSG_ONLY}`);
  const me: PersonRef = { aadObjectId: actor.aadObjectId ?? actor.id, name: actor.name };
  const meeting = await changeMeeting(deps, actor, meetingId, null, 'meeting.here', (m, now) => {
    assertRunning(m);
    return markPresent(m, me, now);
  });
  return loadMeetingView(deps, meeting, access);
}

/** The Minute Taker's register: who is here and who sent apologies, ticked from the DSG's members. */
export async function registerAttendance(deps: Deps, actor: Actor, meetingId: string, cardVersion: number, present: readonly string[], apologies: readonly string[]): Promise<MeetingView> {
  const access = await meetingAccess(deps, actor, 'meeting.run', 'meeting.attendance', RUN_REFUSAL);
  const person = (id: string): PersonRef => {
    const m = access.members.find((x) => x.aadObjectId === id || x.id === id);
    if (!m) throw new DomainError('INVALID_FIELD', 'Tick people from the DSG team.', { field: 'present' });
    return { aadObjectId: m.aadObjectId, name: m.name };
  };
  const meeting = await changeMeeting(deps, actor, meetingId, cardVersion, 'meeting.attendance', (m, now) => {
    assertRunning(m);
    return setAttendance(m, present.map(person), apologies.map(person), now);
  });
  return loadMeetingView(deps, meeting, access, 'Attendance saved.');
}
