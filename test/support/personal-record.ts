import { sampleMeasure } from './sample-measure';
import type { Project } from '../../src/domain/project';
import type { ProjectRequest, RequestStatus } from '../../src/domain/request';

const person = (role: string) => ({ aadObjectId: `PERSONAL-aad-${role}`, name: `PERSONAL-name-${role}` });

/** A record with every personal or free-text field filled with a marker that must never be published. */
export function personalRecord(reference: string, status: RequestStatus, overrides: Partial<Project> = {}): { project: Project; request: ProjectRequest } {
  const request: ProjectRequest = {
    id: `PERSONAL-requestId-${reference}`,
    reference,
    status,
    version: 3,
    requesterId: 'PERSONAL-requesterId',
    requesterName: 'PERSONAL-requesterName',
    formId: 'PERSONAL-formId',
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-10-01T10:00:00.000Z',
    title: `Online booking ${reference}`,
    problem: 'PERSONAL-problem: Mrs Smith at 1 High Street cannot book',
    outcome: 'PERSONAL-outcome',
    beneficiaries: ['citizens'],
    strand: 'customers',
    principles: ['customer-focused', 'privacy-openness'],
    principlesHow: 'PERSONAL-principlesHow',
    reuseSolution: null,
    reuseChecked: 'PERSONAL-reuseChecked',
    route: 'buy',
    routeJustification: 'PERSONAL-justification',
    personalData: true,
    oneOffCost: 5000,
    annualBenefit: 12000,
    desiredStart: '2027-01-01',
  };
  const project: Project = {
    reference,
    priority: 'high',
    isPriority: true,
    digitalLeader: person('leader'),
    projectLead: person('lead'),
    projectManager: person('manager'),
    businessCase: { status: 'approved', link: 'https://PERSONAL-link-business-case', date: '2026-10-02' },
    planLink: 'https://PERSONAL-link-plan',
    resourcing: { confirmed: true, note: 'PERSONAL-resourcing-note' },
    dpia: 'in-progress',
    plannedBenefits: { annualCash: 12000, nonCash: 'PERSONAL-nonCash' },
    realisedBenefits: [
      { financialYear: '2027/28', cashSaving: 3000, note: 'PERSONAL-benefit-note-1', measureId: null, recordedAt: '2027-05-01T09:00:00.000Z', recordedBy: 'PERSONAL-recordedBy-1' },
      { financialYear: '2026/27', cashSaving: 1000, note: 'PERSONAL-benefit-note-2', measureId: null, recordedAt: '2027-02-01T09:00:00.000Z', recordedBy: 'PERSONAL-recordedBy-2' },
      { financialYear: '2027/28', cashSaving: 2000, note: 'PERSONAL-benefit-note-3', measureId: null, recordedAt: '2027-09-01T09:00:00.000Z', recordedBy: 'PERSONAL-recordedBy-3' },
      // Not cash: its note says what it was (and may name people); the measure shows it.
      { financialYear: '2026/27', cashSaving: null, note: 'PERSONAL-benefit-note-non-cash', measureId: `PERSONAL-measure-${reference}`, recordedAt: '2027-03-01T09:00:00.000Z', recordedBy: 'PERSONAL-recordedBy-4' },
    ],
    measures: [
      sampleMeasure({
        id: `PERSONAL-measure-${reference}`,
        name: 'Bookings made online',
        figures: [{ period: '2026-Q2', value: 55, recordedAt: '2026-10-03T09:00:00.000Z', recordedBy: 'PERSONAL-recordedBy-measure' }],
      }),
    ],
    milestones: [
      {
        id: 'PERSONAL-milestoneId-2',
        title: 'Go live',
        due: '2027-06-30',
        status: 'planned',
        completedOn: null,
        revisions: [{ from: '2027-05-01', to: '2027-06-30', reason: 'PERSONAL-revision-reason', at: '2027-03-01T09:00:00.000Z', by: 'PERSONAL-revision-by' }],
      },
      { id: 'PERSONAL-milestoneId-1', title: 'Discovery', due: '2027-01-14', status: 'planned', completedOn: null, revisions: [] },
    ],
    health: {
      version: 2,
      ratings: {
        overall: { rag: 'amber', reason: 'PERSONAL-health-reason-overall' },
        time: { rag: 'red', reason: 'PERSONAL-health-reason-time' },
        cost: { rag: 'green', reason: null },
        scope: { rag: 'green', reason: 'PERSONAL-health-reason-scope' },
      },
      setAt: '2027-02-20T09:00:00.000Z',
      setBy: 'PERSONAL-health-setBy',
      confirmed: false,
    },
    approvedAt: '2026-10-01T09:00:00.000Z',
    version: 7,
    updatedAt: '2026-10-05T09:00:00.000Z',
    ...overrides,
  };
  // Fields the store might carry beyond the types (DSG questions, decision notes) must not leak either.
  Object.assign(request, { questions: ['PERSONAL-question'], declineReason: 'PERSONAL-declineReason', note: 'PERSONAL-decision-note' });
  Object.assign(project, { notes: 'PERSONAL-project-notes' });
  return { project, request };
}
