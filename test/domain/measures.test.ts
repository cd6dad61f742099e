import fc from 'fast-check';
import { addDays } from '../../src/domain/calendar';
import {
  expectedOn,
  FREQUENCIES,
  lastClosedPeriod,
  measureStatus,
  measureValue,
  measureValues,
  periodLabel,
  periodOf,
  periodRange,
  previousPeriod,
  recordablePeriods,
  trend,
  validateFigure,
  validateMeasure,
  withFigure,
} from '../../src/domain/measures';
import { SAMPLE_MEASURE_VALUES, sampleMeasure } from '../support/sample-measure';

const figure = (period: string, value: number) => ({ period, value, recordedAt: '2026-12-01T09:00:00.000Z', recordedBy: 'Project Lead' });

const takeUp = sampleMeasure;

const anyDate = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('2002-01-01', n));

describe('periods follow the financial year (April to March)', () => {
  it.each([
    ['monthly', '2026-11-15', '2026-11', '2026-11-01', '2026-11-30', 'Nov 2026'],
    ['quarterly', '2026-04-01', '2026-Q1', '2026-04-01', '2026-06-30', 'Q1 2026/27 (Apr–Jun 2026)'],
    ['quarterly', '2026-11-15', '2026-Q3', '2026-10-01', '2026-12-31', 'Q3 2026/27 (Oct–Dec 2026)'],
    ['quarterly', '2027-02-28', '2026-Q4', '2027-01-01', '2027-03-31', 'Q4 2026/27 (Jan–Mar 2027)'],
    ['yearly', '2027-03-31', '2026-27', '2026-04-01', '2027-03-31', '2026/27'],
    ['yearly', '2026-04-01', '2026-27', '2026-04-01', '2027-03-31', '2026/27'],
  ] as const)('%s: %s is in %s (%s to %s), read as %s', (frequency, date, key, first, last, label) => {
    expect(periodOf(frequency, date)).toBe(key);
    expect(periodRange(frequency, key)).toEqual({ first, last });
    expect(periodLabel(frequency, key)).toBe(label);
  });

  it.each([
    ['monthly', '2026-13'],
    ['monthly', '2026-Q1'],
    ['quarterly', '2026-Q5'],
    ['yearly', '2026-28'],
    ['yearly', '2026/27'],
    ['monthly', 'soon'],
  ] as const)('%s refuses %s', (frequency, key) => expect(periodRange(frequency, key)).toBeNull());

  it('the period closed before today is the one before today’s', () => {
    expect(lastClosedPeriod('quarterly', '2027-01-04')).toBe('2026-Q3');
    expect(lastClosedPeriod('monthly', '2027-01-04')).toBe('2026-12');
    expect(lastClosedPeriod('yearly', '2027-04-01')).toBe('2026-27');
  });

  it('property: every date is inside its own period, and periods follow one another without gaps', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FREQUENCIES), anyDate, (frequency, date) => {
        const key = periodOf(frequency, date);
        const range = periodRange(frequency, key);
        expect(range).not.toBeNull();
        expect(date >= range!.first && date <= range!.last).toBe(true);
        expect(periodOf(frequency, range!.first)).toBe(key);
        expect(periodOf(frequency, range!.last)).toBe(key);
        const before = previousPeriod(frequency, key);
        expect(before < key).toBe(true);
        expect(addDays(periodRange(frequency, before)!.last, 1)).toBe(range!.first);
      }),
    );
  });

  it('figures may be recorded from the baseline’s period to today’s, newest first', () => {
    expect(recordablePeriods(takeUp(), '2026-11-20')).toEqual(['2026-Q3', '2026-Q2', '2026-Q1']);
    expect(recordablePeriods(takeUp({ frequency: 'monthly' }), '2027-06-01', 3)).toEqual(['2027-06', '2027-05', '2027-04']);
  });
});

