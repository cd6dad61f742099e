import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_BANK_HOLIDAYS_FILE, loadConfig } from '../../src/config';
import { dayOfWeek, WorkingCalendar } from '../../src/domain/calendar';
import { BankHolidaysError, loadBankHolidays, parseBankHolidays } from '../../src/scheduler/bank-holidays';

const SHIPPED = resolve(__dirname, '../../config/bank-holidays-scotland.json');

function problemsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(BankHolidaysError);
    return (e as BankHolidaysError).problems;
  }
  throw new Error('expected a BankHolidaysError');
}

const file = (holidays: unknown, extra: object = {}) => JSON.stringify({ source: 'test', holidays, ...extra });

describe('the shipped Scottish bank holidays', () => {
  const shipped = loadBankHolidays(SHIPPED);

  it('is what BANK_HOLIDAYS_FILE defaults to', () => {
    expect(DEFAULT_BANK_HOLIDAYS_FILE).toBe(SHIPPED);
    expect(loadConfig({}).bankHolidaysFile).toBe(SHIPPED);
  });

  it('says where it comes from and how to edit it', () => {
    expect(shipped.source).toMatch(/gov\.uk\/bank-holidays/);
    expect(shipped.source).toMatch(/Scotland/i);
    const raw = JSON.parse(readFileSync(SHIPPED, 'utf8')) as { edit?: unknown };
    expect(raw.edit).toEqual(expect.stringContaining('BANK_HOLIDAYS_FILE'));
  });

  it('lists weekdays in 2026 and 2027, in order, each once', () => {
    expect(shipped.dates.length).toBeGreaterThanOrEqual(18);
    for (const date of shipped.dates) {
      expect(date).toMatch(/^(2026|2027)-\d{2}-\d{2}$/);
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(date));
    }
    expect([...shipped.dates].sort()).toEqual(shipped.dates);
    expect(new Set(shipped.dates).size).toBe(shipped.dates.length);
  });

  it("has Scotland's nine bank holidays each year, with substitute days after a weekend", () => {
    expect(shipped.dates).toEqual([
      '2026-01-01', // New Year's Day (Thursday)
      '2026-01-02', // 2 January (Friday)
      '2026-04-03', // Good Friday (Easter Sunday 5 April)
      '2026-05-04', // Early May: first Monday in May
      '2026-05-25', // Spring: last Monday in May
      '2026-08-03', // Summer: first Monday in August (Scotland)
      '2026-11-30', // St Andrew's Day (Monday)
      '2026-12-25', // Christmas Day (Friday)
      '2026-12-28', // Boxing Day falls on Saturday 26th: substitute Monday 28th
      '2027-01-01', // New Year's Day (Friday)
      '2027-01-04', // 2 January falls on Saturday: substitute Monday 4th
      '2027-03-26', // Good Friday (Easter Sunday 28 March)
      '2027-05-03', // Early May
      '2027-05-31', // Spring
      '2027-08-02', // Summer
      '2027-11-30', // St Andrew's Day (Tuesday)
      '2027-12-27', // Christmas Day falls on Saturday: substitute Monday 27th
      '2027-12-28', // Boxing Day falls on Sunday: substitute Tuesday 28th
    ]);
    for (const year of ['2026', '2027']) expect(shipped.dates.filter((d) => d.startsWith(year))).toHaveLength(9);
    expect(shipped.dates).toEqual(expect.arrayContaining(['2026-11-30', '2027-11-30']));
  });

  it('makes a working calendar', () => {
    const calendar = new WorkingCalendar(shipped.dates);
    expect(calendar.isWorkingDay('2026-11-30')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-01')).toBe(true);
  });
});

