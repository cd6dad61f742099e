import { SignInError } from '../../src/sso/sign-in';
import { createTokenValidator, type TokenValidatorOptions } from '../../src/sso/token-validator';
import { OTHER_TENANT_ID, startTokenIssuer, TEST_APP_ID_URI, TEST_SSO_APP_ID, TEST_TENANT_ID, type TokenIssuer } from '../support/token-issuer';

let issuer: TokenIssuer;
beforeAll(async () => {
  issuer = await startTokenIssuer();
});
afterAll(() => issuer.stop());

function validator(over: Partial<TokenValidatorOptions> = {}) {
  const warnings: string[] = [];
  const validate = createTokenValidator({ appId: TEST_SSO_APP_ID, appIdUri: null, jwksUrl: issuer.jwksUrl, allowedTenantIds: [TEST_TENANT_ID], log: { warn: (_o, msg) => warnings.push(msg) }, ...over });
  return { validate, warnings };
}

const fromOtherTenant = () => issuer.sign('oid-1', 'Outsider', { claims: { tid: OTHER_TENANT_ID, iss: `https://sts.windows.net/${OTHER_TENANT_ID}/` } });

describe('the Teams SSO token validator', () => {
  it('yields the AAD object id, name and tenant of a valid token', async () => {
    const { validate, warnings } = validator();
    await expect(validate(await issuer.sign('oid-1', 'Council Officer'))).resolves.toEqual({ aadObjectId: 'oid-1', name: 'Council Officer', tenantId: TEST_TENANT_ID });
    expect(warnings).toEqual([]);
  });

  it('accepts any tenant when the allow-list is empty, and warns about it once, when created', async () => {
    const { validate, warnings } = validator({ allowedTenantIds: [] });
    await expect(validate(await fromOtherTenant())).resolves.toMatchObject({ tenantId: OTHER_TENANT_ID });
    await expect(validate(await fromOtherTenant())).resolves.toMatchObject({ tenantId: OTHER_TENANT_ID });
    expect(warnings).toEqual([expect.stringMatching(/ALLOWED_TENANT_IDS is empty/)]);
    await expect(validator().validate(await fromOtherTenant())).rejects.toThrow(/not in this server’s allowed tenants/);
  });

  it('accepts the app id URI as audience only when it is configured', async () => {
    const token = await issuer.sign('oid-1', 'X', { claims: { aud: TEST_APP_ID_URI } });
    await expect(validator().validate(token)).rejects.toThrow(/wrong audience/);
    await expect(validator({ appIdUri: TEST_APP_ID_URI }).validate(token)).resolves.toMatchObject({ aadObjectId: 'oid-1' });
  });

  it('answers an empty name when the token has none', async () => {
    await expect(validator().validate(await issuer.sign('oid-1', 'X', { claims: { name: undefined } }))).resolves.toMatchObject({ name: '' });
  });

  it('refuses a token an app got for itself, or one without the access_as_user scope', async () => {
    const { validate } = validator();
    await expect(validate(await issuer.sign('oid-1', 'X', { claims: { scp: undefined } }))).rejects.toThrow(/not issued to a person for this app's access_as_user scope/);
    await expect(validate(await issuer.sign('oid-1', 'X', { claims: { scp: 'User.Read' } }))).rejects.toThrow(/access_as_user scope/);
    await expect(validate(await issuer.sign('oid-1', 'X', { claims: { idtyp: 'app' } }))).rejects.toThrow(/access_as_user scope/);
  });

  it('refuses with SignInError 401 a token not signed with RS256', async () => {
    const error = await validator().validate('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ status: 401 });
  });
});
