import type { Project } from '../../src/domain/project';

/** A newly approved project for the request `reference` (insert that request first); override what the test cares about. */
export function sampleProject(reference: string, overrides: Partial<Project> = {}): Project {
  return {
    reference,
    priority: 'high',
    isPriority: true,
    digitalLeader: { aadObjectId: 'aad-leader', name: 'Dana Leader' },
    projectLead: null,
    projectManager: null,
    businessCase: { status: 'drafting', link: 'https://council.sharepoint.example/business-case.docx', date: null },
    planLink: null,
    resourcing: { confirmed: false, note: 'Waiting for ICT capacity' },
    dpia: 'not-started',
    plannedBenefits: { annualCash: 12000, nonCash: 'Fewer phone calls to the leisure centre' },
    realisedBenefits: [],
    milestones: [],
    measures: [],
    approvedAt: '2026-12-03T10:00:00.000Z',
    version: 1,
    updatedAt: '2026-12-03T10:00:00.000Z',
    ...overrides,
  };
}
