import { randomUUID } from 'node:crypto';
import { formatReference, type ProjectRequest, type RequestDetails } from '../../src/domain/request';

/** Valid request details (as `validateRequestForm` would produce them); override what the test cares about. */
function sampleDetails(overrides: Partial<RequestDetails> = {}): RequestDetails {
  return {
    title: 'Online booking for sports halls',
    problem: 'Residents phone the leisure centre to book a sports hall, and bookings are kept in a paper diary.',
    outcome: 'Residents book and pay for a hall online at any time.',
    beneficiaries: ['citizens'],
    strand: 'customers',
    principles: ['customer-focused', 'collaboration-value'],
    principlesHow: 'Self-service for residents; re-uses the payments platform.',
    reuseSolution: null,
    reuseChecked: 'The library room-booking system and the Scottish Government booking framework.',
    route: 'reuse',
    routeJustification: null,
    personalData: true,
    oneOffCost: 25000,
    annualBenefit: 12000,
    desiredStart: '2027-01-14',
    ...overrides,
  };
}

let sequence = 0;

/**
 * A stored-shape request with fresh ids. The default reference is unique within the test run
 * (DP-2026-5001, 5002, ...); tests that allocate references with `nextReference` should pass theirs.
 */
export function sampleRequest(overrides: Partial<ProjectRequest> = {}): ProjectRequest {
  sequence += 1;
  return {
    ...sampleDetails(),
    id: randomUUID(),
    reference: formatReference(2026, 5000 + sequence),
    status: 'submitted',
    version: 1,
    requesterId: '29:requester-1',
    requesterName: 'Alex Requester',
    formId: `form-${randomUUID()}`,
    createdAt: '2026-11-27T09:30:00.000Z',
    updatedAt: '2026-11-27T09:30:00.000Z',
    ...overrides,
  };
}
