/**
 * A project's risks and issues log in the Programme tab, in headless Chromium against the real bot holding the demo
 * programme: the public view does not show it (the project team's own words, owners' names) and says so; signed in
 * (the demo sign-in), the log as a table, open entries first, a high score and an overdue review marked in words,
 * with the way to add or change an entry in Teams too; typed text shown as text; a phone's width; axe-core finds
 * nothing serious. Screenshots go to test-artifacts/.
 *
 * Then the form: a Project Lead adds a risk with a likelihood of 7, is shown the problem under that input (focus on
 * it, tied to it by aria-describedby), everything typed kept; fixes it, and the log read again shows the risk, what
 * was saved said in a live region; then edits it, and an edit from a form opened before someone else's change is
 * refused saying what changed, the entry shown as it now is. A colleague who may not change the log sees no form and
 * no Edit. The form fits a phone, and axe-core finds nothing serious in the three Teams themes.
 */
import type { Browser } from 'playwright-core';
import type { ProjectDetailResponse, SessionInfo } from '../../src/domain/programme-view-types';
import { buildTab } from '../../src/build-tab';
import { addDays } from '../../src/domain/calendar';
import { seedDemo } from '../../src/demo/seed';
import { MOCK_USERS } from '../../src/playground/mock-tenant';
import { startTestBot, TestDatabase, type TestBot } from '../e2e/support/test-bot';
import { axeViolations, launchChromium, screenshotPath, seriousOnes, type TabPage, tabPages, POLLING } from './support/browser';

jest.setTimeout(60_000);

const DESCRIPTION = 'The booking supplier may not deliver the payments module before the halls reopen';
const MITIGATION = 'Weekly calls with the supplier';
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

/** Signs in as `name` with the demo sign-in, and opens the project's page (the address's query, such as a theme, kept). */
async function signedIn(page: TabPage, name: string, reference: string): Promise<void> {
  const user = session.demoUsers?.find((u) => u.name === name);
  if (!user) throw new Error(`the session offers no ${name}`);
  await page.selectOption('#demo-user', user.id);
  await page.waitForFunction((who) => document.getElementById('viewer')?.textContent?.startsWith(`Signed in as ${who}`), name, POLLING);
  await page.goto(`${page.url().split('#')[0]}#/project/${reference}`);
  await page.waitForSelector('section[aria-labelledby="risks"] table');
}
const asChair = (page: TabPage, reference: string) => signedIn(page, 'DSG Chair', reference);