describe('on track: the latest figure against the straight line from baseline to target', () => {
  it('expects the baseline before it, the target after it, and the straight line between', () => {
    const m = takeUp({ baseline: { value: 40, date: '2026-04-01' }, target: { value: 80, date: '2026-04-11' } });
    expect(expectedOn(m, '2026-03-01')).toBe(40);
    expect(expectedOn(m, '2026-04-06')).toBe(60);
    expect(expectedOn(m, '2027-01-01')).toBe(80);
  });

  it('takes a figure at the end of its period: 60% at the end of June is on track, 49% is off track', () => {
    // 30 June is 90 of 364 days along: 40 + 40 × 90/364 ≈ 49.9.
    expect(measureStatus(takeUp({ figures: [figure('2026-Q1', 60)] }))).toMatchObject({ status: 'on-track', met: false, latest: { period: '2026-Q1', value: 60, date: '2026-06-30' } });
    expect(measureStatus(takeUp({ figures: [figure('2026-Q1', 49)] })).status).toBe('off-track');
    expect(measureStatus(takeUp({ figures: [figure('2026-Q1', 60)] })).latest!.expected).toBeCloseTo(49.89, 2);
  });

  it('reads the latest period, whatever order the figures were recorded in', () => {
    const m = takeUp({ figures: [figure('2026-Q3', 45), figure('2026-Q1', 70)] });
    expect(measureStatus(m)).toMatchObject({ status: 'off-track', latest: { period: '2026-Q3', value: 45 } });
  });

  it('lower is better: a cost falling faster than the line is on track; reaching the target is met', () => {
    const cost = takeUp({ kind: 'cost-per-transaction', unit: '£', baseline: { value: 8, date: '2026-04-01' }, target: { value: 4, date: '2027-03-31' }, direction: 'lower' });
    expect(measureStatus({ ...cost, figures: [figure('2026-Q2', 5)] }).status).toBe('on-track');
    expect(measureStatus({ ...cost, figures: [figure('2026-Q2', 7.5)] }).status).toBe('off-track');
    expect(measureStatus({ ...cost, figures: [figure('2026-Q4', 3.9)] })).toMatchObject({ status: 'on-track', met: true });
  });

  it('a measure with no figures is neither on nor off track', () => {
    expect(measureStatus(takeUp())).toEqual({ status: 'no-figures', latest: null, met: false });
  });

  it('property: a better figure is never further off track', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('higher' as const, 'lower' as const),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom('2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1'),
        (direction, value, gap, better, period) => {
          const [baseline, target] = direction === 'higher' ? [value, value + gap] : [value + gap, value];
          const m = takeUp({ unit: 'visits', kind: 'other', direction, baseline: { value: baseline, date: '2026-04-01' }, target: { value: target, date: '2027-03-31' } });
          const x = value + gap / 2;
          const improved = direction === 'higher' ? x + better : x - better;
          if (measureStatus({ ...m, figures: [figure(period, x)] }).status === 'on-track') {
            expect(measureStatus({ ...m, figures: [figure(period, improved)] }).status).toBe('on-track');
          }
          const expected = expectedOn(m, '2026-10-01');
          expect(expected).toBeGreaterThanOrEqual(Math.min(baseline, target));
          expect(expected).toBeLessThanOrEqual(Math.max(baseline, target));
        },
      ),
    );
  });
});

describe('trend', () => {
  it('runs from the baseline through each figure, in period order, to the target, with the line beside each', () => {
    const points = trend(takeUp({ figures: [figure('2026-Q2', 58), figure('2026-Q1', 50)] }));
    expect(points.map((p) => [p.label, p.date, p.actual])).toEqual([
      ['Baseline', '2026-04-01', 40],
      ['Q1 2026/27 (Apr–Jun 2026)', '2026-06-30', 50],
      ['Q2 2026/27 (Jul–Sep 2026)', '2026-09-30', 58],
      ['Target', '2027-03-31', null],
    ]);
    expect(points[0].expected).toBe(40);
    expect(points[3].expected).toBe(80);
  });

  it('reads values with their unit', () => {
    expect(measureValue(72.5, '%')).toBe('72.5%');
    expect(measureValue(3.4, '£')).toBe('£3.4');
    expect(measureValue(1250, 'transactions')).toBe('1,250 transactions');
  });
});