describe('loading a bank-holiday file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dsg-holidays-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a good file, sorting its entries', () => {
    const path = join(dir, 'holidays.json');
    writeFileSync(path, file([{ date: '2026-12-25', title: 'Christmas Day' }, { date: '2026-11-30', title: "St Andrew's Day" }], { edit: 'notes', division: 'scotland' }));
    expect(loadBankHolidays(path)).toEqual({
      source: 'test',
      holidays: [
        { date: '2026-11-30', title: "St Andrew's Day" },
        { date: '2026-12-25', title: 'Christmas Day' },
      ],
      dates: ['2026-11-30', '2026-12-25'],
    });
  });

  it('names the file when it is missing or not JSON', () => {
    const missing = join(dir, 'missing.json');
    expect(() => loadBankHolidays(missing)).toThrow(missing);
    expect(problemsOf(() => loadBankHolidays(missing))[0]).toMatch(/cannot be read \(ENOENT\).*BANK_HOLIDAYS_FILE/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "source": "x", ');
    expect(() => loadBankHolidays(broken)).toThrow(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*not valid JSON`));
  });

  it('names each bad entry, by position, title and date', () => {
    const problems = problemsOf(() =>
      parseBankHolidays(
        file([
          { date: '2026-11-30', title: "St Andrew's Day" },
          { date: '2026-02-30', title: 'Not a day' },
          { date: '26/12/2026', title: 'Boxing Day' },
          { date: '2026-12-26', title: 'Boxing Day' },
          { date: '2026-12-25', title: '' },
          { date: '2026-12-28' },
          { date: '2026-11-30', title: 'Again' },
          { date: '2026-12-29', title: 'Extra', note: 'unknown field' },
        ]),
        'holidays.json',
      ),
    );
    expect(problems).toEqual([
      'holidays[1] ("Not a day", "2026-02-30").date "2026-02-30" is not a real date as "yyyy-mm-dd"',
      'holidays[2] ("Boxing Day", "26/12/2026").date "26/12/2026" is not a real date as "yyyy-mm-dd"',
      'holidays[3] ("Boxing Day", "2026-12-26").date 2026-12-26 is a Saturday: list the substitute weekday instead (a weekend holiday changes nothing)',
      'holidays[4] ("2026-12-25").title must be the holiday\'s name',
      'holidays[5] ("2026-12-28").title must be the holiday\'s name',
      expect.stringMatching(/^holidays\[7\] \("Extra", "2026-12-29"\).*note/),
    ]);
  });

  it('refuses a date listed twice (checked once every entry is well formed)', () => {
    expect(
      problemsOf(() =>
        parseBankHolidays(file([{ date: '2026-11-30', title: "St Andrew's Day" }, { date: '2026-11-30', title: 'Again' }]), 'h.json'),
      ),
    ).toEqual(['holidays[1] ("Again", "2026-11-30") repeats the date of holidays[0]']);
  });

  it('needs a source and a list', () => {
    const problems = problemsOf(() => parseBankHolidays(JSON.stringify({ holidays: 'none' }), 'h.json'));
    expect(problems).toEqual([expect.stringMatching(/^source must say where/), expect.stringMatching(/^holidays must be a list/)]);
    expect(problemsOf(() => parseBankHolidays('[]', 'h.json'))[0]).toMatch(/^the file /);
  });
});

describe('BANK_HOLIDAYS_FILE', () => {
  it('resolves a path from the working directory, and must name a .json file', () => {
    expect(loadConfig({ BANK_HOLIDAYS_FILE: 'local/holidays.json' }).bankHolidaysFile).toBe(resolve('local/holidays.json'));
    expect(loadConfig({ BANK_HOLIDAYS_FILE: '/etc/dsg/holidays.json' }).bankHolidaysFile).toBe('/etc/dsg/holidays.json');
    expect(loadConfig({ BANK_HOLIDAYS_FILE: '  ' }).bankHolidaysFile).toBe(DEFAULT_BANK_HOLIDAYS_FILE);
    expect(() => loadConfig({ BANK_HOLIDAYS_FILE: 'holidays.txt' })).toThrow(/BANK_HOLIDAYS_FILE must be the path of a \.json file/);
  });
});
