import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MOCK_TENANT, MOCK_USERS, type MockUser } from '../../src/playground/mock-tenant';
import { parseYamlSubset } from './tiny-yaml';

const YML = path.join(__dirname, '..', '..', '.m365agentsplayground.yml');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A user as the Playground's config schema spells it ("userPrincipleName" sic). */
const asYmlUser = (user: MockUser) => ({
  id: user.id,
  name: user.name,
  userPrincipleName: user.email,
  aadObjectId: user.aadObjectId,
  givenName: user.givenName,
  surname: user.surname,
  email: user.email,
});

describe('mock tenant', () => {
  it('matches .m365agentsplayground.yml exactly', () => {
    const { tenantId, bot, currentUser, users, personalChat, groupChat, team } = MOCK_TENANT;
    expect(parseYamlSubset(readFileSync(YML, 'utf8'))).toEqual({
      version: '0.1.1',
      tenantId,
      bot: { id: bot.id, name: bot.name },
      currentUser: asYmlUser(currentUser),
      users: users.map(asYmlUser),
      personalChat: { id: personalChat.id },
      groupChat: { id: groupChat.id, name: groupChat.name },
      team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId, channels: [{ ...team.decisions }] },
    });
  });

  it('keeps within what the Playground accepts', () => {
    expect(MOCK_TENANT.users).toHaveLength(5); // its schema: minItems 5, maxItems 5
    expect(MOCK_TENANT.bot.name.length).toBeLessThanOrEqual(42);
    expect(MOCK_TENANT.team.general.id).toBe(MOCK_TENANT.team.id);
  });

  it('gives every person a distinct Teams id and AAD object id, named by role', () => {
    const people = Object.values(MOCK_USERS);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.aadObjectId)).size).toBe(people.length);
    for (const person of people) {
      expect(person.id).toMatch(/^29:/);
      expect(person.aadObjectId).toMatch(GUID);
    }
    expect(people.map((p) => p.name)).toEqual([
      'Council Officer',
      'DSG Chair',
      'Digital Leader (Customers)',
      'Digital Leader (Learning)',
      'Project Lead (Learning) 2',
      'Project Manager (Learning) 2',
      'DSG Admin',
    ]);
    for (const id of [MOCK_TENANT.tenantId, MOCK_TENANT.bot.appId, MOCK_TENANT.team.aadGroupId]) expect(id).toMatch(GUID);
  });
});
