/**
 * The Programme tab's Meetings page (issue 13) in headless Chromium against the real bot holding the demo
 * programme, its past meeting with published minutes and open actions, and a meeting whose minutes are not
 * published yet: reached from the page navigation with the keyboard; the public view without a name (counts
 * of attendees, owners by role); signed in with the demo sign-in, the names and the download links; a phone's
 * width; axe-core in the three Teams themes. Screenshots go to test-artifacts/.
 */
import type { Browser } from 'playwright-core';
import type { MeetingsResponse, SessionInfo } from '../../src/domain/programme-view-types';
import { buildTab } from '../../src/build-tab';
import { addDays, londonDate } from '../../src/domain/calendar';
import { ukDate } from '../../src/domain/dates';
import { startMeeting } from '../../src/domain/meetings';
import { seedDemo } from '../../src/demo/seed';
import { DEMO_PEOPLE, personRef } from '../../src/demo/people';
import { startTestBot, TestDatabase, type TestBot } from '../e2e/support/test-bot';
import { axeViolations, focusableControls, launchChromium, screenshotPath, seriousOnes, tabThrough, type TabPage, tabPages, POLLING } from './support/browser';

jest.setTimeout(60_000);

const today = londonDate(new Date());
/** A meeting held a week ago whose minutes the Minute Taker has not published yet. */
const UNPUBLISHED = addDays(today, -7);
/** Everyone named in the demo's minutes: present, apologies, who recorded the outcomes, the actions' owner. */
const NAMED = [DEMO_PEOPLE.dsgChair.name, DEMO_PEOPLE.leaderCustomers.name, DEMO_PEOPLE.leaderLearning.name, DEMO_PEOPLE.leaderEstates.name];

let browser: Browser;
let db: TestDatabase;
let t: TestBot;
let tab: string;
let session: SessionInfo;
let anonymous: MeetingsResponse;

