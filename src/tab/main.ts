/**
 * The tab's one script, for both pages: the Programme (`/tab`) and the channel tab's configuration page
 * (`/tab/config`). Inside Teams the Teams theme decides, and follows Teams when it changes.
 */
import { startProgrammeTab } from './app';
import { connectToTeams, offerChannelTab, type TeamsHost } from './teams';
import { applyTheme, startTheme } from './theme';

function startConfigPage(teams: TeamsHost | null): void {
  const state = document.getElementById('config-state') as HTMLElement;
  if (!teams) {
    const link = document.createElement('a');
    link.href = '/tab';
    link.textContent = 'the Programme tab';
    state.replaceChildren('This page is for adding the tab to a channel in Teams. To see the programme, open ', link, '.');
    return;
  }
  offerChannelTab(location.origin);
  teams.loaded();
}

async function start(): Promise<void> {
  const browserTheme = startTheme(location.search);
  const teams = await connectToTeams();
  if (teams) {
    browserTheme.stop();
    applyTheme(teams.theme);
    teams.onThemeChange(applyTheme);
  }
  if (document.body.dataset.page === 'config') startConfigPage(teams);
  else await startProgrammeTab(teams);
}

start().catch((error: unknown) => {
  const main = document.getElementById('main');
  if (main) main.textContent = `The page could not start: ${error instanceof Error ? error.message : String(error)}. Reload to try again.`;
});
