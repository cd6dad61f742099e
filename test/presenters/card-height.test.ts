/**
 * How tall the long cards are on a phone: each card is drawn by the `adaptivecards` library (the renderer behind
 * Teams' own) in headless Chromium, 375 px wide, with its default host config, and measured as it first shows.
 * The library does not draw Teams' charts, so each chart is stood in for by a block of CHART_PX, about what Teams
 * draws at that width. Nothing a person sees first may be taller than MAX_FIRST_SCREEN_PX; the rest sits behind
 * "Show more" (Action.ToggleVisibility), which this test also presses.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { STRANDS } from '../../src/domain/catalogue';
import { buildDigest } from '../../src/domain/digest';
import { PAGE_SIZE } from '../../src/domain/paging';
import { digestCard } from '../../src/presenters/digest';
import { programmeCard } from '../../src/presenters/programme';
import { projectCard } from '../../src/presenters/project';
import type { AdaptiveCardJson } from '../../src/presenters/render';
import { requestFormCard } from '../../src/presenters/request-form';
import { FORM_FIELDS } from '../../src/domain/request-form';
import { launchChromium } from '../tab/support/browser';
import { bigSource } from '../support/busy-digest';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const PHONE_WIDTH_PX = 375;
const MAX_FIRST_SCREEN_PX = 1200;
const CHART_PX = 240;
const TODAY = '2026-12-01';

const AC_SCRIPT = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');

/** The card with each Teams chart replaced by a block of the height Teams gives it. */
function withChartBlocks(card: AdaptiveCardJson): AdaptiveCardJson {
  return JSON.parse(JSON.stringify(card), (_key, value) =>
    value && typeof value === 'object' && typeof value.type === 'string' && value.type.startsWith('Chart.')
      ? { type: 'Container', id: value.id, minHeight: `${CHART_PX}px`, items: [] }
      : value,
  );
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: PHONE_WIDTH_PX, height: 800 } });
  await page.setContent(`<!doctype html><html><body style="margin:0;font-family:'Segoe UI',system-ui,sans-serif"><div id="host" style="width:${PHONE_WIDTH_PX}px"></div></body></html>`);
  await page.addScriptTag({ content: AC_SCRIPT });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Draws the card and returns its height in px as it first shows. */
async function heightOf(card: AdaptiveCardJson): Promise<number> {
  return page.evaluate((json) => {
    const AC = (window as unknown as { AdaptiveCards: { AdaptiveCard: new () => { parse(j: unknown): void; render(): HTMLElement } } }).AdaptiveCards;
    const ac = new AC.AdaptiveCard();
    ac.parse(json);
    const host = document.getElementById('host') as HTMLElement;
    host.replaceChildren(ac.render());
    return Math.round(host.getBoundingClientRect().height);
  }, withChartBlocks(card) as unknown as Record<string, unknown>);
}

/** Presses the button with this title on the card drawn last, and returns the card's height after. */
async function pressAndMeasure(title: string): Promise<number> {
  await page.getByRole('button', { name: title, exact: true }).first().click();
  return page.evaluate(() => Math.round((document.getElementById('host') as HTMLElement).getBoundingClientRect().height));
}

// ---------------------------------------------------------------------------------------------
// Busy, realistic content

const titles = [
  'Online booking and payment for bulky waste uplifts',
  'Replace the paper school meal registers with a tablet app',
  'One sign-in for council tax, benefits and housing repairs',
  'Digital timesheets for care-at-home staff',
  'Library room booking shared with community centres',
  'Pothole reporting with photos and progress updates',
];

function busyProgramme(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const request = sampleRequest({ title: titles[i % titles.length], status: i % 3 === 0 ? 'in-delivery' : 'approved', strand: STRANDS[i % STRANDS.length].id });
    const project = sampleProject(request.reference, {
      projectLead: i % 2 ? { aadObjectId: `aad-lead-${i}`, name: `Project Lead ${i}` } : null,
      realisedBenefits: [{ financialYear: '2026/27', cashSaving: 1000 + i, note: null, measureId: null, recordedAt: '', recordedBy: '' }],
      milestones: [
        sampleMilestone({ title: 'Supplier chosen', due: '2026-12-05' }),
        sampleMilestone({ title: 'Pilot in two schools', due: '2026-11-02' }),
        sampleMilestone({ title: 'Business case approved', due: '2026-11-20', status: 'done', completedOn: '2026-11-28' }),
      ],
    });
    return { request, project };
  });
}

function busyProject() {
  const [{ request, project }] = busyProgramme(1);
  const milestones = ['Supplier chosen', 'Data protection impact assessment signed', 'Pilot in two schools', 'Staff trained', 'Go live in all schools', 'Paper registers withdrawn'].map((title, i) =>
    sampleMilestone({ title, due: `2027-0${i + 1}-15`, status: i === 0 ? 'done' : 'planned', completedOn: i === 0 ? '2026-11-28' : null }),
  );
  return projectCard({ request: { ...request, status: 'in-delivery' }, project: { ...project, milestones, projectLead: { aadObjectId: 'a', name: 'Project Lead' } }, today: TODAY, canEdit: true });
}

const everyError = Object.fromEntries(FORM_FIELDS.map((f) => [f, 'Explain why re-using or sharing an existing solution will not do: buying or building is the last resort.']));

const CARDS: [string, () => AdaptiveCardJson][] = [
  ['the digest, every section full of the longest titles', () => digestCard(buildDigest(bigSource()))],
  ['a full page of the programme', () => programmeCard(busyProgramme(PAGE_SIZE), 1, PAGE_SIZE, 57, TODAY)],
  ['a busy project', busyProject],
  ['the form, step 1, every problem shown', () => requestFormCard({ formId: 'f-1', step: 1, errors: everyError })],
  ['the form, step 2, every problem shown', () => requestFormCard({ formId: 'f-1', step: 2, errors: everyError })],
  ['the form, step 3, every problem shown', () => requestFormCard({ formId: 'f-1', step: 3, errors: everyError })],
];

describe(`long cards at phone width (${PHONE_WIDTH_PX} px, drawn by adaptivecards in Chromium)`, () => {
  it.each(CARDS)('%s first shows no more than 1,200 px', async (_name, make) => {
    expect(await heightOf(make())).toBeLessThanOrEqual(MAX_FIRST_SCREEN_PX);
  });

  it.each(CARDS.slice(0, 3))('%s shows the rest with Show more, and hides it again with Show less', async (_name, make) => {
    const first = await heightOf(make());
    const all = await pressAndMeasure('Show more');
    expect(all).toBeGreaterThan(first + 100);
    expect(await pressAndMeasure('Show less')).toBe(first);
  });

  it('was needed: the whole digest is far taller than a phone screen', async () => {
    const card = digestCard(buildDigest(bigSource()));
    const everything = JSON.parse(JSON.stringify(card).replace(/"isVisible":false/g, '"isVisible":true'));
    expect(await heightOf(everything)).toBeGreaterThan(2 * MAX_FIRST_SCREEN_PX);
  });
});
