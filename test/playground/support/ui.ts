/**
 * The Microsoft 365 Agents Playground's own web UI, driven in headless Chromium as a person would use it: type in
 * the message box, press a card's buttons, fill its inputs, switch chats and channels, take screenshots. People
 * other than the Playground's current user act through its raw-activity API, as they would from their own Teams.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { MOCK_TENANT, type MockUser } from '../../../src/playground/mock-tenant';
import { launchChromium, POLLING } from '../../tab/support/browser';

/** Screenshots of the walks (gitignored), one folder per walk. */
const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/walks');

export class PlaygroundUi {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly url: string,
    readonly folder: string,
  ) {}

  /** Opens the Playground at `url` in a fresh headless Chromium, at phone or desktop width. */
  static async open(url: string, walk: string, viewport = { width: 1280, height: 900 }): Promise<PlaygroundUi> {
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport });
    // Offline, as on the test machines: only the Playground and the bot on loopback answer.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('internetdisconnected'));
    await page.goto(url);
    await page.waitForSelector('div[role=textbox][contenteditable=true]', { timeout: 60_000 });
    const folder = path.join(ARTIFACTS, walk);
    mkdirSync(folder, { recursive: true });
    return new PlaygroundUi(browser, page, url, folder);
  }

  /** Runs a walk; if a step fails, the window as it was then is kept as failed.png (or `<failed>.png`) beside the steps' screenshots. */
  async walk(steps: () => Promise<void>, failed = 'failed'): Promise<void> {
    try {
      await steps();
    } catch (error) {
      await this.shot(failed).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** The cards in the open chat or channel, oldest first. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** The newest card in the open chat or channel. */
  lastCard(): Locator {
    return this.cards().last();
  }

  /** The newest card that contains `text`. */
  cardWith(text: string | RegExp): Locator {
    return this.cards().filter({ hasText: text }).last();
  }

  /** Opens a chat ("Personal Chat", "DSG Group Chat") or a channel ("General", "DSG Decisions") from the left rail. */
  async openChat(name: string): Promise<void> {
    await this.page.getByText(name, { exact: true }).first().click();
    await this.page.waitForSelector('div[role=textbox][contenteditable=true]');
  }

  /** Types a message in the open chat and sends it. */
  async say(text: string): Promise<void> {
    const before = await this.cards().count();
    const box = this.page.locator('div[role=textbox][contenteditable=true]').last();
    await box.click();
    await box.type(text);
    await this.page.keyboard.press('Enter');
    await this.waitForCards(before);
  }

  /** Starts a new post in the open channel, @mentioning the bot first as Teams needs. */
  async post(text: string): Promise<void> {
    const before = await this.cards().count();
    const box = this.page.locator('div[role=textbox][contenteditable=true]').first();
    await box.click();
    await box.type(`@${MOCK_TENANT.bot.name.slice(0, 3)}`);
    await this.page.locator('[role=listbox]').getByText(MOCK_TENANT.bot.name, { exact: true }).first().click();
    await box.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    await this.waitForCards(before);
  }

  /** Presses a button on a card (the newest card by default) and waits for the bot's answer. */
  async press(name: string | RegExp, on: Locator = this.lastCard()): Promise<void> {
    await on.getByRole('button', { name }).first().click();
    await this.settle();
  }

  /**
   * Presses a card's button that opens a link (Action.OpenUrl, which Adaptive Cards draws as a link) to a file,
   * and gives the download it starts: the Playground opens the link in a new window, as Teams opens it in the
   * browser, and Chromium reports the download on the chat's page.
   */
  async download(name: string | RegExp, on: Locator = this.lastCard()): Promise<Download> {
    const started = this.page.waitForEvent('download', { timeout: 15_000 });
    await on.getByRole('link', { name }).first().click();
    return started;
  }

  /** Fills a text input by its label. */
  async fill(label: string | RegExp, value: string, on: Locator = this.lastCard()): Promise<void> {
    await on.getByLabel(label).first().fill(value);
  }

  /** Waits until a card shows `text`. */
  async waitForText(text: string | RegExp, timeout = 15_000): Promise<Locator> {
    const card = this.cardWith(text);
    await card.waitFor({ timeout });
    return card;
  }

  /**
   * A screenshot named by step, test-artifacts/walks/<walk>/<name>.png: of one card, whole however tall it is,
   * or of the window as the person sees it.
   */
  async shot(name: string, card?: Locator): Promise<string> {
    const file = path.join(this.folder, `${name}.png`);
    if (!card) {
      await this.page.screenshot({ path: file });
      return file;
    }
    // The chat scrolls inside the page: make the window tall enough to hold the whole card, then put it back.
    const viewport = this.page.viewportSize()!;
    const height = await card.evaluate((element) => element.scrollHeight);
    await this.page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height + 400) });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: file });
    await this.page.setViewportSize(viewport);
    return file;
  }

  /** Ticks a checkbox or chooses a radio button on a card by its visible text. */
  async tick(text: string, on: Locator = this.lastCard()): Promise<void> {
    await on.getByText(text, { exact: true }).first().click();
  }

  /** Chooses an option of a compact choice set (a combobox) by its label. */
  async choose(placeholder: string, option: string, on: Locator = this.lastCard()): Promise<void> {
    await on.getByPlaceholder(placeholder).first().click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Sends a message into a conversation as someone other than the Playground's current user. */
  async sayAs(person: MockUser, conversationId: string, text: string, channel?: { teamId: string; channelId: string }): Promise<void> {
    await this.sendAs(person, conversationId, { type: 'message', text }, channel);
    await this.settle();
  }

  /** A raw activity from someone else, made from the Playground's own template for the conversation. */
  private async sendAs(person: MockUser, conversationId: string, fields: Record<string, unknown>, channel?: { teamId: string; channelId: string }): Promise<void> {
    const template = (await (await fetch(`${this.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`)).json()) as Record<string, unknown>;
    const activity = {
      ...template,
      ...fields,
      from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
      // Real Teams names the team and channel of a channel activity; the Playground's template does not.
      ...(channel ? { channelData: { ...(template.channelData as object), team: { id: channel.teamId }, channel: { id: channel.channelId }, tenant: { id: MOCK_TENANT.tenantId } } } : {}),
    };
    const sent = await fetch(`${this.url}/_internal/v1/customActivities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (!sent.ok) throw new Error(`the Playground refused the activity: ${sent.status}`);
  }

  /** Presses a card's Action.Execute button as someone other than the Playground's current user. */
  async pressAs(person: MockUser, conversationId: string, verb: string, data: Record<string, unknown>, channel?: { teamId: string; channelId: string }): Promise<void> {
    await this.sendAs(person, conversationId, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }, channel);
    await this.settle();
  }

  private async waitForCards(before: number): Promise<void> {
    await this.page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { ...POLLING, timeout: 15_000 }).catch(() => undefined);
    await this.settle();
  }

  /** The bot answers in 20–400 ms; cards take a moment more to render. */
  private async settle(): Promise<void> {
    await this.page.waitForTimeout(700);
  }
}
