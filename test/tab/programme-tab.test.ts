/**
 * The Programme tab in headless Chromium against the real bot (HTTP server, API, storage) holding the
 * demo programme: the list, filters, search, a project with its overdue milestones, 360 px, keyboard-only
 * use, and axe-core in the default, dark and high-contrast themes. Screenshots go to test-artifacts/.
 */
import type { Browser } from 'playwright-core';
import type { ProgrammeItem, ProgrammeResponse, SessionInfo } from '../../src/domain/programme-view-types';
import { buildTab } from '../../src/build-tab';
import { seedDemo } from '../../src/demo/seed';
import { openStore } from '../../src/storage/open-store';
import { startTestBot, TestDatabase, type TestBot } from '../e2e/support/test-bot';
import { axeViolations, focusableControls, launchChromium, offlinePage, screenshotPath, seriousOnes, tabThrough, type TabPage, tabPages, POLLING } from './support/browser';

jest.setTimeout(60_000);

let browser: Browser;
let db: TestDatabase;
let t: TestBot;
let tab: string;
let programme: ProgrammeResponse;
let session: SessionInfo;

beforeAll(async () => {
  browser = await launchChromium();
  await buildTab();
  db = await TestDatabase.create('sqlite');
  const store = await openStore({ sqlitePath: db.env.SQLITE_PATH });
  try {
    await seedDemo(store, { now: () => new Date() });
  } finally {
    await store.close();
  }
  t = await startTestBot(db);
  tab = `${t.bot.url}/tab`;
  programme = (await (await fetch(`${t.bot.url}/api/programme`)).json()) as ProgrammeResponse;
  session = (await (await fetch(`${t.bot.url}/api/session`)).json()) as SessionInfo;
  expect(programme.projects.length).toBeGreaterThan(10);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await db?.dispose();
});

const { open, track } = tabPages(() => browser, () => tab);

const countText = (shown: number) => `Showing ${shown} of ${programme.projects.length} projects`;

async function listShows(page: TabPage, expected: ProgrammeItem[]): Promise<void> {
  const wanted = countText(expected.length);
  await page.waitForFunction((text) => document.getElementById('result-count')?.textContent === text, wanted, POLLING).catch(async (error: Error) => {
    // Say what the page showed instead (an error state, another count, or nothing yet), and its script errors.
    // With no #main, the page is not the tab at all: show the start of what was loaded instead.
    const shown = await page
      .evaluate(() => document.getElementById('main')?.innerText.slice(0, 600) ?? `(no #main; the document: ${document.documentElement.outerHTML.slice(0, 400)})`)
      .catch(() => '(the page is gone)');
    throw new Error(`${error.message}\nwaiting for "${wanted}" at ${page.url()}; the page showed:\n${shown}\nscript errors: ${JSON.stringify(page.errors)}`);
  });
  const shown = await page.$$eval('#results a[data-ref]', (links) => links.map((a) => (a as HTMLElement).dataset.ref));
  expect([...shown].sort()).toEqual(expected.map((p) => p.reference).sort());
}

const withOverdue = (): ProgrammeItem => {
  const found = programme.projects.find((p) => p.overdueMilestones > 0);
  if (!found) throw new Error('the demo programme has no project with an overdue milestone');
  return found;
};

