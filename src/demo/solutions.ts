import { addMonths, type Solution, type SolutionDetails } from '../domain/solutions';

/**
 * The demo re-use catalogue: fifteen solutions the council already has or shares, each owned by a service. Dates
 * are relative to the seeding day: one contract ends within six months (the hall and room booking system, so the
 * procurement reminder has something to say) and one has ended. "Online booking for community halls" typed as a
 * new request finds the booking system; the demo request "Online booking for bulky uplifts" finds the waste
 * bookings service.
 */
type DemoEntry = Omit<SolutionDetails, 'contractEnds'> & { contractMonths: number | null };

const ENTRIES: readonly DemoEntry[] = [
  { name: 'Community hall and room booking', whatItDoes: 'Residents and community groups book and pay for council halls, rooms and pitches online.', owningService: 'Customer Services', strands: ['customers', 'estates'], keywords: ['booking', 'halls', 'rooms', 'venues', 'community'], sharedWithPartners: false, sharedWith: null, contractMonths: 4, link: 'https://intranet.council.example/solutions/room-booking' },
  { name: 'Waste and recycling bookings', whatItDoes: 'Residents book bulky uplifts and special collections online and pay by card.', owningService: 'Waste Services', strands: ['customers'], keywords: ['bulky', 'uplift', 'waste', 'collection', 'booking'], sharedWithPartners: false, sharedWith: null, contractMonths: 30, link: 'https://intranet.council.example/solutions/waste-bookings' },
  { name: 'Online payments platform', whatItDoes: 'Takes card payments online and by phone for any council service, with refunds and reconciliation.', owningService: 'Finance', strands: ['customers', 'business-services'], keywords: ['payments', 'card', 'pay', 'income'], sharedWithPartners: false, sharedWith: null, contractMonths: 22, link: 'https://intranet.council.example/solutions/payments' },
  { name: 'MyAccount (national citizen sign-in)', whatItDoes: 'One secure sign-in for residents across council and Scottish public services.', owningService: 'Customer Services', strands: ['customers', 'scotland'], keywords: ['sign-in', 'identity', 'account', 'login'], sharedWithPartners: true, sharedWith: 'Scottish public sector (national service)', contractMonths: null, link: 'https://www.mygov.scot/myaccount' },
  { name: 'Customer relationship management (CRM)', whatItDoes: 'Records residents’ enquiries, requests and complaints and routes them to the right service.', owningService: 'Customer Services', strands: ['customers'], keywords: ['crm', 'enquiries', 'complaints', 'cases', 'requests'], sharedWithPartners: false, sharedWith: null, contractMonths: 40, link: 'https://intranet.council.example/solutions/crm' },
  { name: 'Online forms builder', whatItDoes: 'Services build their own online forms that feed the CRM, without code.', owningService: 'Digital Services', strands: ['customers', 'business-services'], keywords: ['forms', 'e-forms', 'applications'], sharedWithPartners: false, sharedWith: null, contractMonths: 18, link: 'https://intranet.council.example/solutions/forms' },
  { name: 'Schools wireless network', whatItDoes: 'Wi-Fi in every school classroom, managed centrally.', owningService: 'Education ICT', strands: ['learning'], keywords: ['wifi', 'wireless', 'schools', 'network'], sharedWithPartners: false, sharedWith: null, contractMonths: 26, link: 'https://intranet.council.example/solutions/schools-wifi' },
  { name: 'Glow (national schools intranet)', whatItDoes: 'The national digital learning environment for pupils and teachers.', owningService: 'Education ICT', strands: ['learning', 'scotland'], keywords: ['glow', 'learning', 'pupils', 'teachers'], sharedWithPartners: true, sharedWith: 'Education Scotland (national service)', contractMonths: null, link: 'https://glow.rmunify.com' },
  { name: 'Asset and property register', whatItDoes: 'Holds the council’s buildings, land and their condition surveys, with maintenance jobs.', owningService: 'Property and Facilities', strands: ['estates'], keywords: ['assets', 'property', 'buildings', 'maintenance'], sharedWithPartners: false, sharedWith: null, contractMonths: 14, link: 'https://intranet.council.example/solutions/assets' },
  { name: 'Building energy monitoring', whatItDoes: 'Smart meters and a dashboard of energy use in council buildings.', owningService: 'Property and Facilities', strands: ['estates'], keywords: ['energy', 'meters', 'carbon', 'buildings'], sharedWithPartners: false, sharedWith: null, contractMonths: -1, link: 'https://intranet.council.example/solutions/energy' },
  { name: 'HR and payroll system', whatItDoes: 'Employee records, payroll, absence and expenses, with self-service for staff.', owningService: 'Human Resources', strands: ['employees', 'business-services'], keywords: ['payroll', 'hr', 'absence', 'expenses', 'self-service'], sharedWithPartners: false, sharedWith: null, contractMonths: 34, link: 'https://intranet.council.example/solutions/hr' },
  { name: 'Microsoft 365 and Teams', whatItDoes: 'Email, documents, chat and meetings for all staff, on any device.', owningService: 'Digital Services', strands: ['employees'], keywords: ['email', 'teams', 'office', 'collaboration'], sharedWithPartners: false, sharedWith: null, contractMonths: 28, link: 'https://intranet.council.example/solutions/m365' },
  { name: 'Electronic document and records management', whatItDoes: 'Keeps the council’s records with retention schedules and audit, as the Public Records Act asks.', owningService: 'Information Governance', strands: ['compliance'], keywords: ['records', 'documents', 'retention', 'edrms'], sharedWithPartners: false, sharedWith: null, contractMonths: 20, link: 'https://intranet.council.example/solutions/records' },
  { name: 'Shared GIS mapping service', whatItDoes: 'Maps and location data for planning, roads and environmental services.', owningService: 'Planning and Roads', strands: ['business-services', 'scotland'], keywords: ['maps', 'gis', 'location', 'planning'], sharedWithPartners: true, sharedWith: 'The neighbouring councils (shared service agreement)', contractMonths: 16, link: 'https://intranet.council.example/solutions/gis' },
  { name: 'Scottish Wide Area Network (SWAN)', whatItDoes: 'The shared public sector network connecting council sites, schools and partners.', owningService: 'Digital Services', strands: ['scotland', 'estates'], keywords: ['network', 'swan', 'connectivity'], sharedWithPartners: true, sharedWith: 'Scottish public sector bodies', contractMonths: 44, link: 'https://www.gov.scot/policies/digital/swan' },
];

/** A demo entry by its name (the demo's requests point at them). */
export function demoSolution(name: string): Pick<Solution, 'name' | 'owningService' | 'link'> {
  const entry = ENTRIES.find((e) => e.name === name);
  if (!entry) throw new Error(`No demo catalogue entry is called ${name}`);
  return entry;
}

/** The demo entries as stored on `today` (yyyy-mm-dd), created `at`. */
export function demoSolutions(today: string, at: string, newId: () => string): Solution[] {
  return ENTRIES.map(({ contractMonths, ...entry }) => ({
    id: newId(),
    ...entry,
    contractEnds: contractMonths === null ? null : addMonths(today, contractMonths),
    retired: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
}