describe('validating a measure', () => {
  const good = SAMPLE_MEASURE_VALUES;

  it('accepts a complete measure, and gives back the same values to edit it', () => {
    const result = validateMeasure(good);
    expect(result.ok).toBe(true);
    if (result.ok) expect(measureValues(result.measure)).toEqual(good);
  });

  it('gives an error for each field that needs fixing', () => {
    const result = validateMeasure({ measureKind: 'happiness', baselineValue: 'lots', baselineDate: '2026-04-01', targetDate: '2026-03-01' });
    expect(result).toEqual({
      ok: false,
      errors: {
        measureName: 'Give the measure a name.',
        measureKind: 'Choose what kind of measure it is.',
        measureUnit: 'Give the unit, like %, transactions, hours or £.',
        measureDirection: 'Choose whether higher or lower is better.',
        measureFrequency: 'Choose how often it is recorded.',
        baselineValue: 'Enter the baseline as a number, like 42 or 3.5.',
        targetValue: 'Enter the target as a number, like 80 or 2.75.',
        targetDate: 'The target date must be after the baseline date.',
      },
    });
  });

  it('refuses a target on the wrong side of the baseline, and a percentage over 100', () => {
    expect(validateMeasure({ ...good, targetValue: '30' })).toEqual({ ok: false, errors: { targetValue: 'Higher is better, so the target should be at or above the baseline.' } });
    expect(validateMeasure({ ...good, targetValue: '120' })).toEqual({ ok: false, errors: { targetValue: 'A percentage is between 0 and 100.' } });
    expect(validateMeasure({ ...good, measureDirection: 'lower' })).toEqual({ ok: false, errors: { targetValue: 'Lower is better, so the target should be at or below the baseline.' } });
  });

  it('reads numbers as people type them', () => {
    const result = validateMeasure({ ...good, measureKind: 'cost-per-transaction', measureUnit: '£', baselineValue: '£1,250.50', targetValue: '900', measureDirection: 'lower' });
    expect(result.ok && result.measure.baseline.value).toBe(1250.5);
  });
});

describe('validating a figure', () => {
  it('accepts a number for a period from the baseline’s to today’s', () => {
    expect(validateFigure(takeUp(), { figurePeriod: '2026-Q2', figureValue: '55.5' }, '2026-11-20')).toEqual({ ok: true, period: '2026-Q2', value: 55.5 });
  });

  it.each([
    [{ figurePeriod: '2027-Q1', figureValue: '50' }, { figurePeriod: 'A figure cannot be for a period still to come.' }],
    [{ figurePeriod: '2025-Q4', figureValue: '50' }, { figurePeriod: 'Choose a period from the baseline on.' }],
    [{ figurePeriod: '2026-11', figureValue: 'fifty' }, { figurePeriod: 'Choose the period the figure is for.', figureValue: 'Enter the figure as a number, like 42 or 3.5.' }],
    [{ figurePeriod: '2026-Q1', figureValue: '101' }, { figureValue: 'A percentage is between 0 and 100.' }],
  ])('refuses %j', (values, errors) => expect(validateFigure(takeUp(), values, '2026-11-20')).toEqual({ ok: false, errors }));

  it('a second figure for a period replaces the first (a correction)', () => {
    expect(withFigure([figure('2026-Q2', 50), figure('2026-Q1', 45)], figure('2026-Q2', 52)).map((f) => [f.period, f.value])).toEqual([
      ['2026-Q1', 45],
      ['2026-Q2', 52],
    ]);
  });
});
