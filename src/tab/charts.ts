/**
 * Charts drawn as inline SVG. Lengths along the chart are percentages, so a chart stretches to any width while
 * its text keeps its size. Bar charts: every bar carries its label and value as text (nothing is told by colour
 * alone); the SVG is hidden from screen readers, which read the table that follows it instead. Line charts: the
 * SVG is an image with a title and a description, and the caller puts a table of the same numbers beside it.
 */
import { type Child, h, s } from './dom';
import type { Bar, BenefitRow } from './figures';

const LINE = 18;
const BAR = 12;

const percent = (value: number, max: number): string => `${max > 0 ? Math.max((value / max) * 100, value > 0 ? 0.75 : 0) : 0}%`;

/** One labelled bar: its text line, then the track and the bar below it. Returns the height used. */
function drawBar(y: number, text: string, value: number, max: number, kind: 'bar' | 'planned' | 'realised'): { parts: SVGElement[]; height: number } {
  const parts: SVGElement[] = [
    s('text', { x: 0, y: y + 14, class: kind === 'bar' ? 'chart-label' : 'chart-value' }, text),
    s('rect', { x: 0, y: y + LINE + 2, width: '100%', height: BAR, class: 'chart-track' }),
  ];
  if (value > 0) parts.push(s('rect', { x: 0, y: y + LINE + 2, width: percent(value, max), height: BAR, class: `chart-bar chart-${kind}` }));
  return { parts, height: LINE + BAR + 14 };
}

const chartSvg = (height: number, ...children: Child[]): SVGSVGElement =>
  s('svg', { width: '100%', height, 'aria-hidden': 'true', focusable: 'false', class: 'chart-svg' }, children);

/** The stripes that tell a realised bar from a planned one without colour (`.chart-realised` fills with it). */
const hatch = (): SVGElement =>
  s('defs', {}, s('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, s('rect', { width: 3, height: 6, class: 'chart-hatch' })));

/** The chart's figures as a table for screen readers (in a clipped box: a table itself cannot be clipped to nothing). */
function table(caption: string, headings: string[], rows: string[][]): HTMLElement {
  const head = h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col' }, text))));
  const body = h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map((cell) => h('td', {}, cell)))));
  return h('div', { class: 'visually-hidden' }, h('table', {}, h('caption', {}, caption), head, body));
}

/** A chart's section: its heading, then what it holds. */
export function figure(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'chart', 'aria-labelledby': id }, h('h3', { id }, title), children);
}

/** A horizontal bar chart of counts, with its table (and what is counted, when given). */
export function countChart(id: string, title: string, what: string, bars: Bar[], definition?: string): HTMLElement {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const parts: SVGElement[] = [];
  let y = 0;
  for (const bar of bars) {
    const drawn = drawBar(y, `${bar.label}: ${bar.value}`, bar.value, max, 'bar');
    parts.push(...drawn.parts);
    y += drawn.height;
  }
  return figure(id, title, chartSvg(y, parts), table(title, [what, 'Projects'], bars.map((b) => [b.label, String(b.value)])), definition && h('p', { class: 'hint' }, definition));
}

/** Planned annual saving against the saving realised this financial year, strand by strand, with its table. */
export function benefitsChart(id: string, title: string, rows: BenefitRow[], money: (n: number) => string): HTMLElement {
  if (rows.length === 0) return figure(id, title, h('p', {}, 'None of the projects shown has a planned or realised cash saving.'));
  const max = Math.max(0, ...rows.flatMap((r) => [r.planned, r.realised]));
  const parts: SVGElement[] = [];
  let y = 0;
  for (const row of rows) {
    parts.push(s('text', { x: 0, y: y + 14, class: 'chart-label' }, row.label));
    y += LINE + 2;
    for (const [kind, word, value] of [['planned', 'Planned', row.planned], ['realised', 'Realised', row.realised]] as const) {
      const drawn = drawBar(y, `${word} ${money(value)}`, value, max, kind);
      parts.push(...drawn.parts);
      y += drawn.height - 4;
    }
    y += 10;
  }
  return figure(
    id,
    title,
    chartSvg(y, hatch(), parts),
    table(title, ['Strand', 'Planned annual saving', 'Realised this year'], rows.map((r) => [r.label, money(r.planned), money(r.realised)])),
  );
}

export interface LinePoint {
  /** A `yyyy-mm-dd` date. */
  date: string;
  value: number;
}

export interface LineChart {
  /** Unique on the page: the title and description are named by it. */
  id: string;
  /** Said first by a screen reader, as the image's name. */
  title: string;
  /** What the chart shows, in a sentence or two, for those who cannot see it. */
  description: string;
  /** The figures, drawn as a solid line with a dot at each. */
  actual: LinePoint[];
  /** The path they are measured against, drawn dashed. */
  path: LinePoint[];
  /** The target, drawn as a diamond. */
  target: LinePoint;
  /** How a value reads (`72.5%`); a date reads as `ukDate`. */
  format: (value: number) => string;
  date: (isoDate: string) => string;
}

