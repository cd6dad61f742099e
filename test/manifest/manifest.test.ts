import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_DIR, PackageRefused, checkManifest, commandListsOf, fillManifest, readSettings, withMenus } from '../../src/package-app';
import { COMMANDS, commandMenus } from '../../src/domain/commands';
import { parseCommand } from '../../src/teams/commands';
import { VERBS } from '../../src/teams/verbs';
import { FIND_COMMAND, RAISE_COMMAND } from '../../src/teams/message-extension';
import { PACKAGE_ENV as SETTINGS_ENV } from './sample-env';

const TEMPLATE = readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8');

const SSO_APP_ID = '99999999-8888-4777-8666-555555555555';

const filled = (env: NodeJS.ProcessEnv = SETTINGS_ENV) => fillManifest(TEMPLATE, readSettings(env, '0.1.0'));
const refusal = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof PackageRefused) return error.problems;
    throw error;
  }
  throw new Error('expected a PackageRefused');
};

describe('the Teams app manifest', () => {
  it('filled from the environment, validates against the official schema of the version it declares', () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.29');
    expect(checkManifest(manifest)).toEqual([]);
    expect(manifest).toMatchObject({
      id: SETTINGS_ENV.TEAMS_APP_ID,
      version: '0.1.0',
      bots: [{ botId: SETTINGS_ENV.MicrosoftAppId, scopes: ['personal', 'team', 'groupChat'], supportsFiles: false, isNotificationOnly: false }],
      staticTabs: expect.arrayContaining([
        expect.objectContaining({ name: 'Programme', contentUrl: 'https://dsg-bot.council.example/tab', websiteUrl: 'https://dsg-bot.council.example/tab', scopes: ['personal'] }),
      ]),
      configurableTabs: [expect.objectContaining({ configurationUrl: 'https://dsg-bot.council.example/tab/config', scopes: ['team'] })],
      validDomains: ['dsg-bot.council.example'],
      composeExtensions: [
        {
          botId: SETTINGS_ENV.MicrosoftAppId,
          commands: [
            expect.objectContaining({ id: RAISE_COMMAND, type: 'action', context: ['message'], fetchTask: true }),
            expect.objectContaining({ id: FIND_COMMAND, type: 'query', parameters: [expect.objectContaining({ name: 'searchText' })] }),
          ],
          messageHandlers: [{ type: 'link', value: { domains: ['dsg-bot.council.example'] } }],
        },
      ],
    });
    // No placeholder left (a nested object's end, `}}`, is not one: the link handler's domains are nested so).
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{|\{\{[A-Z_]+\}\}/);
  });

  it('names the Azure AD app for tab sign-in only when SSO_APP_ID is set', () => {
    expect(filled()).not.toHaveProperty('webApplicationInfo');
    const manifest = filled({ ...SETTINGS_ENV, SSO_APP_ID });
    expect(manifest.webApplicationInfo).toEqual({ id: SSO_APP_ID, resource: `api://dsg-bot.council.example/${SSO_APP_ID}` });
    expect(checkManifest(manifest)).toEqual([]);
    // The same application id URI the bot checks tokens against when SSO_APP_ID_URI names another one.
    const uri = `api://sso.council.example/${SSO_APP_ID}`;
    expect(filled({ ...SETTINGS_ENV, SSO_APP_ID, SSO_APP_ID_URI: uri }).webApplicationInfo).toEqual({ id: SSO_APP_ID, resource: uri });
  });

  it('is committed as a template: placeholders, no tenant-specific ids', () => {
    for (const placeholder of ['${{BOT_ID}}', '${{TEAMS_APP_ID}}', '${{BOT_DOMAIN}}', '${{APP_VERSION}}']) expect(TEMPLATE).toContain(placeholder);
    expect(TEMPLATE).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect(TEMPLATE).not.toContain('webApplicationInfo');
  });

  it('the checks catch what Teams would refuse', () => {
    const manifest = filled();
    const bot = (manifest.bots as { botId?: string; commandLists: { commands: { title: string; description: string }[] }[] }[])[0];
    delete bot.botId;
    bot.commandLists[0].commands = Array.from({ length: 11 }, (_, i) => ({ title: `command number ${i} with a long title`, description: 'x'.repeat(129) }));
    const problems = checkManifest(manifest);
    expect(problems).toContain("manifest /bots/0 must have required property 'botId'");
    expect(problems).toContain('the personal command list has 11 commands; Teams shows at most 10.');
    expect(problems).toContain('the personal command list: the title "command number 10 with a long title" is longer than 32 characters.');
    expect(problems).toContain('the personal command list: the description of "command number 0 with a long title" is longer than 128 characters.');
    expect(checkManifest({ ...filled(), manifestVersion: '1.99' })).toEqual([
      'manifest/manifest.json declares manifestVersion "1.99", but manifest/schema/v1.99/MicrosoftTeams.schema.json is not there (see manifest/schema/SOURCE.md).',
    ]);
    expect(checkManifest({ ...filled(), accentColor: 'teal', $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.28/MicrosoftTeams.schema.json' })).toEqual([
      'manifest/manifest.json: $schema does not name version 1.29, the manifestVersion.',
      'manifest /accentColor must match pattern "^#[0-9a-fA-F]{6}$"',
    ]);
  });

  it('refuses a placeholder it does not know', () => {
    expect(refusal(() => fillManifest('{"id": "${{TEAM_APP_ID}}"}', readSettings(SETTINGS_ENV, '0.1.0')))).toEqual([
      'manifest/manifest.json has a placeholder ${{TEAM_APP_ID}} that npm run package does not know.',
    ]);
  });
});

