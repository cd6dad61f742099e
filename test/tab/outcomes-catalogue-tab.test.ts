/**
 * The Programme tab's parts of issue 15 in headless Chromium against the real bot holding the demo programme and
 * catalogue: on a project's page each outcome measure as an SVG line (an image with a title and a description)
 * with a table of the same numbers, on track or off track as the API says; the Catalogue page, searched by words
 * and filtered by strand in the address, contracts ended or ending marked in words, a retired entry marked and
 * last, no one's name; hostile text shown as text; a phone's width; the keyboard; axe-core in the three Teams
 * themes. Screenshots go to test-artifacts/.
 */
import type { Browser } from 'playwright-core';
import type { CatalogueResponse, MeasureView, ProgrammeResponse, ProjectDetailResponse } from '../../src/domain/programme-view-types';
import { buildTab } from '../../src/build-tab';
import { addDays, londonDate } from '../../src/domain/calendar';
import { ukDate } from '../../src/domain/dates';
import { measureValue } from '../../src/domain/measures';
import { seedDemo } from '../../src/demo/seed';
import { DEMO_PEOPLE } from '../../src/demo/people';
import { sampleSolution } from '../support/sample-solution';
import { startTestBot, TestDatabase, type TestBot } from '../e2e/support/test-bot';
import { axeViolations, focusableControls, launchChromium, screenshotPath, seriousOnes, tabThrough, type TabPage, tabPages, POLLING } from './support/browser';

jest.setTimeout(60_000);

const today = londonDate(new Date());
const HOSTILE = '<img src=x onerror="window.__hacked=1">Hall <b>booking</b> & co';
const RETIRED = 'Old room booking spreadsheet';

let browser: Browser;
let db: TestDatabase;
let t: TestBot;
let tab: string;
let catalogue: CatalogueResponse;
/** The demo project with the most measures, and its detail as the API gives it. */
let measured: ProjectDetailResponse['project'];

