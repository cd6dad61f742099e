/**
 * Bar charts drawn as inline SVG. Bar lengths are percentages of the widest, so a chart stretches to any
 * width while its text keeps its size; every bar carries its label and value as text (nothing is told by
 * colour alone). The SVG is hidden from screen readers, which read the table that follows it instead.
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

function figure(id: string, title: string, ...children: Child[]): HTMLElement {
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
