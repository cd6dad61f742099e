import { ConfigError, isLoopback, loadConfig } from '../src/config';

describe('configuration', () => {
  it('defaults to local mode on loopback with SQLite', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3978, host: '127.0.0.1', bot: null, databaseUrl: null, sqlitePath: './data/dsg-bot.sqlite', playground: { enabled: true, port: 56150 } });
  });

  it('refuses to listen beyond loopback without credentials, and says why', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/not authenticated.*loopback/);
  });

  it('listens anywhere with credentials and turns the Playground off', () => {
    const c = loadConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', PUBLIC_URL: 'https://dsg-bot.council.example' });
    expect(c.bot).toMatchObject({ appId: 'app', appType: 'MultiTenant' });
    expect(c.playground.enabled).toBe(false);
  });

  it('names every wrong variable in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', PLAYGROUND: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'PLAYGROUND']) expect(problems).toContain(name);
    }
  });

  it('keeps the newest 14 backups in ./backups unless told otherwise, and refuses a keep below one', () => {
    expect(loadConfig({}).backups).toEqual({ dir: './backups', keep: 14 });
    expect(loadConfig({ BACKUP_DIR: '/var/backups/dsg', BACKUP_KEEP: '30' }).backups).toEqual({ dir: '/var/backups/dsg', keep: 30 });
    expect(() => loadConfig({ BACKUP_KEEP: '0' })).toThrow('BACKUP_KEEP must be at least 1');
    expect(() => loadConfig({ BACKUP_KEEP: 'weekly' })).toThrow('BACKUP_KEEP must be a whole number of backups');
  });

  it('needs the password and, for single tenant, the tenant id', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant' })).toThrow(/MicrosoftAppPassword[\s\S]*MicrosoftAppTenantId/);
    expect(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 's' })).toThrow(/PUBLIC_URL is required when MicrosoftAppId is set/);
  });

  it('needs https for PUBLIC_URL and SSO_JWKS_URL with credentials, and names each', () => {
    const creds = { MicrosoftAppId: 'app', MicrosoftAppPassword: 's' };
    expect(() => loadConfig({ ...creds, PUBLIC_URL: 'http://dsg-bot.council.example' })).toThrow(/PUBLIC_URL must be an https:\/\/ address when MicrosoftAppId is set/);
    expect(() => loadConfig({ ...creds, PUBLIC_URL: 'https://dsg-bot.council.example', SSO_JWKS_URL: 'http://keys.example/keys' })).toThrow(/SSO_JWKS_URL must be an https:\/\/ address when MicrosoftAppId is set/);
    expect(loadConfig({ ...creds, PUBLIC_URL: 'https://dsg-bot.council.example', SSO_APP_ID: '2f6b8c1d-4e5a-4f6b-8c7d-9e0f1a2b3c4d', SSO_JWKS_URL: 'https://keys.example/keys' }).sso?.jwksUrl).toBe('https://keys.example/keys');
  });

  it('limits each person to a burst of 10 presses, then 1 a second, unless told otherwise', () => {
    expect(loadConfig({}).pressLimit).toEqual({ burst: 10, perSecond: 1 });
    expect(loadConfig({ PRESS_LIMIT_BURST: '20', PRESS_LIMIT_PER_SECOND: '0.5' }).pressLimit).toEqual({ burst: 20, perSecond: 0.5 });
    expect(() => loadConfig({ PRESS_LIMIT_BURST: '0', PRESS_LIMIT_PER_SECOND: 'fast' })).toThrow(/PRESS_LIMIT_BURST must be at least 1[\s\S]*PRESS_LIMIT_PER_SECOND must be a number of presses a second/);
  });

  it('shows each person their own view of shared cards in Teams, not in local mode (the Playground cannot), unless USER_SPECIFIC_VIEWS says', () => {
    const teams = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', PUBLIC_URL: 'https://dsg-bot.council.example' };
    expect(loadConfig(teams).userSpecificViews).toBe(true);
    expect(loadConfig({ ...teams, USER_SPECIFIC_VIEWS: 'off' }).userSpecificViews).toBe(false);
    expect(loadConfig({}).userSpecificViews).toBe(false);
    expect(loadConfig({ USER_SPECIFIC_VIEWS: 'on' }).userSpecificViews).toBe(true);
    expect(() => loadConfig({ USER_SPECIFIC_VIEWS: 'yes' })).toThrow(/USER_SPECIFIC_VIEWS must be on or off/);
  });

  it('switches on every activity-feed alert by default; ACTIVITY_ALERTS lists those on, or none', () => {
    expect(loadConfig({}).activityAlerts).toEqual(['reminders', 'decisions', 'questions', 'assignments', 'health']);
    expect(loadConfig({ ACTIVITY_ALERTS: ' Reminders , questions,reminders' }).activityAlerts).toEqual(['reminders', 'questions']);
    expect(loadConfig({ ACTIVITY_ALERTS: 'none' }).activityAlerts).toEqual([]);
    expect(() => loadConfig({ ACTIVITY_ALERTS: 'reminders,digests,decision' })).toThrow('ACTIVITY_ALERTS does not know digests, decision: list the alerts to switch on from reminders, decisions, questions, assignments, health (comma-separated), or none');
  });

  it('splits the lists', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: ' a, b ,,', DSG_ADMIN_AAD_IDS: 'x' })).toMatchObject({ allowedTenantIds: ['a', 'b'], adminAadIds: ['x'] });
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['10.0.0.5', false],
    ['::', false],
  ])('isLoopback(%s) = %s', (host, expected) => expect(isLoopback(host)).toBe(expected));
});

