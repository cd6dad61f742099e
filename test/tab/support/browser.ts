/**
 * Headless Chromium (the Debian package) driven by playwright-core, with the flags that work on these
 * machines, and axe-core run inside the page. A missing Chromium fails the tests with how to install it.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Screenshots for people to look at (gitignored). */
const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}, and the Programme tab's browser tests need it. Install it with:\n  apt-get update && apt-get install -y chromium\n(or set CHROMIUM_PATH to another Chromium).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * A page that cannot reach the internet: @microsoft/teams-js asks Microsoft's CDN for its origin list at
 * load (and falls back to its own); the tests answer for the network so they never depend on it.
 */
export async function offlinePage(browser: Browser, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page & { errors: string[] }> {
  const page = (await browser.newPage(options)) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('internetdisconnected'));
  return page;
}

export type TabPage = Awaited<ReturnType<typeof offlinePage>>;

/**
 * For every `waitForFunction`: poll on a timer. Playwright's default polls on requestAnimationFrame, which a busy
 * machine (two jest workers, Chromium, the bot) can starve for longer than the wait's timeout while the page is
 * fine: the signature of the tab tests' rare CI timeouts.
 */
export const POLLING = { polling: 100 } as const;

/**
 * The pages a suite opens on the tab at `tab()`: `open(path)` (1280 × 900 unless `options` say otherwise), or
 * `track(page)` for one opened by hand. After each test, no page may have had a script error; all are closed.
 */
export function tabPages(browser: () => Browser, tab: () => string, defaultPath = '') {
  const pages: TabPage[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) {
      expect(page.errors).toEqual([]);
      await page.close();
    }
  });
  const track = (page: TabPage): TabPage => {
    pages.push(page);
    return page;
  };
  const open = async (path = defaultPath, options: Parameters<typeof offlinePage>[1] = {}): Promise<TabPage> => {
    const page = track(await offlinePage(browser(), { viewport: { width: 1280, height: 900 }, ...options }));
    await page.goto(`${tab()}${path}`);
    return page;
  };
  return { open, track };
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, `tab-${name}.png`);
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.x A/AA rules (and best practices) over the whole page, as it is now. The page keeps
 * its own CSP: axe is evaluated through the DevTools protocol, not added as a script tag.
 */
export async function axeViolations(page: Page): Promise<Result[]> {
  await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  )) as AxeResults;
  return results.violations;
}

/** The serious and critical violations, one readable line per failing element. */
export const seriousOnes = (violations: Result[]): string[] =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`));

/** Presses Tab until focus comes round again; returns a description of each control focused, in order. */
export async function tabThrough(page: Page): Promise<{ key: string; outline: string; width: number; height: number }[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: { key: string; outline: string; width: number; height: number }[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return { key: el.dataset.ref ?? el.id ?? '', tag: el.tagName, text: el.textContent?.trim().slice(0, 40) ?? '', outline: `${style.outlineStyle} ${style.outlineWidth}`, width: rect.width, height: rect.height };
    });
    if (!now) {
      if (seen.length) break;
      continue;
    }
    const key = `${now.tag}:${now.key || now.text}`;
    if (seen.some((s) => s.key === key)) break;
    seen.push({ key, outline: now.outline, width: now.width, height: now.height });
  }
  return seen;
}

/** Every control a keyboard user should reach on the page as it is now, in document order, keyed as `tabThrough` keys them. */
export const focusableControls = (page: Page): Promise<string[]> =>
  page.$$eval('a[href], button, input, select, [tabindex]:not([tabindex="-1"])', (els) =>
    els
      .filter((el) => !(el as HTMLElement).closest('[hidden]') && !el.closest('.visually-hidden') && el.getClientRects().length > 0)
      .map((el) => `${el.tagName}:${(el as HTMLElement).dataset.ref ?? (el.id || el.textContent?.trim().slice(0, 40))}`),
  );
