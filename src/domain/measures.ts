/**
 * Outcome measures of a project: what the strategy asks the council to measure routinely (customers'
 * satisfaction, digital take-up, online transactions, staff time saved, cost per transaction), each with a
 * baseline, a target and the figures recorded per period.
 *
 * Periods follow the council's financial year (April to March):
 * - monthly: `2026-11` (November 2026);
 * - quarterly: `2026-Q3`, the third quarter of financial year 2026/27 (October to December 2026);
 * - yearly: `2026-27`, financial year 2026/27.
 *
 * On track, defined once (the project card, the Programme tab, the digest, the annual report and open data all
 * read it from `measureStatus`): the straight line from the baseline (its value on its date) to the target
 * (its value on its date) gives the value expected on any day, the target itself after the target date. A
 * measure is on track when its latest figure, taken at the end of its period, is at least as good as that
 * line in the measure's direction (higher or lower is better); off track when it is worse. A measure with
 * no figures yet is neither. Met: the latest figure reaches the target.
 */
import { addDays, daysBetween, isIsoDate } from './calendar';

export const MEASURE_KINDS = ['customer-satisfaction', 'digital-take-up', 'online-transactions', 'staff-time-saved', 'cost-per-transaction', 'other'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  'customer-satisfaction': 'Customer satisfaction',
  'digital-take-up': 'Digital take-up %',
  'online-transactions': 'Online transactions',
  'staff-time-saved': 'Staff time saved',
  'cost-per-transaction': 'Cost per transaction',
  other: 'Other',
};

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = { higher: 'Higher is better', lower: 'Lower is better' };

export const FREQUENCIES = ['monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<Frequency, string> = { monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly' };

export interface MeasureFigure {
  /** The period's key (see the top of this file). */
  period: string;
  value: number;
  recordedAt: string;
  recordedBy: string;
}

export interface Measure {
  id: string;
  name: string;
  kind: MeasureKind;
  unit: string;
  baseline: { value: number; date: string };
  target: { value: number; date: string };
  direction: Direction;
  frequency: Frequency;
  /** One per period, oldest first. */
  figures: MeasureFigure[];
}

export const MEASURE_NAME_MAX = 120;
export const MEASURE_UNIT_MAX = 30;
const VALUE_MAX = 1_000_000_000;

// --- Periods -------------------------------------------------------------------------------------------------

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = (month: number): string => MONTH_NAMES[month - 1].slice(0, 3);
const two = (n: number): string => String(n).padStart(2, '0');

/** The financial year (its first calendar year) and month (1 = April) of an ISO date. */
function financialMonth(isoDate: string): { fy: number; index: number } {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 4 ? { fy: year, index: month - 3 } : { fy: year - 1, index: month + 9 };
}

/** The key of the period of `frequency` that holds `isoDate`. */
export function periodOf(frequency: Frequency, isoDate: string): string {
  if (frequency === 'monthly') return isoDate.slice(0, 7);
  const { fy, index } = financialMonth(isoDate);
  if (frequency === 'quarterly') return `${fy}-Q${Math.ceil(index / 3)}`;
  return `${fy}-${two((fy + 1) % 100)}`;
}

const PATTERNS: Record<Frequency, RegExp> = { monthly: /^(\d{4})-(\d{2})$/, quarterly: /^(\d{4})-Q([1-4])$/, yearly: /^(\d{4})-(\d{2})$/ };

/** The first and last dates of a period; null if `key` is not a period of `frequency`. */
export function periodRange(frequency: Frequency, key: string): { first: string; last: string } | null {
  const m = PATTERNS[frequency].exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (year < 2000 || year > 2100) return null;
  const monthStart = (y: number, month: number): string => `${y}-${two(month)}-01`;
  const startOf = (fy: number, index: number): string => (index <= 9 ? monthStart(fy, index + 3) : monthStart(fy + 1, index - 9));
  let first: string;
  let next: string;
  if (frequency === 'monthly') {
    if (n < 1 || n > 12) return null;
    first = monthStart(year, n);
    next = n === 12 ? monthStart(year + 1, 1) : monthStart(year, n + 1);
  } else if (frequency === 'quarterly') {
    first = startOf(year, (n - 1) * 3 + 1);
    next = n === 4 ? startOf(year + 1, 1) : startOf(year, n * 3 + 1);
  } else {
    if (n !== (year + 1) % 100) return null;
    first = startOf(year, 1);
    next = startOf(year + 1, 1);
  }
  return { first, last: addDays(next, -1) };
}

