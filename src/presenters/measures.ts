import { ukDate } from '../domain/dates';
import {
  DIRECTION_LABELS,
  DIRECTIONS,
  FREQUENCIES,
  FREQUENCY_LABELS,
  type Measure,
  MEASURE_FIELDS,
  MEASURE_KIND_LABELS,
  MEASURE_KINDS,
  measureStatus,
  measureValue,
  periodLabel,
  recordablePeriods,
  TRACK_LABELS,
  trend,
} from '../domain/measures';
import { clip, escapeMarkdown } from './format';
import type { Choice, MeasureFormData, MeasureLine } from './types';

/** Which measure form the project card shows, if any: one at a time, under the Measures section. */
export type MeasureForm = { mode: 'add' } | { mode: 'edit' | 'record'; measureId: string };

const STATUS_COLOURS = { 'on-track': 'good', 'off-track': 'attention', 'no-figures': 'default' } as const;

/** Figures listed in a measure's facts (the latest ones); the chart draws them all. */
const FACT_FIGURES = 4;

/**
 * A measure as the project card shows it: on track or not (the domain's one definition), its trend as a line chart
 * (the figures, and the straight path from baseline to target), and the same numbers as facts.
 */
export function measureLine(measure: Measure, index: number, can: { edit: boolean; record: boolean }): MeasureLine {
  const status = measureStatus(measure);
  const points = trend(measure);
  // Facts render Markdown: the unit is typed text.
  const value = (n: number) => escapeMarkdown(measureValue(Math.round(n * 100) / 100, clip(measure.unit, 30)));
  const figures = points.filter((p) => p.label !== 'Baseline' && p.actual !== null);
  const latest = status.latest;
  return {
    id: measure.id,
    name: clip(measure.name, 120),
    kindLabel: `${MEASURE_KIND_LABELS[measure.kind]} · ${FREQUENCY_LABELS[measure.frequency].toLowerCase()} · ${DIRECTION_LABELS[measure.direction].toLowerCase()}`,
    status: TRACK_LABELS[status.status],
    statusColour: STATUS_COLOURS[status.status],
    chartId: `measure-chart-${index}`,
    chartTitle: `${clip(measure.name, 60)}: figures against the path to target`,
    unit: clip(measure.unit, 30),
    series: [
      { legend: 'Figures', values: points.filter((p) => p.actual !== null).map((p) => ({ x: p.date, y: p.actual as number })) },
      { legend: 'Path to target', values: [points[0], points[points.length - 1]].map((p) => ({ x: p.date, y: p.expected })) },
    ],
    facts: [
      { factTitle: 'Baseline', factValue: `${value(measure.baseline.value)} (${ukDate(measure.baseline.date)})` },
      ...figures.slice(-FACT_FIGURES).map((p) => ({ factTitle: p.label, factValue: value(p.actual as number) })),
      ...(latest ? [{ factTitle: 'Path expects', factValue: `${value(latest.expected)} by ${ukDate(latest.date)}` }] : []),
      { factTitle: 'Target', factValue: `${value(measure.target.value)} by ${ukDate(measure.target.date)}` },
    ],
    canEdit: can.edit,
    canRecord: can.record,
  };
}

const choices = <T extends string>(list: readonly T[], labels: Record<T, string>): Choice[] => list.map((v) => ({ title: labels[v], value: v }));

/** The open measure form: what it is for, and its choices. */
export function measureFormData(form: MeasureForm, measures: readonly Measure[], today: string): MeasureFormData | undefined {
  if (form.mode === 'add') return { mode: 'add', heading: 'Add a measure', verb: 'measure.add', measureId: '', isRecord: false, ...measureChoices };
  const measure = measures.find((m) => m.id === form.measureId);
  if (!measure) return undefined;
  if (form.mode === 'edit') return { mode: 'edit', heading: `Edit ${clip(measure.name, 80)}`, verb: 'measure.edit', measureId: measure.id, isRecord: false, ...measureChoices };
  return {
    mode: 'record',
    heading: `Record a figure: ${clip(measure.name, 80)} (${measure.unit})`,
    verb: 'measure.record',
    measureId: measure.id,
    isRecord: true,
    ...measureChoices,
    periods: recordablePeriods(measure, today).map((p) => ({ title: periodLabel(measure.frequency, p), value: p })),
  };
}

const measureChoices = {
  kinds: choices(MEASURE_KINDS, MEASURE_KIND_LABELS),
  directions: choices(DIRECTIONS, DIRECTION_LABELS),
  frequencies: choices(FREQUENCIES, FREQUENCY_LABELS),
  periods: [] as Choice[],
};

/** The measure form's inputs, as the card names them. */
export const MEASURE_FORM_FIELDS = [...MEASURE_FIELDS, 'figurePeriod', 'figureValue'] as const;