const LINE_HEIGHT = 200;
const TOP = 16;
const BOTTOM = 28;
/** Room at each side, in per cent, so the first and last dots sit inside the chart. */
const INSET = 3;

const dayOf = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
const tidy = (n: number): number => Number(n.toPrecision(12));

/** Round values for the gridlines, from at or below `min` to at or above `max`: about four steps of 1, 2, 2.5 or 5 × 10ⁿ. */
export function gridValues(min: number, max: number): number[] {
  const [lo, hi] = min === max ? [min - Math.max(Math.abs(min) * 0.1, 1), max + Math.max(Math.abs(max) * 0.1, 1)] : [min, max];
  const rough = (hi - lo) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((st) => st >= rough) ?? 10 * magnitude;
  const first = Math.floor(tidy(lo / step)) * step;
  const values: number[] = [];
  for (let v = first; values.length === 0 || values[values.length - 1] < hi; v += step) values.push(tidy(v));
  return values;
}

/**
 * A line chart over time: the figures as a solid line with dots, the path as a dashed line, the target as a
 * diamond, with gridlines labelled by value and the first and last dates below. An image to screen readers,
 * named by its title and described by its description.
 */
export function lineChart(chart: LineChart): SVGSVGElement {
  const all = [...chart.actual, ...chart.path, chart.target];
  const grid = gridValues(Math.min(...all.map((p) => p.value)), Math.max(...all.map((p) => p.value)));
  const [low, high] = [grid[0], grid[grid.length - 1]];
  const days = all.map((p) => dayOf(p.date));
  const [first, last] = [Math.min(...days), Math.max(...days)];
  const plot = LINE_HEIGHT - TOP - BOTTOM;
  const x = (date: string): string => `${INSET + ((100 - 2 * INSET) * (dayOf(date) - first)) / Math.max(last - first, 1)}%`;
  const y = (value: number): number => TOP + (plot * (high - value)) / (high - low);
  const segments = (points: LinePoint[], kind: string): SVGElement[] =>
    points.slice(1).map((p, i) => s('line', { x1: x(points[i].date), y1: y(points[i].value), x2: x(p.date), y2: y(p.value), class: `chart-line ${kind}` }));
  const byDate = (points: LinePoint[]) => [...points].sort((a, b) => a.date.localeCompare(b.date));
  const firstDate = all.find((p) => dayOf(p.date) === first)?.date ?? chart.target.date;
  const lastDate = all.find((p) => dayOf(p.date) === last)?.date ?? chart.target.date;
  return s(
    'svg',
    { width: '100%', height: LINE_HEIGHT, role: 'img', 'aria-labelledby': `${chart.id}-title`, 'aria-describedby': `${chart.id}-desc`, class: 'chart-svg line-chart' },
    s('title', { id: `${chart.id}-title` }, chart.title),
    s('desc', { id: `${chart.id}-desc` }, chart.description),
    grid.map((v) => [
      s('line', { x1: 0, x2: '100%', y1: y(v), y2: y(v), class: 'chart-grid' }),
      s('text', { x: 0, y: y(v) - 4, class: 'chart-axis' }, chart.format(v)),
    ]),
    segments(byDate(chart.path), 'chart-path'),
    segments(byDate(chart.actual), 'chart-actual'),
    chart.actual.map((p) => s('circle', { cx: x(p.date), cy: y(p.value), r: 4, class: 'chart-dot' })),
    // A diamond centred on the target: drawn about its own origin, placed by a nested SVG (a path cannot take percentages).
    s('svg', { x: x(chart.target.date), y: y(chart.target.value), overflow: 'visible', class: 'chart-target' }, s('path', { d: 'M0 -7 L7 0 L0 7 L-7 0 Z' })),
    s('text', { x: 0, y: LINE_HEIGHT - 6, class: 'chart-axis' }, chart.date(firstDate)),
    s('text', { x: '100%', y: LINE_HEIGHT - 6, 'text-anchor': 'end', class: 'chart-axis' }, chart.date(lastDate)),
  );
}

/** The line chart's key: each mark drawn small, with what it is in words. */
export function lineLegend(actual: string, path: string, target: string): HTMLElement {
  const swatch = (...marks: Child[]) => s('svg', { width: 28, height: 14, 'aria-hidden': 'true', focusable: 'false', class: 'chart-svg' }, marks);
  return h(
    'ul',
    { class: 'chart-legend' },
    h('li', {}, swatch(s('line', { x1: 0, y1: 7, x2: 28, y2: 7, class: 'chart-line chart-actual' }), s('circle', { cx: 14, cy: 7, r: 4, class: 'chart-dot' })), actual),
    h('li', {}, swatch(s('line', { x1: 0, y1: 7, x2: 28, y2: 7, class: 'chart-line chart-path' })), path),
    h('li', {}, swatch(s('path', { d: 'M14 0 L21 7 L14 14 L7 7 Z', class: 'chart-target' })), target),
  );
}