/** The period before `key` (a valid key of `frequency`). */
export function previousPeriod(frequency: Frequency, key: string): string {
  const range = periodRange(frequency, key);
  if (!range) throw new RangeError(`not a ${frequency} period: ${key}`);
  return periodOf(frequency, addDays(range.first, -1));
}

/** The latest period that has ended before `today`: the one before today's. */
export const lastClosedPeriod = (frequency: Frequency, today: string): string => previousPeriod(frequency, periodOf(frequency, today));

/** A period as people read it: `Nov 2026`, `Q3 2026/27 (Oct–Dec 2026)`, `2026/27`. */
export function periodLabel(frequency: Frequency, key: string): string {
  const range = periodRange(frequency, key);
  if (!range) return key;
  const [fy, n] = key.split('-');
  if (frequency === 'monthly') return `${SHORT(Number(n))} ${fy}`;
  const year = `${fy}/${two((Number(fy) + 1) % 100)}`;
  if (frequency === 'yearly') return year;
  const month = (iso: string) => SHORT(Number(iso.slice(5, 7)));
  return `${n} ${year} (${month(range.first)}–${month(range.last)} ${range.last.slice(0, 4)})`;
}

/** The periods a figure may be recorded for, newest first: from the baseline's period to the last closed one (at most `limit`). */
export function recordablePeriods(measure: Pick<Measure, 'frequency' | 'baseline'>, today: string, limit = 12): string[] {
  const periods: string[] = [];
  const first = periodOf(measure.frequency, measure.baseline.date);
  let key = periodOf(measure.frequency, today);
  while (periods.length < limit && key >= first) {
    periods.push(key);
    key = previousPeriod(measure.frequency, key);
  }
  return periods;
}

// --- On track ------------------------------------------------------------------------------------------------

/** The value the straight line from baseline to target expects on `isoDate` (the baseline before it, the target after it). */
export function expectedOn(measure: Pick<Measure, 'baseline' | 'target'>, isoDate: string): number {
  const { baseline, target } = measure;
  if (isoDate <= baseline.date) return baseline.value;
  if (isoDate >= target.date) return target.value;
  const share = daysBetween(baseline.date, isoDate) / daysBetween(baseline.date, target.date);
  return baseline.value + (target.value - baseline.value) * share;
}

/** At least as good as `than`, in `direction`. */
const asGood = (direction: Direction, value: number, than: number): boolean => (direction === 'higher' ? value >= than : value <= than);

/** The definition in words, for wherever a status is shown with its meaning (the Programme tab). */
export const TRACK_DEFINITION =
  'On track: the latest figure, taken at the end of its period, is at least as good as the straight line from the baseline to the target expects on that date (the target itself after the target date). Off track: it is worse.';

export type TrackStatus = 'on-track' | 'off-track' | 'no-figures';
export const TRACK_LABELS: Record<TrackStatus, string> = { 'on-track': 'On track', 'off-track': 'Off track', 'no-figures': 'No figures yet' };

export interface MeasureStatus {
  status: TrackStatus;
  /** The latest figure, the date it is taken at (its period's end) and what the line expects then. */
  latest: { period: string; value: number; date: string; expected: number } | null;
  /** The latest figure reaches the target. */
  met: boolean;
}

/** The latest figure: the one of the latest period. */
const latestFigure = (measure: Pick<Measure, 'figures'>): MeasureFigure | null =>
  measure.figures.reduce<MeasureFigure | null>((latest, f) => (!latest || f.period > latest.period ? f : latest), null);