describe('the list', () => {
  it('loads every project of the programme, with counts and charts that have text equivalents', async () => {
    const page = await open();
    await listShows(page, programme.projects);
    expect(await page.locator('h1').textContent()).toBe('Digital Programme');
    expect(await page.locator('.tiles dd').first().textContent()).toBe(String(programme.projects.length));
    const charts = page.locator('section.chart');
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await expect(charts.nth(i).locator('svg[aria-hidden="true"]').count()).resolves.toBe(1);
      await expect(charts.nth(i).locator('table tbody tr').count()).resolves.toBeGreaterThan(0);
    }
    const strandTable = await charts.nth(0).locator('table').innerText();
    const strands = new Set(programme.projects.map((p) => p.strand));
    for (const strand of strands) {
      const n = programme.projects.filter((p) => p.strand === strand).length;
      expect(strandTable).toMatch(new RegExp(`${strand}\\s+${n}`));
    }
    // The savings as the domain defines them (the API's figures), each with its definition beside it.
    const savings = await page.locator('#savings').innerText();
    const { planned, realised } = programme.figures;
    expect(savings).toContain(`${planned.label}\n£${planned.value.toLocaleString('en-GB')} a year · ${planned.definition}`);
    expect(savings).toContain(`${realised.label}\n£${realised.value.toLocaleString('en-GB')} · ${realised.definition}`);
    await page.screenshot({ path: screenshotPath('list-default'), fullPage: true });
  });

  it('narrows with each filter, keeps them in the address, and clears them', async () => {
    const page = await open();
    await listShows(page, programme.projects);
    const strand = mostCommon(programme.projects.map((p) => p.strandId));
    await page.selectOption('#f-strand', strand);
    const byStrand = programme.projects.filter((p) => p.strandId === strand);
    expect(byStrand.length).toBeLessThan(programme.projects.length);
    await listShows(page, byStrand);
    expect(page.url()).toContain(`strand=${strand}`);

    await page.selectOption('#f-missing', 'yes');
    const missing = byStrand.filter((p) => p.missing.length > 0);
    await listShows(page, missing);

    await page.selectOption('#f-missing', '');
    const status = mostCommon(byStrand.map((p) => p.statusId));
    await page.selectOption('#f-status', status);
    const byStatus = byStrand.filter((p) => p.statusId === status);
    await listShows(page, byStatus);

    // The address holds the filters: a reload (or a shared link) shows the same list.
    await page.reload();
    await listShows(page, byStatus);
    expect(await page.inputValue('#f-strand')).toBe(strand);
    expect(await page.inputValue('#f-status')).toBe(status);

    for (const [select, value, keep] of [
      ['#f-priority', 'high', (p: ProgrammeItem) => p.priorityId === 'high'],
      ['#f-principle', programme.projects[0].principleIds[0], (p: ProgrammeItem) => p.principleIds.includes(programme.projects[0].principleIds[0])],
    ] as const) {
      await page.click('text=Clear filters');
      await listShows(page, programme.projects);
      await page.selectOption(select, value);
      await listShows(page, programme.projects.filter(keep));
    }
    await page.click('text=Clear filters');
    await listShows(page, programme.projects);
    expect(new URL(page.url()).hash).toBe('#/');
  });

  it('narrows with the search on reference and title, and says so in plain words when nothing matches', async () => {
    const page = await open();
    await listShows(page, programme.projects);
    const one = programme.projects[3];
    await page.fill('#f-q', one.reference.toLowerCase());
    await listShows(page, [one]);
    const word = one.title.split(/\s+/).find((w) => w.length > 4) ?? one.title;
    await page.fill('#f-q', word.toUpperCase());
    await listShows(page, programme.projects.filter((p) => `${p.reference} ${p.title}`.toLowerCase().includes(word.toLowerCase())));
    await page.fill('#f-q', 'zzz no such project');
    await listShows(page, []);
    expect(await page.locator('#results').innerText()).toMatch(/No project matches these filters/);
  });

  it('says in plain words when the programme cannot be loaded, and tries again', async () => {
    const page = await offlinePage(browser);
    track(page);
    await page.route('**/api/programme', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'The database is not answering.' }) }));
    await page.goto(tab);
    await page.waitForSelector('text=The Digital Programme could not be loaded.');
    expect(await page.locator('#list-view').innerText()).toContain('The database is not answering.');
    await page.unroute('**/api/programme');
    await page.click('text=Try again');
    await listShows(page, programme.projects);
  });
});