beforeAll(async () => {
  browser = await launchChromium();
  await buildTab();
  db = await TestDatabase.create('sqlite');
  await db.read(async (store) => {
    await seedDemo(store, { now: () => new Date() });
    const held = startMeeting('unpublished-meeting', UNPUBLISHED, '14:00', [], DEMO_PEOPLE.dsgChair.name, `${UNPUBLISHED}T14:00:00.000Z`);
    await store.meetings.insert({ ...held, status: 'ended', attendees: [personRef('dsgChair')], endedAt: `${UNPUBLISHED}T15:00:00.000Z` });
  });
  t = await startTestBot(db);
  tab = `${t.bot.url}/tab`;
  session = (await (await fetch(`${t.bot.url}/api/session`)).json()) as SessionInfo;
  anonymous = (await (await fetch(`${t.bot.url}/api/meetings`)).json()) as MeetingsResponse;
  expect(anonymous.next?.agenda.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await db?.dispose();
});

const { open, track } = tabPages(() => browser, () => tab, '#/meetings');

/** Waits for the Meetings page to show its past meetings; returns the page's text. */
async function meetingsShown(page: TabPage): Promise<string> {
  await page.waitForSelector('#meetings-view #past-meetings');
  return page.locator('#meetings-view').innerText();
}

const published = () => {
  const found = anonymous.past.find((m) => m.minutes);
  if (!found) throw new Error('the demo has no published minutes');
  return found;
};

describe('the Meetings page', () => {
  it('opens from the page navigation with the keyboard, its heading focused, and goes back to the programme', async () => {
    const page = await open('');
    await page.waitForSelector('#results a[data-ref]');
    expect(await page.getAttribute('#pages a[data-view="list"]', 'aria-current')).toBe('page');
    await page.focus('#pages a[data-view="meetings"]');
    await page.keyboard.press('Enter');
    await meetingsShown(page);
    expect(new URL(page.url()).hash).toBe('#/meetings');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('DSG meetings');
    expect(await page.title()).toBe('DSG meetings – Digital Programme');
    expect(await page.getAttribute('#pages a[data-view="meetings"]', 'aria-current')).toBe('page');
    expect(await page.getAttribute('#pages a[data-view="list"]', 'aria-current')).toBeNull();
    expect(await page.locator('#breadcrumb li').allInnerTexts()).toEqual(['Digital Programme', 'DSG meetings']);
    await page.click('#pages a[data-view="list"]');
    await page.waitForSelector('#list-view:not([hidden]) #results a[data-ref]');
    expect(await page.locator('#meetings-view').isHidden()).toBe(true);
  });

  it('reaches every link and control in order with the keyboard, each with a visible focus indicator', async () => {
    const page = await open();
    await meetingsShown(page);
    // The same project can be linked twice (an agenda item and an action): each link its own key.
    await page.$$eval('#main a[href]', (els) => els.forEach((el, i) => ((el as HTMLElement).dataset.ref ??= `link-${i}`)));
    // The page's heading has focus: start from the masthead instead, after the skip link.
    await page.click('.app-name');
    const reached = await tabThrough(page);
    const [skip, ...controls] = await focusableControls(page);
    expect(skip).toBe('A:Skip to content');
    expect(reached.map((r) => r.key)).toEqual(controls);
    expect(controls.length).toBeGreaterThan(10);
    for (const r of reached) {
      expect(r.outline).toMatch(/^solid [3-9]/);
      expect(r.height).toBeGreaterThanOrEqual(24);
      expect(r.width).toBeGreaterThanOrEqual(24);
    }
  });

  it('shows the public view without a name: counts of who came, outcomes without who, owners by role', async () => {
    const page = await open();
    const text = await meetingsShown(page);
    for (const name of NAMED) expect(text).not.toContain(name);
    expect(text).not.toContain('Download the minutes');
    expect(text).toContain('Names of people are shown only to people who are signed in.');
    expect(await page.locator('#viewer').innerText()).toMatch(/Public view/);

    // The next meeting, when and where, and its agenda as a table with a caption and headers.
    const next = anonymous.next!;
    const when = await page.locator('section[aria-labelledby="next-meeting"] dl.facts').innerText();
    expect(when).toMatch(new RegExp(`Date\\s+${ukDate(next.date)}\\s+Time\\s+${next.startTime ?? 'Not set yet'}`));
    if (next.place) expect(when).toContain(next.place);
    const agenda = page.locator(`table:has(caption:text-is("Agenda for the meeting on ${ukDate(next.date)}"))`);
    expect(await agenda.locator('tbody tr').count()).toBe(next.agenda.length);
    // The requests awaiting a decision, which only the DSG sees, as one line.
    expect(await agenda.innerText()).toMatch(/\d+ requests not yet in the Digital Programme\s+Awaiting a decision/);
    expect(await agenda.locator('thead th').allInnerTexts()).toEqual(['No.', 'Item', 'Why it is on the agenda']);
    expect(await agenda.innerText()).toMatch(/Open action[\s\S]*the Project Lead, due/);

    // The published minutes: "3 attendees", "1 apology", the actions' owner by role.
    const minutes = page.locator(`section.past-meeting:has(h3:text-is("Meeting of ${ukDate(published().date)}, 10:00"))`);
    const facts = await minutes.locator('dl.facts').innerText();
    expect(facts).toMatch(/Present\s+3 attendees/);
    expect(facts).toMatch(/Apologies\s+1 apology/);
    const items = minutes.locator(`table:has(caption:text-is("Items discussed on ${ukDate(published().date)}"))`);
    expect(await items.innerText()).toMatch(/Noted[\s\S]*Deferred to the next meeting/);
    const actions = minutes.locator(`table:has(caption:text-is("Actions agreed on ${ukDate(published().date)}"))`);
    expect(await actions.locator('thead th').allInnerTexts()).toEqual(['Action', 'Owner', 'Due']);
    expect(await actions.locator('tbody tr td:nth-child(2)').allInnerTexts()).toEqual(['the Project Lead', 'the Project Lead']);
    expect(await actions.innerText()).toContain('Overdue');

    // Minutes not published are not shown as minutes.
    const unpublished = page.locator(`section.past-meeting:has(h3:text-is("Meeting of ${ukDate(UNPUBLISHED)}, 14:00"))`);
    expect(await unpublished.innerText()).toMatch(/Minutes not yet published\.$/);
    expect(await unpublished.locator('table, dl').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('meetings-public'), fullPage: true });
  });

  it('signed in (demo sign-in as the DSG chair), shows the names, the notes and the download links', async () => {
    const chair = session.demoUsers?.find((u) => u.name === 'DSG Chair');
    if (!chair) throw new Error('the session offers no DSG Chair');
    const page = await open();
    await meetingsShown(page);
    await page.selectOption('#demo-user', chair.id);
    await page.waitForFunction(() => document.getElementById('viewer')?.textContent?.startsWith('Signed in as DSG Chair'), undefined, POLLING);
    await page.waitForSelector('#meetings-view .downloads a');
    const text = await page.locator('#meetings-view').innerText();
    for (const name of NAMED) expect(text).toContain(name);
    expect(text).not.toContain('Names of people are shown only');
    const minutes = page.locator(`section.past-meeting:has(h3:text-is("Meeting of ${ukDate(published().date)}, 10:00"))`);
    expect(await minutes.locator('dl.facts').innerText()).toContain(`${DEMO_PEOPLE.dsgChair.name}, ${DEMO_PEOPLE.leaderCustomers.name}, ${DEMO_PEOPLE.leaderLearning.name}`);
    expect(await minutes.innerText()).toContain('The chair asked the Digital Leaders to bring resourcing plans to the next meeting.');
    // The agenda item a member added says who added it.
    expect(text).toContain(`Review of the website analytics`);
    expect(text).toContain(`Added by ${DEMO_PEOPLE.leaderCustomers.name}`);

    // The Word download behind its signed link is the real file.
    const href = await minutes.locator('.downloads a').first().getAttribute('href');
    const url = new URL(href!);
    const res = await fetch(`${t.bot.url}${url.pathname}${url.search}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    await page.screenshot({ path: screenshotPath('meetings-signed-in'), fullPage: true });

    await page.selectOption('#demo-user', '');
    await page.waitForFunction(() => document.getElementById('viewer')?.textContent?.startsWith('Public view'), undefined, POLLING);
    await page.waitForFunction(() => !document.querySelector('#meetings-view .downloads'), undefined, POLLING);
    const after = await page.locator('#meetings-view').innerText();
    for (const name of NAMED) expect(after).not.toContain(name);
  });

  it('fits a phone (360 px wide) without scrolling sideways', async () => {
    const page = await open('#/meetings', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await meetingsShown(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath('meetings-phone'), fullPage: true });
    await page.locator('section.past-meeting table').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('meetings-phone-minutes') });
  });

  it.each([
    { name: 'default', path: '#/meetings', options: { colorScheme: 'light' as const } },
    { name: 'dark', path: '#/meetings', options: { colorScheme: 'dark' as const } },
    { name: 'contrast', path: '?theme=contrast#/meetings', options: { colorScheme: 'light' as const } },
  ])('$name theme: no serious or critical accessibility violation', async ({ name, path, options }) => {
    const page = await open(path, options);
    await meetingsShown(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(name);
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath(`axe-meetings-${name}`) });
  });
});