/** On track or off track, and met or not: the one definition (see the top of this file). */
export function measureStatus(measure: Omit<Measure, 'id' | 'name' | 'kind' | 'unit'>): MeasureStatus {
  const figure = latestFigure(measure);
  const range = figure && periodRange(measure.frequency, figure.period);
  if (!figure || !range) return { status: 'no-figures', latest: null, met: false };
  const expected = expectedOn(measure, range.last);
  return {
    status: asGood(measure.direction, figure.value, expected) ? 'on-track' : 'off-track',
    latest: { period: figure.period, value: figure.value, date: range.last, expected },
    met: asGood(measure.direction, figure.value, measure.target.value),
  };
}

/** Off track now, but not with only the figures recorded before `since` (an ISO instant): it went off track since then. */
export function wentOffTrackSince(measure: Omit<Measure, 'id' | 'name' | 'kind' | 'unit'>, since: string): MeasureStatus | null {
  const now = measureStatus(measure);
  if (now.status !== 'off-track') return null;
  const before = measureStatus({ ...measure, figures: measure.figures.filter((f) => f.recordedAt < since) });
  return before.status === 'off-track' ? null : now;
}

export interface TrendPoint {
  /** What the point is: `Baseline`, a period's label, or `Target`. */
  label: string;
  date: string;
  /** The figure (the baseline's value for the baseline); null for the target, which is not a figure. */
  actual: number | null;
  /** What the straight line from baseline to target expects on `date`. */
  expected: number;
}

/** A measure's trend for a chart and its table: the baseline, each figure at its period's end, then the target. */
export function trend(measure: Omit<Measure, 'id' | 'name' | 'kind' | 'unit'>): TrendPoint[] {
  const figures = [...measure.figures].sort((a, b) => a.period.localeCompare(b.period));
  return [
    { label: 'Baseline', date: measure.baseline.date, actual: measure.baseline.value, expected: measure.baseline.value },
    ...figures.flatMap((f) => {
      const range = periodRange(measure.frequency, f.period);
      return range ? [{ label: periodLabel(measure.frequency, f.period), date: range.last, actual: f.value, expected: expectedOn(measure, range.last) }] : [];
    }),
    { label: 'Target', date: measure.target.date, actual: null, expected: measure.target.value },
  ];
}

/** A number as measured: `72.5 %`, `1,250 transactions`, `£3.40` (a unit of `£` goes first). */
export function measureValue(value: number, unit: string): string {
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (unit === '£') return `£${number}`;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

// --- Validation ----------------------------------------------------------------------------------------------

/** The measure form's fields, as the card names them. */
export const MEASURE_FIELDS = ['measureName', 'measureKind', 'measureUnit', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'measureDirection', 'measureFrequency'] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];
export type MeasureValues = Partial<Record<MeasureField, string>>;
export type MeasureDetails = Omit<Measure, 'id' | 'figures'>;

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

function readNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[,£%\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) && Math.abs(n) <= VALUE_MAX ? n : null;
}