describe('a project', () => {
  it('opens from the list with its milestones, overdue ones marked in words and colour; Back keeps the filters', async () => {
    const project = withOverdue();
    const page = await open();
    await listShows(page, programme.projects);
    await page.selectOption('#f-strand', project.strandId);
    const inStrand = programme.projects.filter((p) => p.strandId === project.strandId);
    await listShows(page, inStrand);
    await page.click(`a[data-ref="${project.reference}"]`);
    await page.waitForSelector(`h1:has-text("${project.reference}")`);
    expect(new URL(page.url()).hash).toBe(`#/project/${project.reference}`);
    expect(await page.locator('#detail-view h1').innerText()).toContain(project.title);

    const overdue = page.locator('.timeline li.overdue');
    expect(await overdue.count()).toBe(project.overdueMilestones);
    for (let i = 0; i < project.overdueMilestones; i++) expect(await overdue.nth(i).innerText()).toMatch(/Overdue/);
    const others = page.locator('.timeline li:not(.overdue)');
    if ((await others.count()) > 0) {
      const colour = (l: typeof overdue) => l.first().locator('.when').evaluate((el) => getComputedStyle(el).color);
      expect(await colour(overdue)).not.toBe(await colour(others));
      expect(await others.first().innerText()).not.toMatch(/Overdue/);
    }
    for (const heading of ['Summary', 'Owners', 'Stage and gates', 'Business case', 'Plan, resourcing and data protection', 'Benefits', 'Milestones', 'History']) {
      await expect(page.locator('h2', { hasText: heading }).count()).resolves.toBe(1);
    }
    await page.screenshot({ path: screenshotPath('project-default'), fullPage: true });

    await page.goBack();
    await listShows(page, inStrand);
    expect(await page.inputValue('#f-strand')).toBe(project.strandId);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ref)).toBe(project.reference);
  });

  it('shows each project in delivery with its health in words and a sign, a red one with each aspect on its page, a stale one grey', async () => {
    const red = programme.projects.find((p) => p.health?.shown === 'red');
    const stale = programme.projects.find((p) => p.health?.shown === 'grey');
    if (!red || !stale) throw new Error('the demo programme has no red or no stale project');
    const page = await open();
    await listShows(page, programme.projects);
    const cardOf = (reference: string) => page.locator('#results li.card', { has: page.locator(`a[data-ref="${reference}"]`) });
    expect(await cardOf(red.reference).locator('.health-red').innerText()).toBe('Red');
    expect(await cardOf(stale.reference).locator('.health-grey').innerText()).toMatch(/^Not updated since \d{1,2} \w{3} \d{4}$/);
    const approved = programme.projects.find((p) => p.statusId === 'approved')!;
    expect(await cardOf(approved.reference).locator('[class*="health-"]').count()).toBe(0);

    await page.click(`a[data-ref="${red.reference}"]`);
    await page.waitForSelector(`h1:has-text("${red.reference}")`);
    const section = page.locator('section[aria-labelledby="health"]');
    expect(await section.locator('.health-red').innerText()).toBe('Red');
    const rows = await section.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(expect.arrayContaining([expect.stringMatching(/^Overall Red$/), expect.stringMatching(/^Time Red$/)]));
    // The public view: no reasons, no names.
    expect(await section.innerText()).not.toMatch(/supplier|Project Lead \(/i);
    expect(await section.locator('.hint').innerText()).toMatch(/every month; one not updated within that and 5 more working days shows grey/);
  });

  it("shows each project's stage in the list, and its stage and gate outcomes on its page", async () => {
    const page = await open('');
    await listShows(page, programme.projects);
    const gated = programme.projects.find((p) => p.stage === 'Beta')!;
    expect(await page.locator('li.card', { has: page.locator(`a[data-ref="${gated.reference}"]`) }).innerText()).toMatch(/Stage\s+Beta/);
    await page.goto(`${tab}#/project/${gated.reference}`);
    const section = page.locator('section', { has: page.locator('h2', { hasText: 'Stage and gates' }) });
    await section.waitFor();
    const text = await section.innerText();
    expect(text).toMatch(/Stage\s+Beta, since /);
    expect(text).toMatch(/Discovery → Alpha: Pass on /);
    expect(text).toMatch(/Alpha → Beta: Pass/);
    // Open data's fields: no one who asked or decided, even for the signed-in view.
    expect(text).not.toMatch(/DSG Chair|Project Lead/);
  });

  it('opens straight from a link, and explains an unknown or malformed reference', async () => {
    const project = withOverdue();
    const page = await open(`#/project/${project.reference}`);
    await page.waitForSelector(`h1:has-text("${project.title}")`);
    await page.goto(`${tab}#/project/DP-2099-9999`);
    await page.waitForSelector('h1:has-text("DP-2099-9999 not found")');
    await page.goto(`${tab}#/project/hello`);
    await page.waitForSelector('h1:has-text("Not a project reference")');
    expect(await page.locator('main').innerText()).toMatch(/References look like DP-2026-0007/);
    await page.click('text=Back to the programme');
    await listShows(page, programme.projects);
  });
});

