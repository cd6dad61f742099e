/**
 * Issue 11's "Done means", walked in the Microsoft 365 Agents Playground's own web UI (headless Chromium) on the
 * demo programme: a member of staff submits through the three steps and keeps the confirmation while opening My
 * requests; a requester answers the DSG's question from their request opened from My requests; an admin completes a
 * project and is first asked about its open milestones; the savings figures agree across the digest, the annual
 * report and open data. Screenshots of each step land in test-artifacts/walks/issue-11/ (the kept set is
 * docs/walks/issue-11/after/).
 */
import { openMilestones } from '../../src/domain/guards';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { submitIdea, useWalk } from './support/walk-bot';

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

beforeAll(async () => {
  // The DSG channel is set up in General, as a council does on its first day.
  await w.ui.openChat('General');
  await w.ui.post('setup dsg');
  await w.ui.page.getByText(/DSG channel/).first().waitFor();
  await w.ui.openChat('Personal Chat');
});

it('1. a member of staff submits through the three steps and keeps the confirmation while opening My requests', () => w.ui.walk(async () => {
  const { ui } = w;
  const title = 'Online booking for garden waste permits';
  const reference = await submitted(title, '01-staff');
  const confirmation = ui.cardWith(new RegExp(`${reference}[\\s\\S]*My requests`));
  await ui.shot('01-staff-confirmation', confirmation);

  await ui.press('My requests', confirmation);
  await ui.waitForText(/^My requests/);
  await ui.shot('01-staff-my-requests-below-the-confirmation');
  // The confirmation, with its reference, is still in the chat: My requests answered with a new message.
  const kept = ui.cards().filter({ hasText: title }).filter({ hasText: 'View request' });
  expect(await kept.count()).toBe(1);
  expect(await kept.first().innerText()).toContain(reference);
}, 'failed-1'));

it("2. a requester answers the DSG's question from their request card, opened from My requests", () => w.ui.walk(async () => {
  const { ui, db } = w;
  const reference = await submitted('Replace paper timesheets at the depot');
  const question = 'Which depots would use it first?';
  // Another member of the DSG asks for more information, from the triage card in the DSG channel.
  const request = await db.read((store) => store.requests.getByReference(reference));
  await ui.pressAs(MOCK_USERS.dsgChair, MOCK_TENANT.team.general.id, 'request.ask', { reference, version: String(request?.version), question }, general);
  expect((await db.read((store) => store.requests.getByReference(reference)))?.status).toBe('more-info');

  await ui.say('my requests');
  const mine = await ui.waitForText(/Action needed: answer the DSG's question/);
  await ui.shot('02-requester-action-needed', mine);
  await ui.press(/^(Answer|Open)$/, mine);
  const card = await ui.waitForText(question);
  expect(await card.innerText()).toMatch(/Waiting for your answer since/);
  await ui.fill(/Your answer/, 'The Loanhead and Bonnyrigg depots.', card);
  await ui.shot('02-requester-question-and-answer', card);
  await ui.press(/^Send/, card);
  const answered = await ui.waitForText('The Loanhead and Bonnyrigg depots.');
  await ui.shot('02-requester-answer-recorded', answered);
  const after = await db.read((store) => store.requests.getByReference(reference));
  expect(after?.status).not.toBe('more-info');
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

it('4. the savings figures match across the digest, the annual report and open data', () => w.ui.walk(async () => {
  const { ui, t } = w;
  const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;
  // Open data: every project's planned annual saving, and what it realised in this financial year.
  const projects = (await (await fetch(`${t.bot.url}/open/programme.json`)).json()) as { plannedAnnualCashSaving: number | null; realisedSavings: { financialYear: string; cashSaving: number }[] }[];
  const annual = await annualReport();
  const year = annual.year;
  const planned = pounds(projects.reduce((sum, p) => sum + (p.plannedAnnualCashSaving ?? 0), 0));
  const realised = pounds(projects.reduce((sum, p) => sum + p.realisedSavings.filter((s) => s.financialYear === year).reduce((s, b) => s + b.cashSaving, 0), 0));

  await ui.openChat('General');
  await ui.post('digest preview');
  await ui.page.getByText(/sent you the digest preview/).first().waitFor();
  await ui.openChat('Personal Chat');
  const digest = await ui.waitForText(/Digest preview/);
  await ui.press('Show more', digest).catch(() => undefined);
  await ui.shot('04-digest-savings', digest);
  const digestWords = await digest.innerText();

  expect({ digest: figures(digestWords), annual: figures(annual.words) }).toEqual({ digest: { planned, realised }, annual: { planned, realised } });

  /** The annual report for this financial year, as the card in the chat shows it. */
  async function annualReport(): Promise<{ year: string; words: string }> {
    await ui.say('report annual');
    const card = await ui.waitForText(/Realised cash savings|Realised in/);
    await ui.shot('04-annual-report-savings', card);
    const words = await card.innerText();
    return { year: /\d{4}\/\d{2}/.exec(words)?.[0] ?? '', words };
  }
}, 'failed-4'));

/** The planned and realised savings a card shows, as it prints them. */
function figures(words: string): { planned: string; realised: string } {
  const after = (label: RegExp) => new RegExp(`${label.source}[^£]*(£[\\d,]+)`).exec(words)?.[1] ?? `no ${label.source}`;
  return { planned: after(/Planned/), realised: after(/Realised/) };
}
