/**
 * Issue 11's "Done means", walked in the Microsoft 365 Agents Playground's own web UI (headless Chromium) on the
 * demo programme: a member of staff submits through the three steps and keeps the confirmation while opening My
 * requests; a requester answers the DSG's question from their request opened from My requests; an admin completes a
 * project and is first asked about its open milestones; the savings figures agree across the digest, the Programme
 * tab (its API), the annual report and open data. Screenshots of each step land in test-artifacts/walks/issue-11/ (the kept set is
 * docs/walks/issue-11/after/).
 */
import type { Locator } from 'playwright-core';
import type { ProgrammeFigures } from '../../src/domain/figures';
import { openMilestones } from '../../src/domain/guards';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { setUpDsg, submitIdea, useWalk } from './support/walk-bot';

jest.setTimeout(150_000);
const w = useWalk('issue-11', { demo: true, env: { OPEN_DATA: 'on' } });
const general = { teamId: MOCK_TENANT.team.id, channelId: MOCK_TENANT.team.general.id };
const today = () => new Date().toISOString().slice(0, 10);
const REFERENCE = /DP-\d{4}-\d{4}/;

/** The reference on the newest submission confirmation in the personal chat. */
async function submitted(title: string, shot?: string): Promise<string> {
  await submitIdea(w.ui, title, shot);
  // The demo programme may hold similar ideas: the member of staff has looked at them and submits anyway.
  const answer = await w.ui.waitForText(new RegExp(`Similar requests already exist|${title}[\\s\\S]*My requests`));
  if ((await answer.innerText()).includes('Similar requests already exist')) {
    if (shot) await w.ui.shot(`${shot}-similar-requests`, answer);
    await w.ui.press('Submit anyway', answer);
  }
  const confirmation = await w.ui.waitForText(new RegExp(`${title}[\\s\\S]*My requests`));
  const reference = REFERENCE.exec(await confirmation.innerText())?.[0];
  if (!reference) throw new Error('the confirmation shows no reference');
  return reference;
}

beforeAll(() => setUpDsg(w.ui));

it('1. a member of staff submits through the three steps and keeps the confirmation while opening My requests', () => w.ui.walk(async () => {
  const { ui } = w;
  const title = 'Online booking for garden waste permits';
  const reference = await submitted(title, '01-staff');
  const confirmation = ui.cardWith(new RegExp(`${reference}[\\s\\S]*My requests`));
  await ui.shot('01-staff-confirmation', confirmation);

  await ui.press('My requests', confirmation);
  await ui.waitForText(/^My requests/);
  // The confirmation, with its reference, is still in the chat: My requests answered with a new message.
  const kept = ui.cards().filter({ hasText: title }).filter({ hasText: 'Looked after by' });
  expect(await kept.count()).toBe(1);
  expect(await kept.first().innerText()).toContain(reference);
  // The window scrolled back up to it: the confirmation, and My requests below it.
  await kept.first().evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await ui.shot('01-staff-confirmation-kept-above-my-requests');
}, 'failed-1'));