describe('on a phone (360 px wide)', () => {
  it('shows the list and a project without scrolling sideways', async () => {
    const page = await open('', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await listShows(page, programme.projects);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBe(0);
    await page.screenshot({ path: screenshotPath('list-360'), fullPage: true });
    await page.goto(`${tab}#/project/${withOverdue().reference}`);
    await page.waitForSelector('.timeline');
    expect(await sideways()).toBe(0);
    await page.screenshot({ path: screenshotPath('project-360'), fullPage: true });
  });
});

describe('layout (issue 11)', () => {
  it('never breaks a reference across lines at 375 px, even before a long first word', async () => {
    const project = withOverdue();
    const page = await open('', { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    // The worst case: a title whose first word cannot share the reference's line.
    await page.route(`**/api/projects/${project.reference}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { project: { title: string } };
      body.project.title = `Supercalifragilisticexpialidocious ${body.project.title}`;
      await route.fulfill({ response, json: body });
    });
    await listShows(page, programme.projects);
    const lines = (selector: string) => page.$$eval(selector, (els) => els.map((el) => [el.textContent, new Set(Array.from(el.getClientRects()).map((r) => Math.round(r.top))).size]));
    for (const [ref, count] of await lines('#results .ref')) expect([ref, count]).toEqual([ref, 1]);
    await page.goto(`${tab}#/project/${project.reference}`);
    await page.waitForSelector('h1:has-text("Supercalifragilisticexpialidocious")');
    expect(await lines('#detail-view h1 .ref')).toEqual([[project.reference, 1]]);
    await page.screenshot({ path: screenshotPath('project-375-heading') });
  });

  it('shows every filter, its label on one line and each choice in full, at 1280 px', async () => {
    const page = await open();
    await listShows(page, programme.projects);
    const problems = await page.$$eval('.filter-grid select', (selects) => {
      const canvas = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      return selects.flatMap((el) => {
        const select = el as HTMLSelectElement;
        const style = getComputedStyle(select);
        canvas.font = style.font;
        // The text box: the select's inside less its padding and the drop-down arrow (about 20 px).
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        const label = document.querySelector(`label[for="${select.id}"]`) as HTMLElement;
        const labelLines = label.getClientRects().length === 1 && label.getBoundingClientRect().height < parseFloat(getComputedStyle(label).lineHeight) * 1.5;
        return [
          ...(labelLines ? [] : [`${select.id}: the label "${label.textContent}" wraps`]),
          ...Array.from(select.options)
            .filter((o) => canvas.measureText(o.text).width > room)
            .map((o) => `${select.id}: "${o.text}" is cut off (${Math.round(canvas.measureText(o.text).width)} px in ${Math.round(room)} px)`),
        ];
      });
    });
    expect(problems).toEqual([]);
    await page.selectOption('#f-missing', 'yes');
    await page.locator('.filters').screenshot({ path: screenshotPath('filters-1280') });
  });

  it('on a phone, folds the filters away so the projects start on the first screen, and opens them on request', async () => {
    const page = await open('', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await listShows(page, programme.projects);
    const toggle = page.locator('#filters-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.innerText()).toBe('Show filters');
    expect(await page.locator('#f-strand').isVisible()).toBe(false);
    const firstProject = await page.locator('#results a[data-ref]').first().boundingBox();
    expect(firstProject && firstProject.y + firstProject.height).toBeLessThan(740);
    await page.screenshot({ path: screenshotPath('list-360-filters-folded') });

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.innerText()).toBe('Hide filters');
    const strand = programme.projects[0].strandId;
    await page.selectOption('#f-strand', strand);
    await listShows(page, programme.projects.filter((p) => p.strandId === strand));
    await page.screenshot({ path: screenshotPath('list-360-filters-open') });
    await toggle.click();
    expect(await page.locator('#f-strand').isVisible()).toBe(false);
    expect(await toggle.innerText()).toBe('Show filters (1 in use)');

    // On a wide screen the filters are always shown, and there is nothing to fold.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.locator('#f-strand').isVisible()).toBe(true);
    expect(await toggle.isVisible()).toBe(false);
  });
});

describe('with the keyboard only', () => {

  it('reaches every control in order with a visible focus indicator, and opens a project and comes back', async () => {
    const page = await open();
    await listShows(page, programme.projects);
    const reached = await tabThrough(page);
    expect(reached.map((r) => r.key)).toEqual(await focusableControls(page));
    expect(reached.map((r) => r.key)).toEqual(expect.arrayContaining(['INPUT:f-q', 'SELECT:f-strand', 'SELECT:f-missing', 'BUTTON:Clear filters', `A:${programme.projects[0].reference}`]));
    for (const r of reached) {
      expect(r.outline).toMatch(/^solid [3-9]/);
      expect(r.height).toBeGreaterThanOrEqual(24);
      expect(r.width).toBeGreaterThanOrEqual(24);
    }

    // Tab to a project's link and press Enter: the project opens with focus on its heading; the way back
    // is the link just before it.
    const target = programme.projects[1];
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ref)) === target.reference) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector(`h1:has-text("${target.reference}")`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Back to the programme/);
    await page.keyboard.press('Enter');
    await listShows(page, programme.projects);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ref)).toBe(target.reference);
  });

  it('skips to the content from the first Tab', async () => {
    const page = await open();
    await listShows(page, programme.projects);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('');
  });
});

