/**
 * Working days and London wall-clock time, for the reminder rhythm and the scheduler.
 *
 * A working day is Monday to Friday and not a bank holiday. Calendar dates are `yyyy-mm-dd` strings and
 * are counted as dates (UTC arithmetic on the date alone, never on an instant, so no clock change can
 * shift them). Instants become London dates and times through Intl with time zone Europe/London, which
 * knows when GMT becomes BST and back. Pure: the bank holidays are handed in (see scheduler/bank-holidays).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar date, or null for anything else (2026-02-30 included). */
function dayNumber(isoDate: string): number | null {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

function requireDay(isoDate: string, what: string): number {
  const n = dayNumber(isoDate);
  if (n === null) throw new RangeError(`${what} must be a calendar date (yyyy-mm-dd), got ${JSON.stringify(isoDate)}`);
  return n;
}

const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday ... 6 = Saturday (1970-01-01, day 0, was a Thursday). */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;
const isWeekend = (day: number): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/** True for a real `yyyy-mm-dd` calendar date. */
export const isIsoDate = (value: string): boolean => dayNumber(value) !== null;

/** Calendar days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export const daysBetween = (fromIso: string, toIso: string): number => requireDay(toIso, 'to') - requireDay(fromIso, 'from');

/** The calendar date `n` days after `isoDate` (before it for negative `n`). */
export const addDays = (isoDate: string, n: number): string => isoOf(requireDay(isoDate, 'date') + n);

/**
 * The calendar date `n` months after `isoDate`, on the same day of the month, or on the month's last day when it
 * is shorter (31 Dec + 2 months = 28 Feb, or 29 Feb in a leap year).
 */
export const addMonths = (isoDate: string, n: number): string => {
  requireDay(isoDate, 'date');
  const [year, month, day] = isoDate.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)) / DAY_MS);
};

/** The Monday of the week (Monday to Sunday) that holds `isoDate`. */
export const mondayOf = (isoDate: string): string => {
  const day = requireDay(isoDate, 'date');
  return isoOf(day - ((weekdayOf(day) + 6) % 7));
};

/** The day of the week of a calendar date: 0 = Sunday ... 6 = Saturday. */
export const dayOfWeek = (isoDate: string): number => weekdayOf(requireDay(isoDate, 'date'));

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type LondonParts = Readonly<Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>>;

/**
 * Since 1972 London has been GMT or BST, a whole number of hours from UTC, so its date and time (to the minute)
 * are the same throughout a UTC minute: the last minute's are kept. Intl's formatToParts costs far more than this
 * check, and every request and scheduled run asks for today, mostly within the same minute.
 */
const WHOLE_HOUR_OFFSETS_SINCE = Date.UTC(1972, 0, 1);
let lastMinute = Number.NaN;
let lastParts: LondonParts | null = null;

function londonParts(instant: Date): LondonParts {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('londonDate/londonTime need a valid Date');
  const minute = Math.floor(ms / 60_000);
  if (minute === lastMinute && lastParts) return lastParts;
  const parts: Record<string, string> = {};
  for (const p of LONDON.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = p.value;
  const london: LondonParts = {
    year: parts.year,
    month: parts.month.padStart(2, '0'),
    day: parts.day.padStart(2, '0'),
    // Some ICU builds write midnight as 24 even with h23.
    hour: parts.hour === '24' ? '00' : parts.hour.padStart(2, '0'),
    minute: parts.minute.padStart(2, '0'),
  };
  if (ms >= WHOLE_HOUR_OFFSETS_SINCE) {
    lastMinute = minute;
    lastParts = london;
  }
  return london;
}

/** The calendar date (`yyyy-mm-dd`) in London at `instant`: GMT in winter, BST (UTC+1) in summer. */
export function londonDate(instant: Date): string {
  const p = londonParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The London wall-clock time at `instant`, `HH:MM` (24-hour). */
export function londonTime(instant: Date): string {
  const p = londonParts(instant);
  return `${p.hour}:${p.minute}`;
}

/** The instant London's clocks show `hhmm` (`HH:MM`) on `isoDate` (GMT or BST, whichever is in force then). */
export function londonInstant(isoDate: string, hhmm: string): Date {
  const day = requireDay(isoDate, 'date');
  const [hour, minute] = hhmm.split(':').map(Number);
  const wall = day * DAY_MS + (hour * 60 + minute) * 60_000;
  // London is UTC or UTC+1: try both offsets and keep the one whose London wall clock matches.
  for (const offset of [0, 3_600_000]) {
    const instant = new Date(wall - offset);
    const p = londonParts(instant);
    if (`${p.year}-${p.month}-${p.day}` === isoDate && `${p.hour}:${p.minute}` === `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`) return instant;
  }
  // A time the clocks skip (01:30 on the last Sunday of March): the same wall time read as GMT.
  return new Date(wall);
}

/** Working days: Monday to Friday, less the bank holidays it was built with. */
export class WorkingCalendar {
  /** Bank holidays as day numbers; one on a weekend changes nothing, so only weekdays are kept. */
  private readonly holidays: ReadonlySet<number>;
  private readonly sortedHolidays: readonly number[];

  /** Throws RangeError if a bank holiday is not a `yyyy-mm-dd` calendar date. */
  constructor(bankHolidays: Iterable<string>) {
    const days = new Set<number>();
    for (const h of bankHolidays) {
      const day = requireDay(h, 'a bank holiday');
      if (!isWeekend(day)) days.add(day);
    }
    this.holidays = days;
    this.sortedHolidays = [...days].sort((a, b) => a - b);
  }

  /** The bank holidays that fall on weekdays, in date order. */
  bankHolidays(): string[] {
    return this.sortedHolidays.map(isoOf);
  }

  isBankHoliday(isoDate: string): boolean {
    return this.holidays.has(requireDay(isoDate, 'date'));
  }

  /** Monday to Friday and not a bank holiday. */
  isWorkingDay(isoDate: string): boolean {
    const day = requireDay(isoDate, 'date');
    return !isWeekend(day) && !this.holidays.has(day);
  }

  /**
   * Working days after `fromIso` up to and including `toIso`: Friday to the next Monday is 1, a date to
   * itself is 0, and so is any `toIso` before `fromIso`.
   */
  workingDaysBetween(fromIso: string, toIso: string): number {
    const from = requireDay(fromIso, 'from');
    const to = requireDay(toIso, 'to');
    if (to <= from) return 0;
    const span = to - from;
    let weekdays = Math.floor(span / 7) * 5;
    for (let day = from + Math.floor(span / 7) * 7 + 1; day <= to; day++) if (!isWeekend(day)) weekdays++;
    let holidays = 0;
    for (const h of this.sortedHolidays) {
      if (h > to) break;
      if (h > from) holidays++;
    }
    return weekdays - holidays;
  }

  /**
   * The date `n` working days after `isoDate` (before it for negative `n`); `n = 0` gives `isoDate` itself,
   * working day or not. For n >= 0, `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  addWorkingDays(isoDate: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number of days, got ${n}`);
    let day = requireDay(isoDate, 'date');
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (!isWeekend(day) && !this.holidays.has(day)) left--;
    }
    return isoOf(day);
  }

  /** Working days from `fromIso` to the London date of `now` (see workingDaysBetween). */
  workingDaysSince(fromIso: string, now: Date): number {
    return this.workingDaysBetween(fromIso, londonDate(now));
  }

  londonDate(instant: Date): string {
    return londonDate(instant);
  }

  londonTime(instant: Date): string {
    return londonTime(instant);
  }
}
