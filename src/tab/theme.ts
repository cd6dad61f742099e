/**
 * The three Teams themes as `data-theme` on the page (the colours are CSS custom properties per theme).
 * Inside Teams the Teams theme decides; otherwise `?theme=default|dark|contrast` (the value Teams puts in
 * a tab's `{theme}` placeholder), otherwise the browser's own settings: forced colours or "more contrast"
 * select the high-contrast theme, then `prefers-color-scheme`.
 */

const THEMES = ['default', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

/** A Teams theme name as a page theme ("glass" and anything new fall back to default). */
export const asTheme = (name: string | null | undefined): Theme => (THEMES as readonly string[]).includes(name ?? '') ? (name as Theme) : 'default';

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}


const QUERIES = ['(forced-colors: active)', '(prefers-contrast: more)', '(prefers-color-scheme: dark)'].map((q) => window.matchMedia(q));

function browserTheme(): Theme {
  const [forced, more, dark] = QUERIES;
  if (forced.matches || more.matches) return 'contrast';
  return dark.matches ? 'dark' : 'default';
}

/**
 * The theme before Teams answers: the one asked for in the address (`?theme=`), or the browser's,
 * followed as it changes until `stop()` (when Teams takes over).
 */
export function startTheme(search: string): { stop(): void } {
  const asked = new URLSearchParams(search).get('theme');
  if (asked && (THEMES as readonly string[]).includes(asked)) {
    applyTheme(asked as Theme);
    return { stop: () => undefined };
  }
  const update = () => applyTheme(browserTheme());
  update();
  for (const q of QUERIES) q.addEventListener('change', update);
  return { stop: () => QUERIES.forEach((q) => q.removeEventListener('change', update)) };
}