beforeAll(async () => {
  browser = await launchChromium();
  await buildTab();
  db = await TestDatabase.create('sqlite');
  await db.read(async (store) => {
    await seedDemo(store, { now: () => new Date() });
    await store.solutions.insert(sampleSolution({ id: 'retired', name: RETIRED, retired: true, contractEnds: addDays(today, -400) }));
    await store.solutions.insert(sampleSolution({ id: 'hostile', name: HOSTILE, whatItDoes: `${HOSTILE} does things`, owningService: '<script>window.__hacked=2</script>', link: 'javascript:window.__hacked=3', contractEnds: null }));
  });
  t = await startTestBot(db);
  tab = `${t.bot.url}/tab`;
  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${t.bot.url}${path}`)).json()) as T;
  catalogue = await get<CatalogueResponse>('/api/catalogue');
  const programme = await get<ProgrammeResponse>('/api/programme');
  const details = await Promise.all(programme.projects.map((p) => get<ProjectDetailResponse>(`/api/projects/${p.reference}`)));
  measured = details.map((d) => d.project).sort((a, b) => b.measures.length - a.measures.length)[0];
  expect(measured.measures.map((m) => m.track)).toEqual(expect.arrayContaining(['on-track', 'off-track']));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await db?.dispose();
});

const { open } = tabPages(() => browser, () => tab);

/** Waits for the project's measures to be drawn. */
async function measuresShown(page: TabPage): Promise<void> {
  await page.waitForSelector('section[aria-labelledby="measures"] svg[role="img"]');
}

const measureSection = (page: TabPage, index: number) => page.locator(`section.chart[aria-labelledby="measure-${index}"]`);
const valueOf = (m: MeasureView) => (n: number) => measureValue(n, m.unit);

describe('a project’s outcome measures', () => {
  it('shows each measure as an SVG line with a title and a description, and a table of the same numbers', async () => {
    const page = await open(`#/project/${measured.reference}`);
    await measuresShown(page);
    for (const [i, m] of measured.measures.entries()) {
      const section = measureSection(page, i);
      const value = valueOf(m);
      expect(await section.locator('h3').innerText()).toBe(m.name);
      expect(await section.locator('dl.facts').innerText()).toContain(`Kind\n${m.kind}\nUnit\n${m.unit}\nRead as\n${m.direction}, recorded ${m.frequency.toLowerCase()}`);
      // The status in words, as the API worked it out from the domain's one definition.
      expect(await section.locator('.measure-status strong').innerText()).toBe(m.status);
      if (m.latest) expect(await section.locator('.measure-status').innerText()).toContain(`Latest figure ${value(m.latest.value)} for ${m.latest.label}`);

      // The SVG is an image named by its title and described by its description.
      const svg = section.locator('svg[role="img"]');
      const [titleId, descId] = [await svg.getAttribute('aria-labelledby'), await svg.getAttribute('aria-describedby')];
      expect(await svg.locator(`title#${titleId}`).textContent()).toBe(`${m.name}: figures against the straight path from baseline to target`);
      const desc = (await svg.locator(`desc#${descId}`).textContent()) ?? '';
      expect(desc).toMatch(new RegExp(`^${m.status}\\.`));
      expect(desc).toContain(`target ${value(m.target.value)} by ${ukDate(m.target.date)}`);

      // One dot a figure (the baseline's too), placed higher the larger the figure; the path dashed; the target a diamond.
      const actual = m.trend.filter((p) => p.actual !== null);
      const dots = await svg.locator('circle.chart-dot').evaluateAll((els) => els.map((el) => Number(el.getAttribute('cy'))));
      expect(dots).toHaveLength(actual.length);
      for (let k = 1; k < actual.length; k++) expect(Math.sign(dots[k - 1] - dots[k])).toBe(Math.sign((actual[k].actual as number) - (actual[k - 1].actual as number)));
      expect(await svg.locator('line.chart-path').count()).toBeGreaterThan(0);
      expect(await svg.locator('.chart-target path').count()).toBe(1);

      // The table: a row for the baseline, each figure and the target, with the same numbers.
      const table = section.locator('table');
      expect(await table.locator('thead th').allInnerTexts()).toEqual(['Point', 'Date', 'Figure', 'Path expects']);
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
      expect(rows).toEqual(m.trend.map((p) => [p.label, ukDate(p.date), p.actual === null ? 'None (the target)' : value(p.actual), value(p.expected)]));
    }
    await page.screenshot({ path: screenshotPath('measures-default'), fullPage: true });
  });

  it('marks off track and on track in words and a sign, not by colour alone', async () => {
    const page = await open(`#/project/${measured.reference}`);
    await measuresShown(page);
    const marker = async (track: string) => {
      const i = measured.measures.findIndex((m) => m.track === track);
      const strong = measureSection(page, i).locator('.measure-status strong');
      return { text: await strong.innerText(), sign: await strong.evaluate((el) => getComputedStyle(el, '::before').content), colour: await strong.evaluate((el) => getComputedStyle(el).color) };
    };
    const off = await marker('off-track');
    const on = await marker('on-track');
    expect([off.text, off.sign]).toEqual(['Off track', '"⚠ "']);
    expect([on.text, on.sign]).toEqual(['On track', '"✓ "']);
    expect(off.colour).not.toBe(on.colour);
  });

  it('draws every mark in the system’s text colour when the browser forces colours', async () => {
    const page = await open(`#/project/${measured.reference}`, { forcedColors: 'active' });
    await measuresShown(page);
    const svg = measureSection(page, 0).locator('svg[role="img"]');
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    const paint = (selector: string, property: 'stroke' | 'fill') => svg.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
    expect(await paint('line.chart-actual', 'stroke')).toBe(text);
    expect(await paint('line.chart-path', 'stroke')).toBe(text);
    expect(await paint('circle.chart-dot', 'fill')).toBe(text);
    expect(await paint('.chart-target path', 'fill')).toBe(text);
    expect(await paint('text.chart-axis', 'fill')).toBe(text);
    expect(await paint('line.chart-path', 'stroke-dasharray' as 'stroke')).not.toBe('none');
    await measureSection(page, 0).screenshot({ path: screenshotPath('measure-forced-colours') });
  });

  it('shows typed text as text: a measure’s name and unit cannot add markup', async () => {
    const page = await open('');
    await page.route(`**/api/projects/${measured.reference}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as ProjectDetailResponse;
      body.project.measures[0].name = HOSTILE;
      body.project.measures[0].unit = '<i>units</i>';
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${tab}#/project/${measured.reference}`);
    await measuresShown(page);
    const section = measureSection(page, 0);
    expect(await section.locator('h3').innerText()).toBe(HOSTILE);
    expect(await section.locator('svg title').textContent()).toContain(HOSTILE);
    expect(await section.locator('table').innerText()).toContain('<i>units</i>');
    expect(await page.locator('#detail-view img, #detail-view b, #detail-view i').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
  });

  it('fits a phone (360 px wide) without scrolling sideways, the table stacked', async () => {
    const page = await open(`#/project/${measured.reference}`, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await measuresShown(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The chart is as wide as its panel, and its text keeps its size.
    const section = measureSection(page, 0);
    const [svgWidth, panelWidth] = [await section.locator('svg[role="img"]').evaluate((el) => el.getBoundingClientRect().width), await section.evaluate((el) => el.clientWidth)];
    expect(svgWidth).toBeGreaterThan(panelWidth * 0.8);
    expect(await section.locator('svg[role="img"] text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);
    expect(await section.locator('tbody tr').first().evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await section.locator('svg[role="img"]').scrollIntoViewIfNeeded();
    await section.screenshot({ path: screenshotPath('measures-phone') });
  });
});

describe('the Catalogue page', () => {
  const inUse = () => catalogue.entries.filter((e) => !e.retired);
  const ended = () => catalogue.entries.find((e) => e.contract === 'ended' && !e.retired);
  const ending = () => catalogue.entries.find((e) => e.contract === 'ending');
  const NAMED = Object.values(DEMO_PEOPLE).map((p) => p.name);

  async function catalogueShows(page: TabPage, names: string[]): Promise<void> {
    const text = `Showing ${names.length} of ${catalogue.entries.length} entries`;
    await page.waitForFunction(([t, n]) => document.getElementById('catalogue-count')?.textContent === t && document.querySelectorAll('#catalogue-results .catalogue-entry').length === n, [text, names.length] as const, POLLING);
    const shown = await page.locator('#catalogue-results .catalogue-entry h3').allInnerTexts();
    expect([...shown].sort()).toEqual([...names].sort());
  }

  it('opens from the page navigation with the keyboard, its heading focused, and lists every entry', async () => {
    const page = await open('');
    await page.waitForSelector('#results a[data-ref]');
    await page.focus('#pages a[data-view="catalogue"]');
    await page.keyboard.press('Enter');
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
    expect(new URL(page.url()).hash).toBe('#/catalogue');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Re-use catalogue');
    expect(await page.title()).toBe('Re-use catalogue – Digital Programme');
    expect(await page.getAttribute('#pages a[data-view="catalogue"]', 'aria-current')).toBe('page');
    expect(await page.locator('#breadcrumb li').allInnerTexts()).toEqual(['Digital Programme', 'Re-use catalogue']);
    expect(catalogue.entries.length).toBeGreaterThanOrEqual(17);
  });

  it('shows each entry in full: what it does, the owning service, strands, partners, the contract and a link', async () => {
    const page = await open('#/catalogue');
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
    const entry = inUse().find((e) => e.sharedWithPartners && e.contract === 'running' && e.link);
    if (!entry) throw new Error('the demo has no running, shared entry with a link');
    const card = page.locator('.catalogue-entry', { has: page.locator(`h3:text-is("${entry.name}")`) });
    const text = await card.innerText();
    expect(text).toContain(entry.whatItDoes);
    expect(text).toMatch(new RegExp(`Owning service\\s+${entry.owningService}`));
    expect(text).toMatch(new RegExp(`Strands\\s+${entry.strands.join(', ')}`));
    expect(text).toContain(`Shared with\n${entry.sharedWith}`);
    expect(text).toContain(`Contract runs to ${ukDate(entry.contractEnds!)}`);
    expect(await card.locator('a').getAttribute('href')).toBe(entry.link);
    expect(await card.locator('a').innerText()).toContain(`More about ${entry.name}`);
    // No one's name anywhere: an entry is owned by a service.
    const all = await page.locator('#catalogue-view').innerText();
    for (const name of NAMED) expect(all).not.toContain(name);
    await page.screenshot({ path: screenshotPath('catalogue-default'), fullPage: true });
  });

  it('marks a contract that has ended or ends within 6 months in words, and a retired entry, listed last', async () => {
    const page = await open('#/catalogue');
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
    const cardOf = (name: string) => page.locator('.catalogue-entry', { has: page.locator(`h3:text-is("${name}")`) });
    const [gone, soon] = [ended(), ending()];
    if (!gone?.contractEnds || !soon?.contractEnds) throw new Error('the demo has no contract ended and ending');
    expect(await cardOf(gone.name).locator('.marker-warning').innerText()).toBe(`Contract ended ${ukDate(gone.contractEnds)}`);
    expect(await cardOf(soon.name).locator('.marker-warning').innerText()).toBe(`Contract ends within 6 months: ${ukDate(soon.contractEnds)}`);
    expect(await page.locator('.catalogue-entry .marker-warning').count()).toBe(catalogue.entries.filter((e) => e.contract === 'ended' || e.contract === 'ending').length);
    const names = await page.locator('#catalogue-results .catalogue-entry h3').allInnerTexts();
    expect(names[names.length - 1]).toBe(RETIRED);
    expect(await cardOf(RETIRED).innerText()).toContain('Retired: no longer offered for re-use');
  });

  it('searches by words and filters by strand, keeps both in the address, and clears them', async () => {
    const page = await open('#/catalogue');
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
    const has = (e: (typeof catalogue.entries)[number], word: string) => [e.name, e.whatItDoes, e.owningService, ...e.keywords].join(' ').toLowerCase().includes(word);
    await page.fill('#c-q', 'BOOKING');
    const booking = catalogue.entries.filter((e) => has(e, 'booking'));
    expect(booking.length).toBeGreaterThan(1);
    await catalogueShows(page, booking.map((e) => e.name));
    await page.selectOption('#c-strand', 'estates');
    const inEstates = booking.filter((e) => e.strandIds.includes('estates'));
    expect(inEstates.length).toBeLessThan(booking.length);
    await catalogueShows(page, inEstates.map((e) => e.name));
    expect(new URL(page.url()).hash).toBe('#/catalogue?strand=estates&q=BOOKING');

    await page.reload();
    await catalogueShows(page, inEstates.map((e) => e.name));
    expect(await page.inputValue('#c-q')).toBe('BOOKING');
    expect(await page.inputValue('#c-strand')).toBe('estates');

    await page.fill('#c-q', 'zzz nothing like it');
    await catalogueShows(page, []);
    expect(await page.locator('#catalogue-results').innerText()).toMatch(/No entry matches/);
    await page.click('#catalogue-view >> text=Clear filters');
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
    expect(new URL(page.url()).hash).toBe('#/catalogue');
  });

  it('shows typed text as text: markup in an entry adds nothing, and a javascript: link is not a link', async () => {
    const page = await open('#/catalogue');
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
    const card = page.locator('.catalogue-entry', { has: page.locator(`h3:text-is(${JSON.stringify(HOSTILE)})`) });
    expect(await card.innerText()).toContain('<script>window.__hacked=2</script>');
    expect(await card.locator('a').count()).toBe(0);
    expect(await page.locator('#catalogue-view img, #catalogue-view b, #catalogue-view script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
  });

  it('reaches every control in order with the keyboard, each with a visible focus indicator', async () => {
    const page = await open('#/catalogue');
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
    await page.click('.app-name');
    const reached = await tabThrough(page);
    const [skip, ...controls] = await focusableControls(page);
    expect(skip).toBe('A:Skip to content');
    expect(reached.map((r) => r.key)).toEqual(controls);
    expect(controls).toEqual(expect.arrayContaining(['INPUT:c-q', 'SELECT:c-strand', 'BUTTON:Clear filters']));
    for (const r of reached) {
      expect(r.outline).toMatch(/^solid [3-9]/);
      expect(r.height).toBeGreaterThanOrEqual(24);
      expect(r.width).toBeGreaterThanOrEqual(24);
    }
  });

  it('says in plain words when the catalogue cannot be loaded, and tries again', async () => {
    const page = await open('');
    await page.waitForSelector('#results a[data-ref]');
    await page.route('**/api/catalogue', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'The database is not answering.' }) }));
    await page.click('#pages a[data-view="catalogue"]');
    await page.waitForSelector('text=The re-use catalogue could not be loaded.');
    expect(await page.locator('#catalogue-view').innerText()).toContain('The database is not answering.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Re-use catalogue');
    await page.unroute('**/api/catalogue');
    await page.click('#catalogue-view >> text=Try again');
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
  });

  it('fits a phone (360 px wide) without scrolling sideways', async () => {
    const page = await open('#/catalogue', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await catalogueShows(page, catalogue.entries.map((e) => e.name));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath('catalogue-phone') });
  });
});

describe.each([
  { name: 'default', query: '', options: { colorScheme: 'light' as const } },
  { name: 'dark', query: '', options: { colorScheme: 'dark' as const } },
  { name: 'contrast', query: '?theme=contrast', options: { colorScheme: 'light' as const } },
])('$name theme', ({ name, query, options }) => {
  it('no serious or critical accessibility violation on a project’s measures or the catalogue', async () => {
    const page = await open(`${query}#/project/${measured.reference}`, options);
    await measuresShown(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(name);
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await measureSection(page, 0).screenshot({ path: screenshotPath(`axe-measure-${name}`) });
    await page.goto(`${tab}${query}#/catalogue`);
    await page.waitForSelector('#catalogue-results .catalogue-entry');
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath(`axe-catalogue-${name}`) });
  });
});