it("2. a requester answers the DSG's question from their request card, opened from My requests", () => w.ui.walk(async () => {
  const { ui, db } = w;
  const reference = await submitted('Replace paper timesheets at the depot');
  const question = 'Which depots would use it first?';
  // Another member of the DSG asks for more information, from the triage card in the DSG channel.
  const request = await db.read((store) => store.requests.getByReference(reference));
  await ui.pressAs(MOCK_USERS.dsgChair, MOCK_TENANT.team.general.id, 'request.ask', { reference, version: String(request?.version), question }, general);
  expect((await db.read((store) => store.requests.getByReference(reference)))?.status).toBe('more-info-requested');

  // The question reaches the requester's chat as a message of its own; they answer from My requests instead.
  await ui.waitForText(new RegExp(`${reference}[\\s\\S]*${question}`), 30_000);
  await ui.say('my requests');
  const mine = await ui.waitForText(/Action needed: answer the DSG's question/);
  await ui.shot('02-requester-action-needed', mine);
  // The demo's requests are the Playground user's too: Answer on this request's line under Action needed.
  const line = mine.locator('.ac-container').filter({ hasText: reference }).filter({ has: ui.page.getByRole('button', { name: 'Answer' }) }).last();
  await ui.press('Answer', line);
  // The request card, opened below My requests: the question, who asked it and when, and the Answer box.
  const card = await ui.waitForText(new RegExp(`${reference}[\\s\\S]*Waiting for your answer since[\\s\\S]*Asked by[\\s\\S]*${question}`));
  await ui.fill(/Your answer/, 'The Loanhead and Bonnyrigg depots.', card);
  await ui.shot('02-requester-question-and-answer', card);
  await ui.press(/^Send/, card);
  const answered = await ui.waitForText('The Loanhead and Bonnyrigg depots.');
  await ui.shot('02-requester-answer-recorded', answered);
  const after = await db.read((store) => store.requests.getByReference(reference));
  expect(after?.status).not.toBe('more-info-requested');
}, 'failed-2'));

it('3. an admin completes a project and is first asked about its open milestones', () => w.ui.walk(async () => {
  const { ui, db } = w;
  const projects = await db.read((store) => store.projects.listWithRequests());
  const found = projects.find(({ project, request }) => request.status === 'in-delivery' && openMilestones(project, today()).late.length > 0);
  if (!found) throw new Error('the demo programme has no project in delivery with a late milestone');
  const { reference } = found.request;
  const open = openMilestones(found.project, today());

  await ui.say(`project ${reference}`);
  const card = await ui.waitForText(/Mark project completed/);
  await ui.press('Mark project completed', card);
  const asked = await ui.waitForText(`Mark ${reference} completed?`);
  const words = await asked.innerText();
  for (const m of [...open.late, ...open.planned]) expect(words).toContain(m.title);
  expect(words).toMatch(/What becomes of the .*(late|planned)/);
  await ui.shot('03-admin-asked-about-open-milestones', asked);

  await ui.tick('Mark them missed', asked);
  await ui.press(/^Mark project completed$/, asked);
  const done = await ui.waitForText(`${reference} is now completed`);
  await ui.shot('03-admin-project-completed', done);
  const after = await db.read((store) => store.projects.get(reference));
  expect(after?.milestones.filter((m) => m.status === 'planned')).toEqual([]);
  expect((await db.read((store) => store.requests.getByReference(reference)))?.status).toBe('completed');
}, 'failed-3'));

it('4. the savings figures match across the digest, the tab, the annual report and open data', () => w.ui.walk(async () => {
  const { ui, t } = w;
  // Open data publishes the figures with their definitions; the Programme tab's API carries the same.
  const truth = (await (await fetch(`${t.bot.url}/open/figures.json`)).json()) as ProgrammeFigures;
  const tab = (await (await fetch(`${t.bot.url}/api/programme`)).json()) as { figures: ProgrammeFigures };
  expect(tab.figures).toEqual(truth);
  const expected = { planned: pounds(truth.planned.value), realised: pounds(truth.realised.value) };

  await ui.openChat('General');
  await ui.post('digest preview');
  await ui.page.getByText(/sent you the digest preview/).first().waitFor();
  await ui.openChat('Personal Chat');
  const digest = await ui.waitForText(/Digest preview/);
  await showMore(digest);
  await ui.shot('04-digest-savings', digest);
  expect(figures(await digest.innerText(), truth)).toEqual(expected);

  await ui.say(`report annual ${truth.financialYear}`);
  const annual = await ui.waitForText(`Annual progress and benefits report ${truth.financialYear}`);
  await showMore(annual);
  await ui.shot('04-annual-report-savings', annual);
  expect(figures(await annual.innerText(), truth)).toEqual(expected);
}, 'failed-4'));

const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;

/** Opens a long card's second screen, if it has one. */
async function showMore(card: Locator): Promise<void> {
  const more = card.getByRole('button', { name: 'Show more' });
  if ((await more.count()) > 0) await w.ui.press('Show more', card);
}

/** The planned and realised savings a card shows beside each figure's label, as it prints them. */
function figures(words: string, truth: ProgrammeFigures): { planned: string; realised: string } {
  const after = (label: string) => new RegExp(`${label.replace(/[/()]/g, '\\$&')}\\s*(£[\\d,]+)`).exec(words)?.[1] ?? `nothing beside "${label}"`;
  return { planned: after(truth.planned.label), realised: after(truth.realised.label) };
}