describe('the settings', () => {
  it('names each missing variable', () => {
    expect(refusal(() => readSettings({}, '0.1.0'))).toEqual([
      expect.stringMatching(/^MicrosoftAppId is missing/),
      expect.stringMatching(/^TEAMS_APP_ID is missing/),
      expect.stringMatching(/^PUBLIC_URL is missing/),
    ]);
  });

  it.each([
    [{ MicrosoftAppId: 'my-bot' }, /^MicrosoftAppId is "my-bot", which is not a GUID/],
    [{ TEAMS_APP_ID: '{aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee}' }, /^TEAMS_APP_ID is .* not a GUID/],
    [{ PUBLIC_URL: 'http://dsg-bot.council.example' }, /^PUBLIC_URL is "http:\/\/dsg-bot.council.example", which is not an https:\/\/ address/],
    [{ PUBLIC_URL: 'dsg-bot.council.example' }, /^PUBLIC_URL is .* not an https:\/\/ address/],
    [{ PUBLIC_URL: 'https://dsg-bot.council.example:8443' }, /^PUBLIC_URL must be just https:\/\/ and a host name/],
    [{ PUBLIC_URL: 'https://council.example/dsg-bot' }, /^PUBLIC_URL must be just https:\/\/ and a host name/],
    [{ APP_VERSION: '1.2' }, /^APP_VERSION is "1.2"; Teams needs three numbers/],
    [{ SSO_APP_ID: 'api://dsg-bot' }, /^SSO_APP_ID is "api:\/\/dsg-bot", which is not a GUID/],
  ])('refuses %j', (wrong, message) => {
    expect(refusal(() => readSettings({ ...SETTINGS_ENV, ...wrong }, '0.1.0'))).toEqual([expect.stringMatching(message)]);
  });

  it('takes the version from package.json unless APP_VERSION is set, and the host from PUBLIC_URL', () => {
    expect(readSettings({ ...SETTINGS_ENV, PUBLIC_URL: 'https://DSG-Bot.Council.Example/' }, '0.1.0').placeholders).toMatchObject({ APP_VERSION: '0.1.0', BOT_DOMAIN: 'dsg-bot.council.example' });
    expect(readSettings({ ...SETTINGS_ENV, APP_VERSION: '2.3.14' }, '0.1.0').placeholders.APP_VERSION).toBe('2.3.14');
  });
});

describe('the command menus', () => {
  const lists = commandListsOf(filled());

  it('one list for each scope the bot is in', () => {
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
  });

  it('come from the command table, in the package and in the template the Agents Toolkit packages', () => {
    expect(lists).toEqual(commandMenus());
    // If this fails, the table changed: run `npm run package -- --menus` to write the template's menus again.
    expect(withMenus(TEMPLATE)).toBe(TEMPLATE);
    expect(commandListsOf(JSON.parse(TEMPLATE) as Record<string, unknown>)).toEqual(commandMenus());
    const menuVerbs = new Set(lists.flatMap((l) => l.commands.map((c) => parseCommand(c.title)?.verb)));
    expect(COMMANDS.filter((c) => c.menu).map((c) => c.verb).every((v) => menuVerbs.has(v))).toBe(true);
  });

  it.each(lists.flatMap((l) => l.commands.map((c) => [l.scopes[0], c.title] as const)))('%s: "%s" is a command the bot handles', (_scope, title) => {
    const command = parseCommand(title);
    expect(command).not.toBeNull();
    expect(VERBS.has(command?.verb ?? '')).toBe(true);
  });

  it('offers "setup dsg" only in channels, where it works', () => {
    expect(lists.filter((l) => l.commands.some((c) => c.title === 'setup dsg')).map((l) => l.scopes)).toEqual([['team']]);
  });

  it('every command has a description and no list repeats a command', () => {
    for (const list of lists) {
      expect(list.commands.every((c) => (c.description ?? '').length > 0)).toBe(true);
      expect(new Set(list.commands.map((c) => parseCommand(c.title)?.verb)).size).toBe(list.commands.length);
    }
  });
});
