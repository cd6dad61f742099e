import { addMeeting, cancelMeeting, comingMeetings, meetingLink, meetingWords, moveMeeting, plannedMeetingsOf, type PlannedMeeting } from '../../src/domain/meeting-plans';
import { isDomainError } from '../../src/domain/errors';

const TODAY = '2026-12-04';
const jan: PlannedMeeting = { date: '2027-01-14', startTime: '10:00', place: 'Committee Room 2' };
const feb: PlannedMeeting = { date: '2027-02-11', startTime: '14:30', place: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc' };

/** The field errors a domain call throws. */
function fieldErrors(work: () => unknown): Record<string, string> {
  try {
    work();
  } catch (error) {
    if (isDomainError(error) && error.code === 'INVALID_FIELD') return error.details.errors as Record<string, string>;
    throw error;
  }
  throw new Error('no field error');
}

describe('planned meetings as stored', () => {
  it('reads the bare dates kept before start times and places, and the new records, in date order, one a day', () => {
    expect(plannedMeetingsOf(['2027-02-11', jan, '2027-01-14', 'not a date', { date: '2027-13-01' }, 42])).toEqual([jan, { date: '2027-02-11', startTime: null, place: null }]);
  });

  it('says when, where, and links only https places', () => {
    expect(meetingWords(jan)).toBe('14 Jan 2027 at 10:00, Committee Room 2');
    expect(meetingWords(feb)).toBe('11 Feb 2027 at 14:30, on Teams');
    expect(meetingWords({ date: '2027-02-11', startTime: null, place: null })).toBe('11 Feb 2027 (time not set)');
    expect(meetingLink(feb)).toBe(feb.place);
    expect(meetingLink(jan)).toBeNull();
    expect(comingMeetings([feb, { ...jan, date: '2026-11-01' }], TODAY)).toEqual([feb]);
  });
});

describe('adding, moving and cancelling meetings', () => {
  it('adds a meeting in date order, with a place or a Teams link or neither', () => {
    expect(addMeeting([feb], { date: '2027-01-14', startTime: '10:00', place: ' Committee Room 2 ' }, TODAY, [])).toEqual([jan, feb]);
    expect(addMeeting([], { date: '2027-01-14', startTime: '10:00', place: '' }, TODAY, [])).toEqual([{ ...jan, place: null }]);
  });

  it('refuses a past date, a taken date, a missing time and a link that is not https, each under its input', () => {
    expect(fieldErrors(() => addMeeting([jan], { date: '2026-12-03', startTime: '', place: 'http://example.org/x' }, TODAY, []))).toEqual({
      date: 'The date is in the past: choose 4 Dec 2026 or later.',
      startTime: 'Choose the start time, like 10:00.',
      place: 'Give the Teams meeting link as a full https:// address, or type the place in words.',
    });
    expect(fieldErrors(() => addMeeting([jan], { date: '2027-01-14', startTime: '09:00', place: '' }, TODAY, [])).date).toMatch(/already set on 14 Jan 2027/);
    expect(fieldErrors(() => addMeeting([], { date: TODAY, startTime: '09:00', place: '' }, TODAY, [{ date: TODAY, status: 'ended' }])).date).toMatch(/already met on 4 Dec 2026/);
    expect(fieldErrors(() => addMeeting([], { date: '2027-01-14', startTime: '25:00', place: '' }, TODAY, [])).startTime).toBeDefined();
  });

  it('keeps what was typed with the errors', () => {
    const typed = { date: '2026-01-01', startTime: '10:00', place: 'Room 1' };
    try {
      addMeeting([], typed, TODAY, []);
    } catch (error) {
      expect(isDomainError(error) && error.details.values).toEqual(typed);
    }
  });

  it('moves a meeting to a new date, time and place, but not onto another meeting or into the past', () => {
    expect(moveMeeting([jan, feb], '2027-01-14', { date: '2027-03-11', startTime: '09:30', place: 'Room 1' }, TODAY, [])).toEqual([feb, { date: '2027-03-11', startTime: '09:30', place: 'Room 1' }]);
    // The same date, a new time: not "taken" by itself.
    expect(moveMeeting([jan], '2027-01-14', { date: '2027-01-14', startTime: '11:00', place: '' }, TODAY, [])).toEqual([{ date: '2027-01-14', startTime: '11:00', place: null }]);
    expect(fieldErrors(() => moveMeeting([jan, feb], '2027-01-14', { date: '2027-02-11', startTime: '10:00', place: '' }, TODAY, [])).date).toMatch(/already set/);
    expect(fieldErrors(() => moveMeeting([jan], '2027-01-14', { date: '2026-12-01', startTime: '10:00', place: '' }, TODAY, [])).date).toMatch(/in the past/);
  });

  it('refuses to move or cancel a meeting that is running or was held, or one no longer set', () => {
    const today: PlannedMeeting = { date: TODAY, startTime: '10:00', place: null };
    expect(() => moveMeeting([today], TODAY, { date: '2027-01-20', startTime: '10:00', place: '' }, TODAY, [{ date: TODAY, status: 'running' }])).toThrow(/is running now, so it cannot be moved/);
    expect(() => cancelMeeting([today], TODAY, [{ date: TODAY, status: 'ended' }])).toThrow(/has been held .* so it cannot be cancelled/);
    expect(() => cancelMeeting([jan], '2027-02-11', [])).toThrow(/No DSG meeting is set on 11 Feb 2027 any more/);
    expect(cancelMeeting([jan, feb], '2027-01-14', [])).toEqual({ cancelled: jan, planned: [feb] });
  });

  it('refuses more than eight coming meetings', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ date: `2027-0${i + 1}-10`, startTime: '10:00', place: null }));
    expect(fieldErrors(() => addMeeting(many, { date: '2027-09-10', startTime: '10:00', place: '' }, TODAY, [])).date).toMatch(/8 meetings are set already/);
  });
});
