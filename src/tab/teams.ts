/**
 * The Teams host, when the page runs inside Teams: its theme (and changes to it) and an SSO token.
 * Outside Teams (a plain browser) `connectToTeams` resolves to null quickly and the page carries on.
 */
import { app, authentication, pages } from '@microsoft/teams-js';
import { asTheme, type Theme } from './theme';

export interface TeamsHost {
  theme: Theme;
  onThemeChange(handler: (theme: Theme) => void): void;
  /** An SSO token for this app (Teams caches and refreshes it). */
  getToken(): Promise<string>;
  /** Tells Teams the page has loaded (hides its loading indicator). */
  loaded(): void;
}

/** Teams answers within a few hundred milliseconds; a page that is not in Teams must not wait long. */
const INITIALISE_TIMEOUT_MS = 2500;

/** `promise`, or a rejection after `ms` (the timer is cleared either way). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Teams on the desktop and the web frames the tab; Teams mobile hosts it in a web view with a native
 * bridge. In a plain browser teams-js fails at once ("No Parent window found"); in someone else's frame
 * nobody answers, hence the timeout.
 */
export async function connectToTeams(): Promise<TeamsHost | null> {
  try {
    await withTimeout(app.initialize(), INITIALISE_TIMEOUT_MS);
    const context = await withTimeout(app.getContext(), INITIALISE_TIMEOUT_MS);
    return {
      theme: asTheme(context.app.theme),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((name) => handler(asTheme(name))),
      getToken: () => authentication.getAuthToken(),
      loaded: () => {
        app.notifySuccess().catch(() => undefined);
      },
    };
  } catch {
    return null;
  }
}

/**
 * The configuration page of the channel tab (after `connectToTeams`): there is nothing to choose, so it is
 * valid at once, and Save adds the Programme tab at `<origin>/tab`.
 */
export function offerChannelTab(origin: string): void {
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig({ contentUrl: `${origin}/tab`, websiteUrl: `${origin}/tab`, entityId: 'dsg-programme', suggestedDisplayName: 'Programme' })
      .then(() => save.notifySuccess())
      .catch((error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)));
  });
  pages.config.setValidityState(true);
}
