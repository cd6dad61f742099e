import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dayOfWeek, isIsoDate } from '../domain/calendar';

/**
 * The editable bank-holiday file (config/bank-holidays-scotland.json by default, BANK_HOLIDAYS_FILE to
 * change it): read once at start-up and checked, so a typo stops the bot with a message naming the file
 * and the entry rather than silently sending reminders on a holiday.
 */

interface BankHoliday {
  date: string;
  title: string;
}

export interface BankHolidays {
  /** Where the list comes from, as the file says. */
  source: string;
  holidays: BankHoliday[];
  /** The dates alone, in date order: hand these to `new WorkingCalendar(...)`. */
  dates: string[];
}

export class BankHolidaysError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Bank holiday file ${file} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BankHolidaysError';
  }
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const holiday = z
  .object({
    date: z
      .string({ error: 'must be a date as "yyyy-mm-dd"' })
      .refine(isIsoDate, { error: (iss) => `${JSON.stringify(iss.input)} is not a real date as "yyyy-mm-dd"`, abort: true })
      .refine((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6, {
        error: (iss) => `${iss.input} is a ${DAY_NAMES[dayOfWeek(iss.input as string)]}: list the substitute weekday instead (a weekend holiday changes nothing)`,
      }),
    title: z.string({ error: 'must be the holiday\'s name' }).trim().min(1, 'must be the holiday\'s name'),
  })
  .strict();

const file = z.object({
  source: z.string({ error: 'must say where the list comes from' }).trim().min(1, 'must say where the list comes from'),
  edit: z.string().optional(),
  division: z.string().optional(),
  holidays: z.array(holiday, { error: 'must be a list of { "date", "title" } entries' }),
});

/** `holidays[3] ("Boxing Day", 2026-12-26).date` style path, so the reader finds the bad entry. */
function where(path: readonly PropertyKey[], data: unknown): string {
  if (path[0] === 'holidays' && typeof path[1] === 'number') {
    const entry = (data as { holidays?: unknown[] }).holidays?.[path[1]] as Record<string, unknown> | undefined;
    const said = [entry?.title, entry?.date].filter((v) => typeof v === 'string' && v !== '').map((v) => JSON.stringify(v));
    const rest = path.slice(2).map(String).join('.');
    return `holidays[${path[1]}]${said.length ? ` (${said.join(', ')})` : ''}${rest ? `.${rest}` : ''}`;
  }
  return path.length ? path.map(String).join('.') : 'the file';
}

/** Parses and checks the text of a bank-holiday file; `file` names it in errors. */
export function parseBankHolidays(text: string, fileName: string): BankHolidays {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BankHolidaysError(fileName, [`is not valid JSON: ${(err as Error).message}`]);
  }
  const parsed = file.safeParse(data);
  if (!parsed.success) {
    throw new BankHolidaysError(
      fileName,
      parsed.error.issues.map((i) => `${where(i.path, data)} ${i.message}`),
    );
  }
  const seen = new Map<string, number>();
  const problems: string[] = [];
  parsed.data.holidays.forEach((h, i) => {
    const first = seen.get(h.date);
    if (first !== undefined) problems.push(`${where(['holidays', i], data)} repeats the date of holidays[${first}]`);
    else seen.set(h.date, i);
  });
  if (problems.length) throw new BankHolidaysError(fileName, problems);
  const holidays = [...parsed.data.holidays].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { source: parsed.data.source, holidays, dates: holidays.map((h) => h.date) };
}

/** Reads and checks a bank-holiday file; throws BankHolidaysError naming the file and each bad entry. */
export function loadBankHolidays(path: string): BankHolidays {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new BankHolidaysError(path, [`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); set BANK_HOLIDAYS_FILE to the bank-holiday list to use`]);
  }
  return parseBankHolidays(text, path);
}
