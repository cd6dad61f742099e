/**
 * The journey a new council gets from the quick start, walked in the Microsoft 365 Agents Playground's own web UI
 * (headless Chromium): a member of staff submits an idea in their chat, the DSG channel is set up and gets the
 * triage card, the request is approved there, a reminder run reaches the project's lead, and the digest is
 * previewed. Screenshots of each step land in test-artifacts/walks/journey/.
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { submitIdea, useWalk } from './support/walk-bot';

jest.setTimeout(180_000);
const w = useWalk('journey');

it('walks submit, triage, approve, reminder and digest in the web UI', () => w.ui.walk(async () => {
  const { ui } = w;
  await submitIdea(ui, 'Online booking for garden waste permits');
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
  w.setDaysLater(35);
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
