/**
 * The mock council tenant the Microsoft 365 Agents Playground plays, mirrored from
 * `.m365agentsplayground.yml` at the project root (test/playground/mock-tenant.test.ts keeps the two in step).
 * Everyone is fictional and named by role. Tests use these ids so they read like the Playground.
 */

export interface MockUser {
  /** Display name, as Teams sends it in `from.name`. */
  name: string;
  /** Teams user id (`29:...`), as in `from.id`. */
  id: string;
  aadObjectId: string;
  /** Also the user principal name. */
  email: string;
  givenName: string;
  surname: string;
}

function mockUser(name: string, slug: string, aadObjectId: string): MockUser {
  const email = `${slug.replace(/-/g, '.')}@dsg-council.example`;
  return { name, id: `29:mock-${slug}`, aadObjectId, email, givenName: name, surname: 'Mock' };
}

export const MOCK_USERS = {
  councilOfficer: mockUser('Council Officer', 'council-officer', '1b33ebef-1b71-417d-b920-a3a1ab5624f9'),
  dsgChair: mockUser('DSG Chair', 'dsg-chair', '3a24d6bd-09af-4e1b-83fd-b2dd143dddf9'),
  digitalLeaderCustomers: mockUser('Digital Leader (Customers)', 'digital-leader-customers', '674878eb-737f-49be-a3c1-2340bb224d80'),
  digitalLeaderLearning: mockUser('Digital Leader (Learning)', 'digital-leader-learning', '8d3a3c8a-a967-4737-9f86-b9fbb0f9ce29'),
  projectLeadLearning2: mockUser('Project Lead (Learning) 2', 'project-lead-learning-2', '615be35e-a237-4917-b45c-ca80dcedf29e'),
  /** Not in the Playground (its config takes exactly 5 users besides the current one): e2e tests only. */
  projectManagerLearning2: mockUser('Project Manager (Learning) 2', 'project-manager-learning-2', '84de70a6-fadb-49d1-bfc0-fd980deed002'),
  dsgAdmin: mockUser('DSG Admin', 'dsg-admin', '030782ec-289d-4cd4-b205-87beed94bcb7'),
} as const satisfies Record<string, MockUser>;

const BOT_APP_ID = 'a0502c26-9c36-49da-b778-bcb087976a53';
/** The team id is also its General channel's conversation id, as in Teams. */
const TEAM_ID = '19:mock-dsg-general@thread.tacv2';

export const MOCK_TENANT = {
  tenantId: '37dae6a3-77d1-49fc-a26d-f896dae51839',
  bot: { appId: BOT_APP_ID, id: `28:${BOT_APP_ID}`, name: 'DSG Bot' },
  /** Who chats in the Playground. */
  currentUser: MOCK_USERS.councilOfficer,
  /** The Playground's other users, in the yml's order (exactly 5). */
  users: [
    MOCK_USERS.dsgChair,
    MOCK_USERS.digitalLeaderCustomers,
    MOCK_USERS.digitalLeaderLearning,
    MOCK_USERS.projectLeadLearning2,
    MOCK_USERS.dsgAdmin,
  ],
  personalChat: { id: 'a:mock-personal-chat-council-officer' },
  groupChat: { id: '19:mock-dsg-group-chat@thread.v2', name: 'DSG Group Chat' },
  team: {
    id: TEAM_ID,
    name: 'Digital Strategy Group',
    aadGroupId: 'ae126121-36bc-495a-a101-7e9f0ca851ff',
    general: { id: TEAM_ID, name: 'General' },
    decisions: { id: '19:mock-dsg-decisions@thread.tacv2', name: 'DSG Decisions' },
  },
} as const;
