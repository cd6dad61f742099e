/**
 * The journey a new council gets from the quick start, walked in the Microsoft 365 Agents Playground's own web UI
 * (headless Chromium): a member of staff submits an idea in their chat, the DSG channel is set up and gets the
 * triage card, the request is approved there, a reminder run reaches the project's lead, and the digest is
 * previewed. Screenshots of each step land in test-artifacts/walks/journey/.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/log';
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { PLAYGROUND_CONFIG_FILE, type RunningPlayground, startPlayground } from '../../src/playground/playground';
import { startTestBot, TestDatabase, type TestBot } from '../e2e/support/test-bot';
import { PlaygroundUi } from './support/ui';
import { freePort } from '../support/free-port';

jest.setTimeout(180_000);
const ROOT = path.join(__dirname, '..', '..');

let db: TestDatabase;
let t: TestBot;
let playground: RunningPlayground;
let workDir: string;
let ui: PlaygroundUi;
/** How far the bot's clock has been moved on, in days. */
let daysLater = 0;

beforeAll(async () => {
  db = await TestDatabase.create('sqlite');
  // The Playground's current user is the council's administrator here, so one person can walk both sides.
  t = await startTestBot(db, { DSG_ADMIN_AAD_IDS: MOCK_TENANT.currentUser.aadObjectId }, undefined, undefined, { clock: { now: () => new Date(Date.now() + daysLater * 86_400_000) } });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'playground-walk-'));
  copyFileSync(path.join(ROOT, PLAYGROUND_CONFIG_FILE), path.join(workDir, PLAYGROUND_CONFIG_FILE));
  playground = await startPlayground({ botEndpoint: `${t.bot.url}/api/messages`, port: await freePort(), workDir, logger: createLogger('silent') });
  ui = await PlaygroundUi.open(playground.url, 'journey');
});
afterAll(async () => {
  await ui?.close();
  await playground?.stop();
  await t?.stop();
  await db?.dispose();
  rmSync(workDir, { recursive: true, force: true });
});

it('walks submit, triage, approve, reminder and digest in the web UI', () => ui.walk(async () => {
  await ui.say('hi');
  await ui.press('Submit an idea');
  await ui.fill(/^Title/, 'Online booking for garden waste permits');
  await ui.fill(/What problem/, 'Residents phone to buy permits and staff re-key them.');
  await ui.fill(/intended outcome/, 'Residents buy a permit online in two minutes.');
  await ui.tick('Citizens');
  await ui.press(/^Next$/);
  await ui.waitForText('Step 2 of 3');
  await ui.choose('Choose a strand', 'Digital Customers');
  await ui.tick('Customer/Citizen Focused');
  await ui.fill(/How does it support/, 'Self-service online, any time.');
  await ui.press(/^Next$/);
  await ui.waitForText('Step 3 of 3');
  await ui.fill(/What existing council/, 'The national permits platform.');
  await ui.tick('Re-use an existing solution');
  await ui.press(/^Submit$/);
  const confirmation = await ui.waitForText('DP-2026-0001');
  await ui.shot('01-submitted', confirmation);

  await ui.openChat('General');
  await ui.post('setup dsg');
  const triage = await ui.waitForText(/DP-2026-0001[\s\S]*Approve/);
  await ui.shot('02-triage-card-in-the-dsg-channel', triage);
  // The requester may not decide their own request: Teams tells them so under the card.
  await ui.press('Approve', triage);
  await ui.tick('Medium', triage);
  await triage.getByRole('button', { name: 'Approve' }).last().click();
  await ui.page.getByText(/another member of the DSG must decide/).waitFor();
  await ui.shot('03-the-requester-may-not-decide');
  // The chair approves it, from their own Teams; the card in the channel shows it for everyone.
  const general = { teamId: MOCK_TENANT.team.id, channelId: MOCK_TENANT.team.general.id };
  await ui.pressAs(MOCK_USERS.dsgChair, MOCK_TENANT.team.general.id, 'request.approve', { reference: 'DP-2026-0001', version: '1', priority: 'medium', isPriority: 'false', note: '' }, general);
  const approved = await ui.waitForText(/DP-2026-0001[\s\S]*Approved/);
  await ui.shot('04-approved-by-the-chair', approved);
  // The chair names the member of staff as the project's lead (the people picker is not in the Playground).
  await ui.pressAs(MOCK_USERS.dsgChair, MOCK_TENANT.team.general.id, 'request.assign', { reference: 'DP-2026-0001', version: '2', projectLead: MOCK_TENANT.currentUser.aadObjectId }, general);
  await ui.waitForText(/DP-2026-0001[\s\S]*Project Lead[\s\S]*Council Officer/);

  // Five weeks on, the project still has no business case or plan. An administrator runs the reminders now
  // rather than waiting for the schedule.
  daysLater = 35;
  await ui.post('reminders run');
  const ran = ui.page.getByText(/Reminders queued|Nothing/).first();
  await ran.waitFor();
  expect(await ran.innerText()).toMatch(/Reminders queued: 3 items for 1 person/);
  await ui.shot('05-reminders-run');
  await ui.openChat('Personal Chat');
  const reminder = await ui.waitForText(/DP-2026-0001[\s\S]*(business case|implementation plan)/i);
  await ui.shot('06-the-leads-reminder', reminder);

  await ui.openChat('General');
  await ui.post('digest preview');
  await ui.page.getByText(/sent you the digest preview/).first().waitFor();
  await ui.openChat('Personal Chat');
  const digest = await ui.waitForText(/digest/i);
  await ui.shot('07-digest-preview', digest);
  expect(await digest.innerText()).toMatch(/Digest preview/);
}));