describe('accessibility (axe-core) in every theme', () => {
  const THEMES = [
    { name: 'default', path: '', options: { colorScheme: 'light' as const } },
    { name: 'dark', path: '', options: { colorScheme: 'dark' as const } },
    // What Teams puts in the tab's {theme} placeholder when its high-contrast theme is on.
    { name: 'contrast', path: '?theme=contrast', options: { colorScheme: 'light' as const } },
  ];

  it.each(THEMES)('$name theme: no serious or critical violation on the list or a project page', async ({ name, path, options }) => {
    const page = await open(path, options);
    await listShows(page, programme.projects);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(name);
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath(`axe-list-${name}`) });

    await page.goto(`${tab}${path}#/project/${withOverdue().reference}`);
    await page.waitForSelector('.timeline li.overdue');
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath(`axe-project-${name}`), fullPage: true });
  });

  it('a browser in forced-colours mode gets the high-contrast theme', async () => {
    const page = await open('', { forcedColors: 'active' });
    await listShows(page, programme.projects);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast');
  });
});

describe('demo sign-in (local mode)', () => {
  it('is clearly marked, offers the mock users, and shows names once signed in', async () => {
    expect(session.mode).toBe('local-demo');
    const user = session.demoUsers?.[0];
    if (!user) throw new Error('the session offers no demo users');
    const page = await open();
    await listShows(page, programme.projects);
    expect(await page.locator('.demo-signin legend').innerText()).toBe('Demo sign-in (local mode only)');
    expect(await page.locator('#viewer').innerText()).toMatch(/Public view/);
    const offered = await page.$$eval('#demo-user option', (options) => options.map((o) => o.textContent));
    expect(offered).toEqual(['Nobody (public view)', ...(session.demoUsers ?? []).map((u) => u.name)]);

    await page.selectOption('#demo-user', user.id);
    await page.waitForFunction((name) => document.getElementById('viewer')?.textContent?.startsWith(`Signed in as ${name}`), user.name, POLLING);
    // The chair's role in plain words; "Colleague", which everyone is, is not said.
    const chair = session.demoUsers?.find((u) => u.name === 'DSG Chair');
    if (!chair) throw new Error('the session offers no DSG Chair');
    await page.selectOption('#demo-user', chair.id);
    await page.waitForFunction(() => document.getElementById('viewer')?.textContent?.startsWith('Signed in as DSG Chair'), undefined, POLLING);
    expect(await page.locator('#viewer').innerText()).toBe('Signed in as DSG Chair · DSG chair');
    await page.goto(`${tab}#/project/${withOverdue().reference}`);
    await page.waitForSelector('#owners');
    expect(await page.locator('section[aria-labelledby="owners"]').innerText()).toMatch(/Digital Leader[\s\S]*Project Lead[\s\S]*Project Manager/);

    await page.selectOption('#demo-user', '');
    await page.waitForFunction(() => document.getElementById('viewer')?.textContent?.startsWith('Public view'), undefined, POLLING);
  });
});

describe('with Teams SSO configured', () => {
  it('a plain browser (outside Teams) gets the public view, told where names are shown, with no demo sign-in', async () => {
    const appId = '5b3a2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d';
    const sso = await startTestBot(db, { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-here', PUBLIC_URL: 'https://dsg-bot.council.example', SSO_APP_ID: appId, SSO_JWKS_URL: 'https://127.0.0.1:9/keys' });
    try {
      const page = await offlinePage(browser);
      track(page);
      await page.goto(`${sso.bot.url}/tab`);
      await listShows(page, programme.projects);
      expect(await page.locator('#viewer').innerText()).toBe('Public view: open the tab in Teams to see names.');
      expect(await page.locator('.demo-signin').count()).toBe(0);
      expect(await page.locator('#notice').innerText()).toBe('');
    } finally {
      await sso.stop();
    }
  });
});

function mostCommon<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
