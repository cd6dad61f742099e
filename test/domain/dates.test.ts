import { ukDate, ukDateTime, ukTime } from '../../src/domain/dates';

describe('ukDate', () => {
  it('shows a timestamp as day, short month and year', () => {
    expect(ukDate('2027-01-14T09:30:00.000Z')).toBe('14 Jan 2027');
  });

  it('shows a calendar date as written, with no time-zone shift', () => {
    expect(ukDate('2027-01-14')).toBe('14 Jan 2027');
    expect(ukDate('2026-07-01')).toBe('1 Jul 2026');
    expect(ukDate('2028-02-29')).toBe('29 Feb 2028');
  });

  it('uses the London date, not the UTC date, in summer time', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(ukDate('2026-06-30T23:30:00Z')).toBe('1 Jul 2026');
    // In winter London is on UTC.
    expect(ukDate('2026-12-31T23:30:00Z')).toBe('31 Dec 2026');
  });

  it('names every month with the same three-letter abbreviation, whatever the ICU version', () => {
    const months = Array.from({ length: 12 }, (_, i) => ukDate(`2026-${String(i + 1).padStart(2, '0')}-15`));
    expect(months).toEqual([
      '15 Jan 2026', '15 Feb 2026', '15 Mar 2026', '15 Apr 2026', '15 May 2026', '15 Jun 2026',
      '15 Jul 2026', '15 Aug 2026', '15 Sep 2026', '15 Oct 2026', '15 Nov 2026', '15 Dec 2026',
    ]);
  });

  it('returns text that is not a date unchanged instead of throwing', () => {
    expect(ukDate('not a date')).toBe('not a date');
    expect(ukDate('2026-02-30')).toBe('2026-02-30');
    expect(ukDate('')).toBe('');
  });
});

describe('ukDateTime', () => {
  it('shows date and 24-hour time in GMT in winter', () => {
    expect(ukDateTime('2027-01-14T09:30:00Z')).toBe('14 Jan 2027, 09:30');
    expect(ukDateTime('2026-11-27T17:05:00Z')).toBe('27 Nov 2026, 17:05');
  });

  it('shows BST in summer', () => {
    expect(ukDateTime('2026-07-01T08:30:00Z')).toBe('1 Jul 2026, 09:30');
    expect(ukDateTime('2026-09-04T23:15:00Z')).toBe('5 Sep 2026, 00:15');
  });

  it('follows the clock changes (last Sunday of March and October)', () => {
    expect(ukDateTime('2026-03-29T00:59:00Z')).toBe('29 Mar 2026, 00:59');
    expect(ukDateTime('2026-03-29T01:00:00Z')).toBe('29 Mar 2026, 02:00');
    expect(ukDateTime('2026-10-25T00:30:00Z')).toBe('25 Oct 2026, 01:30');
    expect(ukDateTime('2026-10-25T01:30:00Z')).toBe('25 Oct 2026, 01:30');
  });

  it('shows midnight as 00:00, never 24:00', () => {
    expect(ukDateTime('2027-01-14T00:00:00Z')).toBe('14 Jan 2027, 00:00');
  });

  it('honours an explicit offset in the timestamp', () => {
    expect(ukDateTime('2027-01-14T09:30:00+01:00')).toBe('14 Jan 2027, 08:30');
  });

  it('shows a calendar date without a time', () => {
    expect(ukDateTime('2027-01-14')).toBe('14 Jan 2027');
  });

  it('returns text that is not a date unchanged', () => {
    expect(ukDateTime('soon')).toBe('soon');
  });
});

describe('days that do not exist', () => {
  it('are not rolled over into the next month', () => {
    expect(ukDate('2026-02-30T10:00:00Z')).toBe('2026-02-30T10:00:00Z');
    expect(ukDateTime('2026-02-30T10:00:00Z')).toBe('2026-02-30T10:00:00Z');
    expect(ukDateTime('2026-02-30')).toBe('2026-02-30');
  });
});

describe('ukTime', () => {
  it('is the time in London: GMT in winter, BST in summer', () => {
    expect(ukTime('2026-12-08T10:00:05Z')).toBe('10:00');
    expect(ukTime('2026-07-08T10:00:05Z')).toBe('11:00');
  });

  it('returns a calendar date or other text unchanged', () => {
    expect(ukTime('2026-12-08')).toBe('2026-12-08');
    expect(ukTime('soon')).toBe('soon');
  });
});
