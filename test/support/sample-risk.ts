import type { RiskEntry } from '../../src/domain/risks';

/** A risk on DP-2026-0007 scoring 20, owned by the Project Lead, due for review on 8 Jan 2027. */
export const sampleRisk = (overrides: Partial<RiskEntry> = {}): RiskEntry => ({
  id: 'risk-1',
  reference: 'DP-2026-0007',
  kind: 'risk',
  description: 'The supplier may not deliver the booking module in time',
  likelihood: 4,
  impact: 5,
  owner: { aadObjectId: 'aad-lead', name: 'Lee Lead' },
  mitigation: 'Weekly calls with the supplier',
  reviewDate: '2027-01-08',
  status: 'open',
  version: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  createdBy: 'Lee Lead',
  updatedAt: '2026-12-01T10:00:00.000Z',
  lastChange: { what: 'added', by: 'Lee Lead', at: '2026-12-01T10:00:00.000Z' },
  ...overrides,
});
