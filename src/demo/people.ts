/**
 * The people of the demo Digital Programme: everyone is fictional and named by role, never by a real name.
 * The Playground's mock users keep their ids (so the Playground's default user, Council Officer, sees
 * "my requests"); the others are invented with stable ids and GUIDs of their own.
 */
import type { StrandId } from '../domain/catalogue';
import type { PersonRef } from '../domain/settings';
import { MOCK_USERS, type MockUser } from '../playground/mock-tenant';

export interface DemoPerson {
  name: string;
  /** Teams user id (`29:...`). */
  id: string;
  aadObjectId: string;
}

const mock = (u: MockUser): DemoPerson => ({ name: u.name, id: u.id, aadObjectId: u.aadObjectId });
const invented = (name: string, slug: string, aadObjectId: string): DemoPerson => ({ name, id: `29:demo-${slug}`, aadObjectId });

export const DEMO_PEOPLE = {
  // The Playground's mock tenant.
  councilOfficer: mock(MOCK_USERS.councilOfficer),
  dsgChair: mock(MOCK_USERS.dsgChair),
  dsgAdmin: mock(MOCK_USERS.dsgAdmin),
  leaderCustomers: mock(MOCK_USERS.digitalLeaderCustomers),
  leaderLearning: mock(MOCK_USERS.digitalLeaderLearning),
  leadLearning2: mock(MOCK_USERS.projectLeadLearning2),
  managerLearning2: mock(MOCK_USERS.projectManagerLearning2),

  // Digital Leaders of the other strands.
  leaderEstates: invented('Digital Leader (Estates)', 'digital-leader-estates', '13c01caa-ca33-4a7c-a12c-4da87044e56a'),
  leaderBusiness: invented('Digital Leader (Business Services)', 'digital-leader-business-services', '60f9324f-57b4-45f8-926b-ba6fef281c76'),
  leaderEmployees: invented('Digital Leader (Employees)', 'digital-leader-employees', '179e0f31-826f-482f-a1af-06ac58aa41b5'),
  leaderScotland: invented('Digital Leader (Scotland)', 'digital-leader-scotland', '0a12776c-324c-4a92-ab07-fff95e41f1f5'),
  leaderCompliance: invented('Digital Leader (Compliance)', 'digital-leader-compliance', '6bf357ac-a31d-480c-9b9a-2e05f1ac2a11'),

  // Project Leads and Project Managers.
  leadCustomers1: invented('Project Lead (Customers) 1', 'project-lead-customers-1', 'c1a14677-77d1-4d6d-b801-3100185085c2'),
  managerCustomers1: invented('Project Manager (Customers) 1', 'project-manager-customers-1', 'f261ccb9-2faa-4bfa-8f3b-4052773a5366'),
  leadEstates1: invented('Project Lead (Estates) 1', 'project-lead-estates-1', '4670b502-04bd-450a-8fb5-8773d66dba12'),
  managerEstates2: invented('Project Manager (Estates) 2', 'project-manager-estates-2', '54e959f9-af69-47a2-b8ae-c2663607a023'),
  leadBusiness1: invented('Project Lead (Business Services) 1', 'project-lead-business-services-1', '1c7700a0-653e-4b5d-8623-f24a6f97a31d'),
  managerBusiness1: invented('Project Manager (Business Services) 1', 'project-manager-business-services-1', 'ae3d739a-5c37-475a-8fa0-4acbf32ebd78'),
  leadEmployees1: invented('Project Lead (Employees) 1', 'project-lead-employees-1', '189eb9e5-9c41-4af2-897b-48c6def8e136'),
  managerEmployees2: invented('Project Manager (Employees) 2', 'project-manager-employees-2', 'ca207e87-6f7c-4d60-a24c-5900e78c4fb8'),
  leadScotland1: invented('Project Lead (Scotland) 1', 'project-lead-scotland-1', 'd2289f8b-6a4f-493f-a72e-b9a643fc8f70'),
  managerScotland1: invented('Project Manager (Scotland) 1', 'project-manager-scotland-1', 'faea5187-16cf-4582-8065-16c58b04632a'),
  leadCompliance1: invented('Project Lead (Compliance) 1', 'project-lead-compliance-1', 'f1f52b5c-1944-43ba-bd71-e75681beea61'),
  managerCompliance3: invented('Project Manager (Compliance) 3', 'project-manager-compliance-3', 'a85f28c0-fb13-4ac8-9740-518918a9a537'),

  // Staff who submit requests, besides Council Officer.
  wasteOfficer: invented('Waste Officer', 'waste-officer', '0d5a26e5-338e-406f-b22d-8e2820d2591a'),
  revenuesOfficer: invented('Revenues Officer', 'revenues-officer', '1d18dbb4-a4c0-4753-8cd2-0cc258bd1cd8'),
  estatesOfficer: invented('Estates Officer', 'estates-officer', '4ce2293f-9a4f-4855-9909-ad930520d2b1'),
  schoolsOfficer: invented('Schools Officer', 'schools-officer', '24d92220-5353-4bd7-b893-7251c7009c1f'),
  libraryOfficer: invented('Library Officer', 'library-officer', 'c2327206-b21b-4104-a58c-52923bc360a2'),
  planningOfficer: invented('Planning Officer', 'planning-officer', 'c33c1491-1f35-4395-bee8-6888310066cf'),
  payrollOfficer: invented('Payroll Officer', 'payroll-officer', '831fdd91-feda-4e9f-8ec9-4e24b13c36d7'),
  recordsOfficer: invented('Records Officer', 'records-officer', '68063efa-553f-4161-be66-3e0a24cd1902'),
} as const satisfies Record<string, DemoPerson>;

export type Who = keyof typeof DEMO_PEOPLE;

/** Who owns each strand in the demo: its Digital Leader and the usual Project Lead and Project Manager. */
export const STRAND_TEAMS: Record<StrandId, { leader: Who; lead: Who; manager: Who }> = {
  customers: { leader: 'leaderCustomers', lead: 'leadCustomers1', manager: 'managerCustomers1' },
  estates: { leader: 'leaderEstates', lead: 'leadEstates1', manager: 'managerEstates2' },
  learning: { leader: 'leaderLearning', lead: 'leadLearning2', manager: 'managerLearning2' },
  'business-services': { leader: 'leaderBusiness', lead: 'leadBusiness1', manager: 'managerBusiness1' },
  employees: { leader: 'leaderEmployees', lead: 'leadEmployees1', manager: 'managerEmployees2' },
  scotland: { leader: 'leaderScotland', lead: 'leadScotland1', manager: 'managerScotland1' },
  compliance: { leader: 'leaderCompliance', lead: 'leadCompliance1', manager: 'managerCompliance3' },
};

/** The demo DSG's Minute Taker, a DSG member by role: the Digital Leader (Learning). */
export const DEMO_MINUTE_TAKER: Who = 'leaderLearning';

export const personRef = (who: Who): PersonRef => ({ aadObjectId: DEMO_PEOPLE[who].aadObjectId, name: DEMO_PEOPLE[who].name });
