import { type Solution, validateSolution } from '../../src/domain/solutions';

/** A catalogue entry as typed into the form (or a CSV row): the council's hall and room booking system. */
export const SOLUTION_FORM = {
  name: 'Community hall and room booking',
  whatItDoes: 'Residents and groups book council halls, rooms and pitches online and pay when they book.',
  owningService: 'Customer Services',
  strands: 'customers, Digital Estates',
  keywords: 'Booking, halls, rooms, booking',
  sharedWithPartners: 'false',
  contractEnds: '2027-03-31',
  link: 'https://intranet.council.example/bookings',
};

/** A valid stored entry made from SOLUTION_FORM; override what the test cares about. */
export function sampleSolution(over: Partial<Solution> = {}): Solution {
  const result = validateSolution(SOLUTION_FORM);
  if (!result.ok) throw new Error('sample is not valid');
  return { id: 's-1', ...result.details, retired: false, version: 1, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', ...over };
}
