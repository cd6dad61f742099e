/**
 * A project's risks and issues log in the Programme tab, in headless Chromium against the real bot holding the demo
 * programme: the public view does not show it (the project team's own words, owners' names) and says so; signed in
 * (the demo sign-in), the log as a table, open entries first, a high score and an overdue review marked in words,
 * with the way to add or change an entry in Teams (the tab only reads); typed text shown as text; a phone's width;
 * axe-core finds nothing serious. Screenshots go to test-artifacts/.
 */
import type { Browser } from 'playwright-core';
import type { ProjectDetailResponse, SessionInfo } from '../../src/domain/programme-view-types';
import { buildTab } from '../../src/build-tab';
import { seedDemo } from '../../src/demo/seed';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { startTestBot, TestDatabase, type TestBot } from '../e2e/support/test-bot';
import { axeViolations, launchChromium, screenshotPath, seriousOnes, type TabPage, tabPages, POLLING } from './support/browser';

jest.setTimeout(60_000);

const HOSTILE = '<img src=x onerror="window.__hacked=1">Supplier <b>late</b> & co';

let browser: Browser;
let db: TestDatabase;
let t: TestBot;
let tab: string;
let session: SessionInfo;
/** The demo project with the most risks and issues, as the chair signed in reads it. */
let logged: ProjectDetailResponse['project'];

beforeAll(async () => {
  browser = await launchChromium();
  await buildTab();
  db = await TestDatabase.create('sqlite');
  await db.read((store) => seedDemo(store, { now: () => new Date() }));
  t = await startTestBot(db);
  tab = `${t.bot.url}/tab`;
  session = (await (await fetch(`${t.bot.url}/api/session`)).json()) as SessionInfo;
  const references = await db.read(async (store) => (await store.projects.listWithRequests()).map((p) => p.project.reference));
  const details = await Promise.all(
    references.map(async (ref) => (await (await fetch(`${t.bot.url}/api/projects/${ref}`, { headers: { 'x-demo-user': MOCK_USERS.dsgChair.aadObjectId } })).json()) as ProjectDetailResponse),
  );
  logged = details.map((d) => d.project).sort((a, b) => (b.risks?.entries.length ?? 0) - (a.risks?.entries.length ?? 0))[0];
  expect(logged.risks?.entries.some((e) => e.high)).toBe(true);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await db?.dispose();
});

const { open } = tabPages(() => browser, () => tab);
const riskSection = (page: TabPage) => page.locator('section[aria-labelledby="risks"]');

/** Signs in as the DSG chair with the demo sign-in, and opens the project's page. */
async function asChair(page: TabPage, reference: string): Promise<void> {
  const chair = session.demoUsers?.find((u) => u.name === 'DSG Chair');
  if (!chair) throw new Error('the session offers no DSG Chair');
  await page.selectOption('#demo-user', chair.id);
  await page.waitForFunction(() => document.getElementById('viewer')?.textContent?.startsWith('Signed in as DSG Chair'), undefined, POLLING);
  await page.goto(`${tab}#/project/${reference}`);
  await page.waitForSelector('section[aria-labelledby="risks"] table');
}

describe('a project’s risks and issues in the tab', () => {
  it('is not shown in the public view, which says who sees it', async () => {
    const page = await open(`#/project/${logged.reference}`);
    await page.waitForSelector('section[aria-labelledby="risks"]');
    expect(await riskSection(page).innerText()).toMatch(/^Risks and issues\s+The risks and issues log is shown only to people who are signed in\.$/);
    for (const e of logged.risks!.entries) expect(await page.locator('#detail-view').innerText()).not.toContain(e.description);
  });

  it('signed in, lists every entry, open first and highest score first, high scores and overdue reviews marked in words, with the way to change them in Teams', async () => {
    const page = await open();
    await asChair(page, logged.reference);
    const section = riskSection(page);
    const entries = logged.risks!.entries;
    const text = await section.innerText();
    expect(text).toContain(logged.risks!.definition);
    expect(text).toContain(`send "project ${logged.reference}" to dsg-bot`);
    const open_ = entries.filter((e) => e.status === 'Open');
    expect(text).toContain(`${open_.length} open, ${open_.filter((e) => e.high).length} of them scoring 15 or more (on the DSG agenda); ${entries.length - open_.length} closed.`);
    const table = section.locator('table');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Entry', 'Score', 'Owner', 'Mitigation', 'Review', 'Status']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual(entries.map((e) => `${e.kind}: ${e.description}`));
    expect(rows.map((r) => r[5])).toEqual(entries.map((e) => e.status));
    // Open first, then highest score first: as the domain ordered them.
    const firstClosed = entries.findIndex((e) => e.status === 'Closed');
    if (firstClosed >= 0) expect(entries.slice(firstClosed).every((e) => e.status === 'Closed')).toBe(true);
    for (const [i, e] of entries.entries()) {
      expect(rows[i][1]).toContain(e.high ? `${e.score}, high` : String(e.score));
      expect(rows[i][2]).toBe(e.owner);
      if (e.reviewDue) expect(rows[i][4]).toMatch(/^Overdue was due /);
    }
    await page.screenshot({ path: screenshotPath('risks-signed-in'), fullPage: true });
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
  });

  it('shows typed text as text: a description cannot add markup', async () => {
    const page = await open();
    await page.route(`**/api/projects/${logged.reference}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as ProjectDetailResponse;
      if (body.project.risks) body.project.risks.entries[0] = { ...body.project.risks.entries[0], description: HOSTILE, mitigation: '<i>calls</i>', owner: '<b>Owner</b>' };
      await route.fulfill({ response, json: body });
    });
    await asChair(page, logged.reference);
    const text = await riskSection(page).innerText();
    expect(text).toContain(HOSTILE);
    expect(text).toContain('<i>calls</i>');
    expect(await page.locator('#detail-view img, #detail-view b, #detail-view i').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
  });

  it('fits a phone (360 px wide) without scrolling sideways, the table stacked', async () => {
    const page = await open('', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await asChair(page, logged.reference);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await riskSection(page).locator('tbody tr').first().evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await riskSection(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('risks-phone') });
  });
});
