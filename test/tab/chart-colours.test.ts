/**
 * The Programme tab's chart colours, read from styles.css for each theme, against the WCAG 2.2 contrast
 * ratio: every bar at least 3:1 against its track and the panel (non-text contrast, 1.4.11), and the two
 * series drawn side by side, planned and realised savings, at least 3:1 against each other; a line chart's
 * figures (accent), path (muted) and target (text) at least 3:1 against the panel.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const CSS = readFileSync(path.resolve(__dirname, '../../src/tab/styles.css'), 'utf8');

/** The custom properties set by each theme's rule (`:root[data-theme='dark'] { --x: #123456; }`). */
function themes(): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  for (const m of CSS.matchAll(/:root\[data-theme='(\w+)'\]\s*\{([^}]*)\}/g)) {
    found.set(m[1], Object.fromEntries([...m[2].matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((p) => [p[1], p[2]])));
  }
  return found;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('WCAG contrast', () => {
  it('computes the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe.each(['default', 'dark', 'contrast'])('chart colours, %s theme', (name) => {
  const colours = themes().get(name) as Record<string, string>;

  it('sets every colour a chart uses', () => {
    for (const key of ['surface', 'track', 'accent', 'planned', 'realised', 'muted', 'text']) expect(colours[key]).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it.each([
    ['planned', 'realised'],
    ['planned', 'track'],
    ['realised', 'track'],
    ['planned', 'surface'],
    ['realised', 'surface'],
    ['accent', 'track'],
    ['accent', 'surface'],
    ['muted', 'surface'],
    ['text', 'surface'],
  ])('%s against %s: at least 3:1', (a, b) => {
    expect(contrast(colours[a], colours[b])).toBeGreaterThanOrEqual(3);
  });
});
