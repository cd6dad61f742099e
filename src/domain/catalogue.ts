/** The fixed vocabularies of the council's Digital Strategy (2016-2021). */

export const STRANDS = [
  { id: 'customers', name: 'Digital Customers' },
  { id: 'estates', name: 'Digital Estates' },
  { id: 'learning', name: 'Digital Learning' },
  { id: 'business-services', name: 'Digital Business Services' },
  { id: 'employees', name: 'Digital Employees' },
  { id: 'scotland', name: 'Digital Scotland' },
  { id: 'compliance', name: 'Digital Compliance' },
] as const;
export type StrandId = (typeof STRANDS)[number]['id'];
export const STRAND_IDS = STRANDS.map((s) => s.id) as [StrandId, ...StrandId[]];

export const PRINCIPLES = [
  { id: 'customer-focused', name: 'Customer/Citizen Focused' },
  { id: 'skilled-workforce', name: 'Skilled and Empowered Workforce' },
  { id: 'privacy-openness', name: 'Privacy and Openness' },
  { id: 'collaboration-value', name: 'Collaboration and Value for Money' },
] as const;
export type PrincipleId = (typeof PRINCIPLES)[number]['id'];
export const PRINCIPLE_IDS = PRINCIPLES.map((p) => p.id) as [PrincipleId, ...PrincipleId[]];

export const BENEFICIARIES = [
  { id: 'citizens', name: 'Citizens' },
  { id: 'businesses', name: 'Businesses' },
  { id: 'learners-educators', name: 'Learners and educators' },
  { id: 'employees', name: 'Council employees' },
] as const;
export type BeneficiaryId = (typeof BENEFICIARIES)[number]['id'];
export const BENEFICIARY_IDS = BENEFICIARIES.map((b) => b.id) as [BeneficiaryId, ...BeneficiaryId[]];

/** "Share and re-use before buying and only build as a final recourse": the order matters. */
export const ROUTES = [
  { id: 'reuse', name: 'Re-use an existing solution' },
  { id: 'share', name: 'Share with partners' },
  { id: 'buy', name: 'Buy' },
  { id: 'build', name: 'Build' },
] as const;
export type RouteId = (typeof ROUTES)[number]['id'];
export const ROUTE_IDS = ROUTES.map((r) => r.id) as [RouteId, ...RouteId[]];
/** Routes the strategy treats as a last resort: they need a written justification. */
export const ROUTES_NEEDING_JUSTIFICATION: readonly RouteId[] = ['buy', 'build'];

function nameOf(list: readonly { id: string; name: string }[], id: string): string {
  return list.find((x) => x.id === id)?.name ?? id;
}
export const strandName = (id: string): string => nameOf(STRANDS, id);
export const principleName = (id: string): string => nameOf(PRINCIPLES, id);
export const beneficiaryName = (id: string): string => nameOf(BENEFICIARIES, id);
export const routeName = (id: string): string => nameOf(ROUTES, id);

/** Role title of the person who owns a strand; the product never names people from the strategy. */
export const digitalLeaderTitle = (strand: string): string => `Digital Leader for ${strandName(strand)}`;