describe('tenant allow-list with credentials', () => {
  it('defaults to the bot’s own tenant when one is configured', () => {
    const c = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'council-tenant', PUBLIC_URL: 'https://dsg-bot.council.example' });
    expect(c.allowedTenantIds).toEqual(['council-tenant']);
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppTenantId: 'council-tenant', ALLOWED_TENANT_IDS: 'a,b', PUBLIC_URL: 'https://dsg-bot.council.example' }).allowedTenantIds).toEqual(['a', 'b']);
    expect(loadConfig({}).allowedTenantIds).toEqual([]);
  });
});

describe('Programme tab sign-in (Teams SSO)', () => {
  const appId = '2f6b8c1d-4e5a-4f6b-8c7d-9e0f1a2b3c4d';

  it('is off without SSO_APP_ID', () => {
    expect(loadConfig({}).sso).toBeNull();
  });

  it('takes the app id URI from PUBLIC_URL’s host and Entra ID’s key set by default', () => {
    expect(loadConfig({ SSO_APP_ID: appId, PUBLIC_URL: 'https://dsg-bot.council.example/' }).sso).toEqual({
      appId,
      appIdUri: `api://dsg-bot.council.example/${appId}`,
      jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    });
    expect(loadConfig({ SSO_APP_ID: appId }).sso?.appIdUri).toBeNull();
    expect(loadConfig({ SSO_APP_ID: appId, SSO_APP_ID_URI: 'api://other/x', PUBLIC_URL: 'https://a.example', SSO_JWKS_URL: 'http://127.0.0.1:9/keys' }).sso).toMatchObject({ appIdUri: 'api://other/x', jwksUrl: 'http://127.0.0.1:9/keys' });
  });

  it('names each wrong sign-in setting', () => {
    expect(() => loadConfig({ SSO_APP_ID: 'my-app', SSO_APP_ID_URI: 'https://x', SSO_JWKS_URL: 'keys.json', PUBLIC_URL: 'dsg-bot.example' })).toThrow(
      /SSO_APP_ID must be[\s\S]*SSO_APP_ID_URI must be[\s\S]*SSO_JWKS_URL must be/,
    );
    expect(() => loadConfig({ PUBLIC_URL: 'dsg-bot.example' })).toThrow(/PUBLIC_URL must be the address people reach the bot at/);
  });
});
