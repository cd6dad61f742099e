import { addMonths, dayOfWeek, isIsoDate, londonDate, londonTime, WorkingCalendar } from '../../src/domain/calendar';

/** Scotland 2026-2027, as shipped in config/bank-holidays-scotland.json (fixed here so the rules are tested alone). */
const SCOTLAND = [
  '2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-01-04', '2027-03-26', '2027-05-03', '2027-05-31', '2027-08-02', '2027-11-30', '2027-12-27', '2027-12-28',
];
const calendar = new WorkingCalendar(SCOTLAND);

/** Counting one day at a time: what workingDaysBetween must agree with. */
function slowCount(c: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = c.addWorkingDays(from, 0); d < to; ) {
    const next = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (c.isWorkingDay(next)) n++;
    d = next;
  }
  return n;
}

describe('working calendar', () => {
  describe('isWorkingDay', () => {
    it.each([
      ['2026-12-01', true, 'Tuesday'],
      ['2026-12-04', true, 'Friday'],
      ['2026-12-05', false, 'Saturday'],
      ['2026-12-06', false, 'Sunday'],
      ['2026-11-30', false, "St Andrew's Day (Monday)"],
      ['2027-11-30', false, "St Andrew's Day (Tuesday)"],
      ['2026-01-02', false, '2 January'],
      ['2027-01-04', false, '2 January substitute'],
      ['2027-01-05', true, 'the day after'],
      ['2026-04-03', false, 'Good Friday'],
      ['2026-04-06', true, 'Easter Monday is not a Scottish bank holiday'],
      ['2026-08-03', false, 'Summer bank holiday (first Monday of August in Scotland)'],
      ['2026-08-31', true, 'the English summer bank holiday is a working day in Scotland'],
      ['2026-12-28', false, 'Boxing Day substitute'],
      ['2026-12-29', true, 'between Christmas and New Year'],
      ['2027-12-27', false, 'Christmas substitute'],
      ['2027-12-28', false, 'Boxing Day substitute'],
    ])('%s is %s (%s)', (date, expected) => expect(calendar.isWorkingDay(date)).toBe(expected));

    it('treats every weekday as working without bank holidays, and ignores a holiday given at a weekend', () => {
      const plain = new WorkingCalendar(['2026-12-26']);
      expect(plain.isWorkingDay('2026-11-30')).toBe(true);
      expect(plain.bankHolidays()).toEqual([]);
      expect(calendar.bankHolidays()).toEqual(SCOTLAND);
    });

    it('refuses text that is not a calendar date, in the holidays or asked about', () => {
      expect(() => new WorkingCalendar(['2026-02-30'])).toThrow(/bank holiday.*2026-02-30/);
      expect(() => new WorkingCalendar(['30/11/2026'])).toThrow(RangeError);
      expect(() => calendar.isWorkingDay('2026-13-01')).toThrow(RangeError);
      expect(() => calendar.isWorkingDay('2026-12-01T09:00:00Z')).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it.each([
      ['2026-12-01', '2026-12-01', 0, 'same day'],
      ['2026-12-02', '2026-12-01', 0, 'backwards'],
      ['2026-12-01', '2026-12-02', 1, 'Tuesday to Wednesday'],
      ['2026-12-04', '2026-12-07', 1, 'Friday to Monday'],
      ['2026-12-04', '2026-12-06', 0, 'Friday to Sunday'],
      ['2026-12-05', '2026-12-07', 1, 'Saturday to Monday'],
      ['2026-12-01', '2026-12-08', 5, 'one week'],
      ['2026-11-27', '2026-12-01', 1, "over St Andrew's Day"],
      ['2026-12-24', '2027-01-05', 4, 'over Christmas and New Year: only 29, 30, 31 Dec and 5 Jan'],
      ['2026-01-01', '2026-12-31', 252, 'the whole of 2026 after New Year'],
    ])('%s to %s is %i (%s)', (from, to, expected) => expect(calendar.workingDaysBetween(from, to)).toBe(expected));

    it('agrees with counting day by day over long and short spans', () => {
      for (const [from, to] of [
        ['2025-12-20', '2028-01-10'],
        ['2026-03-27', '2026-04-07'],
        ['2027-12-24', '2028-01-04'],
        ['2026-05-22', '2026-06-01'],
      ]) {
        expect(calendar.workingDaysBetween(from, to)).toBe(slowCount(calendar, from, to));
      }
    });
  });

  describe('addWorkingDays', () => {
    it.each([
      ['2026-12-04', 1, '2026-12-07', 'Friday + 1 = Monday'],
      ['2026-11-27', 1, '2026-12-01', "Friday + 1 skips St Andrew's Day"],
      ['2026-12-24', 1, '2026-12-29', 'Christmas Eve + 1 skips Christmas, the weekend and the Boxing Day substitute'],
      ['2026-12-31', 1, '2027-01-05', 'Hogmanay + 1 skips New Year and the 2 January substitute'],
      ['2026-12-05', 0, '2026-12-05', '0 is the date itself'],
      ['2026-12-07', -1, '2026-12-04', 'Monday - 1 = Friday'],
      ['2026-12-01', -1, '2026-11-27', "Tuesday - 1 skips St Andrew's Day"],
      ['2026-12-01', 5, '2026-12-08', 'a week'],
    ])('%s + %i = %s (%s)', (date, n, expected) => expect(calendar.addWorkingDays(date, n)).toBe(expected));

    it('is the inverse of workingDaysBetween', () => {
      for (let n = 0; n <= 300; n += 7) expect(calendar.workingDaysBetween('2026-03-01', calendar.addWorkingDays('2026-03-01', n))).toBe(n);
    });

    it('refuses a fraction of a day', () => expect(() => calendar.addWorkingDays('2026-12-01', 1.5)).toThrow(RangeError));
  });

  describe('London date and time of an instant', () => {
    it.each([
      // Winter: GMT, London = UTC.
      ['2026-01-15T09:30:00Z', '2026-01-15', '09:30'],
      ['2026-12-31T23:59:59Z', '2026-12-31', '23:59'],
      ['2027-01-01T00:00:00Z', '2027-01-01', '00:00'],
      // Spring forward, 29 Mar 2026: 01:00 GMT becomes 02:00 BST.
      ['2026-03-28T23:30:00Z', '2026-03-28', '23:30'],
      ['2026-03-29T00:30:00Z', '2026-03-29', '00:30'],
      ['2026-03-29T00:59:00Z', '2026-03-29', '00:59'],
      ['2026-03-29T01:00:00Z', '2026-03-29', '02:00'],
      ['2026-03-29T23:30:00Z', '2026-03-30', '00:30'],
      ['2026-03-30T08:30:00Z', '2026-03-30', '09:30'],
      // Summer: BST, an instant late in the UTC evening is already tomorrow in London.
      ['2026-07-01T23:15:00Z', '2026-07-02', '00:15'],
      // Fall back, 25 Oct 2026: 02:00 BST becomes 01:00 GMT, so 01:xx happens twice.
      ['2026-10-24T23:30:00Z', '2026-10-25', '00:30'],
      ['2026-10-25T00:30:00Z', '2026-10-25', '01:30'],
      ['2026-10-25T01:30:00Z', '2026-10-25', '01:30'],
      ['2026-10-25T02:00:00Z', '2026-10-25', '02:00'],
      ['2026-10-25T23:30:00Z', '2026-10-25', '23:30'],
      ['2026-10-26T09:30:00Z', '2026-10-26', '09:30'],
      // 2027: 28 Mar and 31 Oct.
      ['2027-03-28T00:59:00Z', '2027-03-28', '00:59'],
      ['2027-03-28T01:00:00Z', '2027-03-28', '02:00'],
      ['2027-03-27T23:30:00Z', '2027-03-27', '23:30'],
      ['2027-03-28T23:30:00Z', '2027-03-29', '00:30'],
      ['2027-10-30T23:30:00Z', '2027-10-31', '00:30'],
      ['2027-10-31T00:30:00Z', '2027-10-31', '01:30'],
      ['2027-10-31T01:30:00Z', '2027-10-31', '01:30'],
      ['2027-10-31T23:30:00Z', '2027-10-31', '23:30'],
    ])('%s is %s %s in London', (instant, date, time) => {
      expect(londonDate(new Date(instant))).toBe(date);
      expect(londonTime(new Date(instant))).toBe(time);
      expect(calendar.londonDate(new Date(instant))).toBe(date);
    });

    it('refuses an invalid Date', () => expect(() => londonDate(new Date('nope'))).toThrow(RangeError));

    it('answers the same for every second of a minute asked in turn, across midnight and both clock changes', () => {
      const fresh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      const expected = (instant: Date) => {
        const p = Object.fromEntries(fresh.formatToParts(instant).map((x) => [x.type, x.value]));
        return [`${p.year}-${p.month}-${p.day}`, `${p.hour === '24' ? '00' : p.hour}:${p.minute}`];
      };
      for (const around of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-07-01T23:00:00Z', '2027-01-01T00:00:00Z']) {
        for (let s = -150; s <= 150; s += 7) {
          const instant = new Date(Date.parse(around) + s * 1000);
          expect([londonDate(instant), londonTime(instant)]).toEqual(expected(instant));
        }
      }
      // London mean time before 1847, and BST all year in 1968-71: still right, minute by minute.
      for (const instant of ['1800-06-01T00:00:00Z', '1800-06-01T00:00:50Z'].map((t) => new Date(t))) expect([londonDate(instant), londonTime(instant)]).toEqual(expected(instant));
      expect(londonTime(new Date('1800-06-01T00:00:50Z'))).toBe('23:59'); // 23:58:45 a minute (UTC) earlier
      expect([londonDate(new Date('1970-01-01T00:00:30Z')), londonTime(new Date('1970-01-01T00:00:30Z'))]).toEqual(['1970-01-01', '01:00']);
    });

    it('counts working days up to the London date of an instant', () => {
      // 23:30Z on Sunday 29 Mar 2026 is already Monday 30 Mar in London.
      expect(calendar.workingDaysSince('2026-03-27', new Date('2026-03-29T23:30:00Z'))).toBe(1);
      expect(calendar.workingDaysSince('2026-03-27', new Date('2026-03-29T22:59:00Z'))).toBe(0);
    });
  });

  it('knows real dates and days of the week', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(dayOfWeek('2026-11-30')).toBe(1);
    expect(dayOfWeek('2027-12-25')).toBe(6);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-10-01', 2)).toBe('2026-12-01');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
  });

  it('refuses a date that is not one', () => {
    expect(() => addMonths('2026-02-30', 2)).toThrow(RangeError);
  });
});
