import type { Measure } from '../../src/domain/measures';

/** Online take-up from 40% (April 2026) to 80% (March 2027), recorded quarterly; override what the test cares about. */
export const sampleMeasure = (overrides: Partial<Measure> = {}): Measure => ({
  id: 'measure-1',
  name: 'Online bookings',
  kind: 'digital-take-up',
  unit: '%',
  baseline: { value: 40, date: '2026-04-01' },
  target: { value: 80, date: '2027-03-31' },
  direction: 'higher',
  frequency: 'quarterly',
  figures: [],
  ...overrides,
});

/** The measure form's values for `sampleMeasure()`, as typed on the card. */
export const SAMPLE_MEASURE_VALUES = {
  measureName: 'Online bookings',
  measureKind: 'digital-take-up',
  measureUnit: '%',
  baselineValue: '40',
  baselineDate: '2026-04-01',
  targetValue: '80',
  targetDate: '2027-03-31',
  measureDirection: 'higher',
  measureFrequency: 'quarterly',
};
