/**
 * MicrosoftAppType=UserAssignedMSI, as infra/azure.bicep sets it on App Service: the bot signs in as its
 * user-assigned managed identity (MicrosoftAppId = the identity's client id), with no password anywhere.
 */
import { ManagedIdentityAppCredentials, ManagedIdentityServiceClientCredentialsFactory, PasswordServiceClientCredentialFactory } from 'botframework-connector';
import { ConfigError, loadConfig } from '../../src/config';
import { credentialsFactory } from '../../src/teams/endpoint';

const CLIENT_ID = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const TENANT_ID = '11111111-2222-4333-8444-555555555555';
const MSI = { MicrosoftAppId: CLIENT_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID, PUBLIC_URL: 'https://dsg-bot.council.example', HOST: '0.0.0.0' };

/** The SDK's factory keeps the one it chose for the app type in `inner`. */
const innerOf = (factory: object): unknown => (factory as { inner: unknown }).inner;

describe('MicrosoftAppType=UserAssignedMSI', () => {
  it('is accepted without a password, with the identity as the bot and its tenant as the only one allowed', () => {
    const config = loadConfig(MSI);
    expect(config.bot).toEqual({ appId: CLIENT_ID, appPassword: '', appType: 'UserAssignedMSI', appTenantId: TENANT_ID });
    expect(config.allowedTenantIds).toEqual([TENANT_ID]);
  });

  it('builds the SDK’s managed identity credential factory', async () => {
    const factory = credentialsFactory(loadConfig(MSI));
    expect(innerOf(factory)).toBeInstanceOf(ManagedIdentityServiceClientCredentialsFactory);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
    expect(await factory.isValidAppId(CLIENT_ID)).toBe(true);
    expect(await factory.isValidAppId('someone-else')).toBe(false);
    // Made without a network call: a token is asked of the App Service identity endpoint only when a message is sent.
    const credentials = await factory.createCredentials(CLIENT_ID, 'https://api.botframework.com', 'https://login.microsoftonline.com/' + TENANT_ID, true);
    expect(credentials).toBeInstanceOf(ManagedIdentityAppCredentials);
    expect((credentials as ManagedIdentityAppCredentials).appId).toBe(CLIENT_ID);
  });

  it('still builds the password factory for a client secret, and none in local mode', async () => {
    const secret = credentialsFactory(loadConfig({ ...MSI, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'a-client-secret' }));
    expect(innerOf(secret)).toBeInstanceOf(PasswordServiceClientCredentialFactory);
    expect(await credentialsFactory(loadConfig({})).isAuthenticationDisabled()).toBe(true);
  });

  it('refuses a password, or a missing tenant, naming the variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ ...MSI, MicrosoftAppPassword: 'not-for-msi' })).toEqual([expect.stringMatching(/^MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI/)]);
    expect(problems({ ...MSI, MicrosoftAppTenantId: '' })).toEqual(['MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.']);
  });
});