describe('a project’s risks and issues in the tab', () => {
  it('is not shown in the public view, which says who sees it', async () => {
    const page = await open(`#/project/${logged.reference}`);
    await page.waitForSelector('section[aria-labelledby="risks"]');
    expect(await riskSection(page).innerText()).toMatch(/^Risks and issues\s+The risks and issues log is shown only to people who are signed in\.$/);
    for (const e of logged.risks!.entries) expect(await page.locator('#detail-view').innerText()).not.toContain(e.description);
  });

  it('signed in, lists every entry, open first and highest score first, high scores and overdue reviews marked in words, with the way to change them in Teams too', async () => {
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
    // The chair may change every entry: each has its Edit (risks-form-tab.test.ts).
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Entry', 'Score', 'Owner', 'Mitigation', 'Review', 'Status', 'Change']);
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

/** The id of the element with focus. */
const focused = (page: TabPage) => page.evaluate(() => document.activeElement?.id ?? '');

describe('adding and changing risks in the tab', () => {
  /** A live project the Project Lead (Learning) 2 leads. */
  let reference: string;
  const reviewDate = addDays(new Date().toISOString().slice(0, 10), 14);
  beforeAll(async () => {
    reference = await db.read(async (store) => {
      const led = (await store.projects.listWithRequests()).find(
        (p) => p.project.projectLead?.aadObjectId === MOCK_USERS.projectLeadLearning2.aadObjectId && (p.request.status === 'in-delivery' || p.request.status === 'approved'),
      );
      return led!.project.reference;
    });
  });

  it('shows a problem under the likelihood with focus on it and everything kept; fixed, the risk is in the log; then it is edited', async () => {
    const page = await open();
    await signedIn(page, 'Project Lead (Learning) 2', reference);
    const form = riskSection(page).locator('form.risk-form');
    expect(await form.locator('h3').innerText()).toBe('Add a risk or issue');

    await page.selectOption('#riskKind', 'risk');
    await page.fill('#riskDescription', DESCRIPTION);
    await page.fill('#riskLikelihood', '7');
    await page.fill('#riskImpact', '5');
    await page.fill('#ownerFind', 'manager (learning)');
    await page.click('form.risk-form .owner-find button');
    await page.waitForFunction(() => document.getElementById('ownerFind-found')?.textContent?.includes('is chosen as Owner'), undefined, POLLING);
    expect(await page.locator('#ownerFind-found').innerText()).toBe('1 person found; Project Manager (Learning) 2 is chosen as Owner.');
    await page.fill('#riskMitigation', MITIGATION);
    await page.fill('#riskReviewDate', reviewDate);
    await page.click('form.risk-form button[type=submit]');

    await page.waitForSelector('#riskLikelihood-error:not([hidden])');
    expect(await page.locator('#riskLikelihood-error').textContent()).toBe('Error: Likelihood is a whole number from 1 (rare) to 5 (almost certain).');
    expect(await focused(page)).toBe('riskLikelihood');
    expect(await page.getAttribute('#riskLikelihood', 'aria-invalid')).toBe('true');
    expect((await page.getAttribute('#riskLikelihood', 'aria-describedby'))?.split(' ')).toEqual(['riskLikelihood-hint', 'riskLikelihood-error']);
    expect(await page.locator('#risk-form-problem').innerText()).toBe('Not saved: please fix the problem marked below.');
    const kept = await page.evaluate(() => ['riskDescription', 'riskLikelihood', 'riskImpact', 'riskMitigation', 'riskReviewDate'].map((id) => (document.getElementById(id) as HTMLInputElement).value));
    expect(kept).toEqual([DESCRIPTION, '7', '5', MITIGATION, reviewDate]);
    expect(await page.locator('#riskOwner option:checked').innerText()).toBe('Project Manager (Learning) 2');
    expect(await riskSection(page).locator('table').innerText()).not.toContain(DESCRIPTION);
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await riskSection(page).screenshot({ path: screenshotPath('risk-form-error') });

    await page.fill('#riskLikelihood', '4');
    await page.click('form.risk-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.risk-saved')?.textContent?.startsWith('Risk added'), undefined, POLLING);
    expect(await page.locator('.risk-saved').innerText()).toBe('Risk added: score 20 (likelihood 4 × impact 5). It scores 15 or more, so it goes on the next DSG agenda.');
    expect(await page.getAttribute('.risk-saved', 'role')).toBe('status');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('risk-saved'))).toBe(true);
    const row = riskSection(page).locator('tbody tr', { hasText: DESCRIPTION });
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['Project Manager (Learning) 2', MITIGATION, 'Open']));
    expect(await row.locator('td').first().innerText()).toContain('20, high');
    // The form is empty again for the next entry.
    expect(await page.inputValue('#riskDescription')).toBe('');

    await row.locator('button.risk-edit').click();
    expect(await form.locator('h3').innerText()).toBe(`Change the risk: ${DESCRIPTION.slice(0, 80)}`);
    expect(await focused(page)).toBe('risk-form-title');
    expect(await page.inputValue('#riskLikelihood')).toBe('4');
    expect(await page.locator('#riskOwner option:checked').innerText()).toBe('Keep Project Manager (Learning) 2');
    await page.fill('#riskLikelihood', '3');
    await page.click('form.risk-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.risk-saved')?.textContent?.startsWith('Saved'), undefined, POLLING);
    expect(await page.locator('.risk-saved').innerText()).toBe('Saved (likelihood 4 → 3): score 15 (likelihood 3 × impact 5). It scores 15 or more, so it goes on the next DSG agenda.');
    expect(await riskSection(page).locator('tbody tr', { hasText: DESCRIPTION }).locator('td').first().innerText()).toContain('15, high');
    expect(await db.read(async (store) => (await store.risks.forProject(reference)).find((e) => e.description === DESCRIPTION))).toMatchObject({
      likelihood: 3,
      owner: { aadObjectId: MOCK_USERS.projectManagerLearning2.aadObjectId },
      version: 2,
    });
  });

  it('refuses an edit from a form opened before someone else’s change, saying what changed, and shows the entry as it now is', async () => {
    const page = await open();
    await signedIn(page, 'Project Lead (Learning) 2', reference);
    await riskSection(page).locator('tbody tr', { hasText: DESCRIPTION }).locator('button.risk-edit').click();
    await page.fill('#riskImpact', '4');
    // Meanwhile the Project Manager changes it (through the same API).
    const entry = (await db.read(async (store) => (await store.risks.forProject(reference)).find((e) => e.description === DESCRIPTION)))!;
    const theirs = await fetch(`${t.bot.url}/api/projects/${reference}/risks/${entry.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': MOCK_USERS.projectManagerLearning2.aadObjectId },
      body: JSON.stringify({ riskKind: 'risk', riskDescription: DESCRIPTION, riskLikelihood: '2', riskImpact: '5', riskMitigation: MITIGATION, riskReviewDate: reviewDate, version: entry.version }),
    });
    expect(theirs.status).toBe(200);
    await page.click('form.risk-form button[type=submit]');
    await page.waitForSelector('#risk-form-problem:not([hidden])');
    expect(await page.locator('#risk-form-problem').innerText()).toMatch(/^This risk was changed since you opened it: likelihood 3 → 2, by Project Manager \(Learning\) 2 on .+\. Nothing was saved; here it is as it is now\.$/);
    expect(await focused(page)).toBe('risk-form-problem');
    expect(await page.inputValue('#riskLikelihood')).toBe('2');
    expect(await page.inputValue('#riskImpact')).toBe('5');
    expect((await db.read((store) => store.risks.get(entry.id)))?.impact).toBe(5);
  });

  it('offers a colleague who may not change the log no form and no Edit', async () => {
    const page = await open();
    await signedIn(page, 'Council Officer', reference);
    expect(await riskSection(page).locator('form, button').count()).toBe(0);
    expect(await riskSection(page).locator('thead th').allInnerTexts()).toEqual(['Entry', 'Score', 'Owner', 'Mitigation', 'Review', 'Status']);
    expect(await riskSection(page).innerText()).toContain(`send "project ${reference}" to dsg-bot`);
  });

  it('fits a phone (360 px wide) with the form, and axe finds nothing serious in the dark and high-contrast themes with a problem shown', async () => {
    const phone = await open('', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await signedIn(phone, 'Project Lead (Learning) 2', reference);
    // An issue has happened: it takes no likelihood.
    await phone.selectOption('#riskKind', 'issue');
    expect(await phone.isHidden('#riskLikelihood')).toBe(true);
    await phone.click('form.risk-form button[type=submit]');
    await phone.waitForSelector('#riskDescription-error:not([hidden])');
    expect(await phone.isHidden('#riskLikelihood-error')).toBe(true);
    expect(await focused(phone)).toBe('riskDescription');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await riskSection(phone).screenshot({ path: screenshotPath('risk-form-phone') });

    for (const theme of ['dark', 'contrast']) {
      const page = await open(`?theme=${theme}`);
      await signedIn(page, 'Project Lead (Learning) 2', reference);
      await page.click('form.risk-form button[type=submit]');
      await page.waitForSelector('#riskDescription-error:not([hidden])');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(seriousOnes(await axeViolations(page))).toEqual([]);
      await riskSection(page).screenshot({ path: screenshotPath(`risk-form-${theme}`) });
    }
  });
});