/** A measure from the form's values, or an error for each field that needs fixing. */
export function validateMeasure(values: MeasureValues): { ok: true; measure: MeasureDetails } | { ok: false; errors: Partial<Record<MeasureField, string>> } {
  const v = (f: MeasureField) => (values[f] ?? '').trim();
  const errors: Partial<Record<MeasureField, string>> = {};
  const name = v('measureName');
  if (!name) errors.measureName = 'Give the measure a name.';
  else if (name.length > MEASURE_NAME_MAX) errors.measureName = `Keep the name to ${MEASURE_NAME_MAX} characters or fewer.`;
  const kind = v('measureKind');
  if (!isOneOf(MEASURE_KINDS, kind)) errors.measureKind = 'Choose what kind of measure it is.';
  const unit = v('measureUnit');
  if (!unit) errors.measureUnit = 'Give the unit, like %, transactions, hours or £.';
  else if (unit.length > MEASURE_UNIT_MAX) errors.measureUnit = `Keep the unit to ${MEASURE_UNIT_MAX} characters or fewer.`;
  const direction = v('measureDirection');
  if (!isOneOf(DIRECTIONS, direction)) errors.measureDirection = 'Choose whether higher or lower is better.';
  const frequency = v('measureFrequency');
  if (!isOneOf(FREQUENCIES, frequency)) errors.measureFrequency = 'Choose how often it is recorded.';
  const baseline = readNumber(v('baselineValue'));
  if (baseline === null) errors.baselineValue = 'Enter the baseline as a number, like 42 or 3.5.';
  const target = readNumber(v('targetValue'));
  if (target === null) errors.targetValue = 'Enter the target as a number, like 80 or 2.75.';
  const percent = kind === 'digital-take-up' || unit === '%';
  if (percent && baseline !== null && (baseline < 0 || baseline > 100)) errors.baselineValue = 'A percentage is between 0 and 100.';
  if (percent && target !== null && (target < 0 || target > 100)) errors.targetValue = 'A percentage is between 0 and 100.';
  const baselineDate = v('baselineDate');
  if (!isIsoDate(baselineDate)) errors.baselineDate = 'Enter the date of the baseline, like 2026-04-01.';
  const targetDate = v('targetDate');
  if (!isIsoDate(targetDate)) errors.targetDate = 'Enter the date the target is for, like 2027-03-31.';
  else if (isIsoDate(baselineDate) && targetDate <= baselineDate) errors.targetDate = 'The target date must be after the baseline date.';
  if (!errors.targetValue && baseline !== null && target !== null && isOneOf(DIRECTIONS, direction) && !asGood(direction, target, baseline)) {
    errors.targetValue = direction === 'higher' ? 'Higher is better, so the target should be at or above the baseline.' : 'Lower is better, so the target should be at or below the baseline.';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    measure: {
      name,
      kind: kind as MeasureKind,
      unit,
      baseline: { value: baseline as number, date: baselineDate },
      target: { value: target as number, date: targetDate },
      direction: direction as Direction,
      frequency: frequency as Frequency,
    },
  };
}

/** The form's values for an existing measure (to edit it). */
export const measureValues = (m: MeasureDetails): MeasureValues => ({
  measureName: m.name,
  measureKind: m.kind,
  measureUnit: m.unit,
  baselineValue: String(m.baseline.value),
  baselineDate: m.baseline.date,
  targetValue: String(m.target.value),
  targetDate: m.target.date,
  measureDirection: m.direction,
  measureFrequency: m.frequency,
});

export type FigureField = 'figurePeriod' | 'figureValue';

/** A figure for a period: a number, for a period from the baseline's to today's (never a future one). */
export function validateFigure(
  measure: Pick<Measure, 'frequency' | 'baseline' | 'kind' | 'unit'>,
  values: Partial<Record<FigureField, string>>,
  today: string,
): { ok: true; period: string; value: number } | { ok: false; errors: Partial<Record<FigureField, string>> } {
  const errors: Partial<Record<FigureField, string>> = {};
  const period = (values.figurePeriod ?? '').trim();
  if (!periodRange(measure.frequency, period)) errors.figurePeriod = 'Choose the period the figure is for.';
  else if (period > periodOf(measure.frequency, today)) errors.figurePeriod = 'A figure cannot be for a period still to come.';
  else if (period < periodOf(measure.frequency, measure.baseline.date)) errors.figurePeriod = 'Choose a period from the baseline on.';
  const value = readNumber(values.figureValue ?? '');
  if (value === null) errors.figureValue = 'Enter the figure as a number, like 42 or 3.5.';
  else if ((measure.kind === 'digital-take-up' || measure.unit === '%') && (value < 0 || value > 100)) errors.figureValue = 'A percentage is between 0 and 100.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, period, value: value as number };
}

/** The figures with `figure` recorded: it replaces one for the same period (a correction), oldest first. */
export const withFigure = (figures: readonly MeasureFigure[], figure: MeasureFigure): MeasureFigure[] =>
  [...figures.filter((f) => f.period !== figure.period), figure].sort((a, b) => a.period.localeCompare(b.period));
