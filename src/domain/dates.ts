/**
 * UK-style dates for people to read: `14 Jan 2027` and `14 Jan 2027, 09:30`, in Europe/London time.
 *
 * Intl (locale en-GB, time zone Europe/London) does the time-zone work; month abbreviations come from a
 * fixed list, because ICU versions disagree on September ('Sep' or 'Sept') and cards must not change with
 * the Node build. Pure functions: the same input always gives the same text.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function londonParts(date: Date): Parts {
  const parts: Record<string, number> = {};
  for (const p of LONDON.formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** A calendar date (`yyyy-mm-dd`) is a date, not an instant: it is shown as written, with no time-zone shift. */
function calendarDate(iso: string): { year: number; month: number; day: number } | null {
  const m = DATE_ONLY.exec(iso.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

function instant(iso: string): Date | null {
  // A day that does not exist (2026-02-30) is not a date; V8 would roll it over to 2 March.
  const day = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(iso.trim());
  if (day && (day[2] === '' || !calendarDate(day[1]))) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const dayMonthYear = (p: { year: number; month: number; day: number }): string =>
  `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
const two = (n: number): string => String(n).padStart(2, '0');

/**
 * `14 Jan 2027`. Takes a calendar date (`2027-01-14`, shown as is) or an ISO timestamp (shown as the
 * date in London). Text that is not a date is returned unchanged rather than throwing.
 */
export function ukDate(iso: string): string {
  const cal = calendarDate(iso);
  if (cal) return dayMonthYear(cal);
  const d = instant(iso);
  return d ? dayMonthYear(londonParts(d)) : iso;
}

/**
 * `14 Jan 2027, 09:30` (24-hour clock, London time: GMT in winter, BST in summer). A calendar date
 * without a time is shown as `ukDate` would. Text that is not a date is returned unchanged.
 */
export function ukDateTime(iso: string): string {
  const cal = calendarDate(iso);
  if (cal) return dayMonthYear(cal);
  const d = instant(iso);
  if (!d) return iso;
  const p = londonParts(d);
  return `${dayMonthYear(p)}, ${two(p.hour)}:${two(p.minute)}`;
}

/** `09:30`: the time of an ISO timestamp in London (24-hour clock). Text that is not a timestamp is returned unchanged. */
export function ukTime(iso: string): string {
  const d = calendarDate(iso) ? null : instant(iso);
  if (!d) return iso;
  const p = londonParts(d);
  return `${two(p.hour)}:${two(p.minute)}`;
}
