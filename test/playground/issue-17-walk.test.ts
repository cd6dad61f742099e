/**
 * Issue 17's "Done means", walked in the Microsoft 365 Agents Playground's own web UI (headless Chromium) on the
 * seeded demo, the Council Officer (the Playground's user) made the lead of a project in delivery whose health
 * status is due: they set it to red with a reason from their reminder card and the strand's Digital Leader is
 * alerted; `report assurance` gives the card, and its .docx holds the red project and the top risk.
 * Screenshots land in test-artifacts/walks/issue-17/.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { healthAsked } from '../../src/domain/health';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { useDemoProcessWalk } from './support/walk-bot';

jest.setTimeout(240_000);
const { dsgChair, digitalLeaderLearning } = MOCK_USERS;
const me = MOCK_TENANT.currentUser;
const general = { teamId: MOCK_TENANT.team.id, channelId: MOCK_TENANT.team.general.id };
const REASON = 'The supplier has gone into administration: the contract must be re-let.';

const w = useDemoProcessWalk('issue-17');

it('sets a project red from the reminder card, alerts its Digital Leader, and reports it to the CMT', () => w.ui.walk(async () => {
  const { page } = w.ui;
  const today = new Date().toISOString().slice(0, 10);

  // The Council Officer becomes the lead of a project in delivery whose health status is due, with a Digital Leader
  // the Playground knows (its demo people other than its own five users have no chat there): the chair assigns them.
  const programme = await w.read((store) => store.projects.listWithRequests());
  const due = programme.find((r) => r.request.status === 'in-delivery' && healthAsked(r.project.health, today, 'monthly') !== null);
  expect(due).toBeDefined();
  const { request, project } = due!;
  await w.ui.pressAs(dsgChair, general.channelId, 'request.assign', { reference: request.reference, version: String(request.version), projectLead: me.aadObjectId, projectManager: project.projectManager?.aadObjectId ?? '', digitalLeader: digitalLeaderLearning.aadObjectId }, general);
  for (let i = 0; i < 30 && (await w.read((store) => store.projects.get(request.reference)))!.digitalLeader?.aadObjectId !== digitalLeaderLearning.aadObjectId; i++) await page.waitForTimeout(300);

  // 1. Their reminder card asks for the status; they set it red, with the reason.
  await w.ui.openChat('Personal Chat');
  await w.ui.say('reminders run');
  const reminder = await w.ui.waitForText(new RegExp(`${request.reference}[\\s\\S]*health status`), 30_000);
  await w.ui.shot('01-reminder-asks-health', reminder);
  await reminder.getByRole('button', { name: 'Update status' }).last().click();
  for (const aspect of ['Overall', 'Time']) {
    await reminder.getByLabel(new RegExp(`^${aspect} \\(required\\)`)).last().click();
    await page.getByRole('option', { name: 'Red', exact: true }).first().click();
    await reminder.getByLabel(new RegExp(`^${aspect}: reason`)).last().fill(REASON);
  }
  await w.ui.shot('02-update-status-red', reminder);
  await reminder.getByRole('button', { name: 'Save status' }).last().click();
  await page.waitForTimeout(1500);
  const saved = (await w.read((store) => store.projects.get(request.reference)))!.health!;
  expect(saved.ratings.overall).toEqual({ rag: 'red', reason: REASON });
  expect(saved.setBy).toBe(me.name);
  await w.ui.shot('03-reminder-after-save', w.ui.cardWith(request.reference));

  // The strand's Digital Leader is alerted at once, through the outbox, in their chat with the bot.
  const key = `health-red:${request.reference}:v${saved.version}`;
  let alert = await w.read((store) => store.outbox.get(key));
  for (let i = 0; i < 50 && alert?.status !== 'sent'; i++) {
    await page.waitForTimeout(300);
    alert = await w.read((store) => store.outbox.get(key));
  }
  expect({ status: alert?.status, lastError: alert?.lastError ?? null }).toEqual({ status: 'sent', lastError: null });
  expect(JSON.stringify(alert!.intent)).toContain(REASON);

  // 4. The quarter's assurance report: the card, and its Word document with the red project and the top risk.
  await w.ui.say('report assurance');
  const report = await w.ui.waitForText(/Assurance report, \d{4} Q\d/, 30_000);
  expect(await report.innerText()).toContain(request.reference);
  await w.ui.shot('10-assurance-report', report);
  const download = await w.ui.download('Download (.docx)', report);
  const xml = await (await JSZip.loadAsync(readFileSync(await download.path()))).file('word/document.xml')!.async('string');
  expect(xml).toContain(request.title.replace(/&/g, '&amp;'));
  expect(xml).toContain(REASON);
}));

