/**
 * Issue 16's "Done means", walked in the Microsoft 365 Agents Playground's own web UI (headless Chromium) on the
 * seeded demo: a message in the DSG Group Chat becomes a request through "Raise a DSG request" (the message's
 * More actions, the dialog, the form's three steps) and the short card is posted back in the chat; the request is
 * found from the compose box's search and shared; the chat follows it; the chair approves it in the DSG channel;
 * and the group chat is told. Screenshots land in test-artifacts/walks/issue-16/.
 *
 * The Playground does not read the app's manifest: where Teams lists the app's commands by name, its message and
 * compose menus ask for the command's id ("raiseRequest", "findRequests" and its parameter "searchText").
 */
import { MOCK_TENANT, MOCK_USERS } from '../../src/playground/mock-tenant';
import { useDemoProcessWalk } from './support/walk-bot';

jest.setTimeout(240_000);
const { dsgChair } = MOCK_USERS;
const general = { teamId: MOCK_TENANT.team.id, channelId: MOCK_TENANT.team.general.id };
const SAID = 'Parents still post paper forms for free school meals; could they apply online?';

const w = useDemoProcessWalk('issue-16');

it('raises a request from a group chat message, finds and shares it, follows it, and the chat hears the decision', () => w.ui.walk(async () => {
  const { page } = w.ui;
  const dialog = () => page.getByRole('dialog').last();
  const dialogCard = () => dialog().locator('.ac-adaptiveCard').last();
  const send = async () => {
    await page.getByRole('button', { name: 'Send Message' }).click();
    await page.waitForTimeout(1000);
  };

  // 1. Someone in the DSG Group Chat says what bothers them; the Council Officer raises it as a request from the
  //    message's More actions.
  await w.ui.openChat('DSG Group Chat');
  const box = page.locator('div[role=textbox][contenteditable=true]').last();
  await box.click();
  await box.type(SAID);
  await page.keyboard.press('Enter');
  const message = page.getByText(SAID).last();
  await message.waitFor();
  await message.hover();
  await message.locator('xpath=ancestor::div[.//div[@aria-label="Message header"]][1]').getByRole('button', { name: 'Show more information' }).click();
  await page.getByRole('menuitem', { name: 'Action Command' }).click();
  await page.getByPlaceholder('Input command id or leave blanks').fill('raiseRequest');
  await page.getByText('Adaptive Cards', { exact: false }).first().click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The form opens in a dialog, its title and problem taken from the message.
  await dialogCard().getByText('Step 1 of 3').waitFor();
  expect(await dialogCard().getByLabel(/^Title/).inputValue()).toMatch(/^Parents still post paper forms/);
  expect(await dialogCard().getByLabel(/What problem/).inputValue()).toBe(SAID);
  await w.ui.shot('01-dialog-prefilled');
  await w.ui.fill(/^Title/, 'Apply online for free school meals', dialogCard());
  await w.ui.fill(/intended outcome/, 'Parents apply online in ten minutes and hear back within a week.', dialogCard());
  await w.ui.tick('Citizens', dialogCard());
  await w.ui.press(/^Next$/, dialogCard());
  await dialogCard().getByText('Step 2 of 3').waitFor();
  await w.ui.choose('Choose a strand', 'Digital Learning', dialogCard());
  await w.ui.tick('Customer/Citizen Focused', dialogCard());
  await w.ui.fill(/How does it support/, 'Self-service online, any time, on a phone.', dialogCard());
  await w.ui.press(/^Next$/, dialogCard());
  await dialogCard().getByText('Step 3 of 3').waitFor();
  await w.ui.fill(/^(What existing council, shared or national solution did you check\?(?! Choose)|Say what you checked)/, 'The national free school meals checker.', dialogCard());
  await w.ui.tick('Re-use an existing solution', dialogCard());
  await w.ui.press(/^Submit$/, dialogCard());
  // Similar requests come first when there are any (the demo has a school meals payments request); then the reference.
  await dialogCard().getByText(/Similar requests already exist|Submitted as DP-/).first().waitFor();
  if (await dialogCard().getByText('Similar requests already exist').isVisible()) {
    await w.ui.shot('02-dialog-similar');
    await w.ui.press('Submit anyway', dialogCard());
  }
  await dialogCard().getByText(/Submitted as DP-/).first().waitFor();
  const reference = /Submitted as (DP-\d{4}-\d{4})/.exec(await dialogCard().innerText())![1];
  await w.ui.shot('03-dialog-raised');

  // The person chooses to post the short card in the chat: it goes into the compose box, and they send it.
  await dialogCard().getByRole('button', { name: /Post in the conversation/ }).click();
  await page.waitForTimeout(1000);
  await send();
  const posted = w.ui.cardWith(`Raised as ${reference}`);
  await posted.waitFor();
  await w.ui.shot('04-raised-card-in-chat', posted);
  const stored = (await w.read((store) => store.requests.getByReference(reference)))!;
  expect(stored.title).toBe('Apply online for free school meals');
  expect(stored.problem).toBe(SAID);

  // 2. The compose box's search finds it by words and shares its card.
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
  await page.getByRole('menuitem', { name: 'Search Command' }).click();
  await page.getByText('Specify Command ID or Parameter').click();
  await page.getByPlaceholder(/command id/i).first().fill('findRequests');
  await page.getByPlaceholder(/parameter/i).first().fill('searchText');
  await page.getByPlaceholder('Enter a search term').fill('free school meals');
  const hit = page.getByText(reference).last();
  await hit.waitFor({ timeout: 15_000 });
  await w.ui.shot('05-compose-search');
  await hit.click();
  await page.waitForTimeout(1000);
  await send();
  const shared = w.ui.cards().filter({ hasText: reference }).filter({ hasText: 'Apply online for free school meals' });
  expect(await shared.count()).toBeGreaterThanOrEqual(2);
  await w.ui.shot('06-shared-card', shared.last());

  // 3. The chat follows the project-to-be (a group chat hears the bot only when it is @mentioned).
  await box.click();
  await box.type(`@${MOCK_TENANT.bot.name.slice(0, 3)}`);
  await page.locator('[role=listbox]').getByText(MOCK_TENANT.bot.name, { exact: true }).first().click();
  await box.type(` follow ${reference}`);
  await page.keyboard.press('Enter');
  await page.getByText(`This chat now follows ${reference}`).last().waitFor();
  await w.ui.shot('07-follow');

  // 4. The chair approves it in the DSG channel (the requester may not decide their own request).
  await w.ui.pressAs(dsgChair, general.channelId, 'request.approve', { reference, version: String(stored.version), priority: 'high', isPriority: 'false', note: 'Good fit for the learning strand.' }, general);
  for (let i = 0; i < 30 && (await w.read((store) => store.requests.getByReference(reference)))!.status !== 'approved'; i++) await page.waitForTimeout(300);

  // 5. The group chat is told of the decision.
  const told = await w.ui.waitForText(new RegExp(`Approved.*${reference}|${reference}.*approved`, 'is'), 30_000);
  await w.ui.shot('08-group-chat-told', told);
}));
