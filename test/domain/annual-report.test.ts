import { annualReport, parseFinancialYear, REPORT_CSV_HEADER, reportCsv } from '../../src/domain/annual-report';
import type { Project } from '../../src/domain/project';
import type { ProjectRequest } from '../../src/domain/request';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const entry = (req: Partial<ProjectRequest>, proj: Partial<Project> = {}) => {
  const request = sampleRequest({ status: 'in-delivery', ...req });
  return { request, project: sampleProject(request.reference, proj) };
};
const benefit = (financialYear: string, cashSaving: number) => ({ financialYear, cashSaving, note: null, recordedAt: '2026-10-01T10:00:00Z', recordedBy: 'Project Lead' });

describe('parseFinancialYear', () => {
  it.each([
    ['2026/27', '2026/27', '2026-04-01', '2027-03-31'],
    ['2026-27', '2026/27', '2026-04-01', '2027-03-31'],
    ['2026/2027', '2026/27', '2026-04-01', '2027-03-31'],
    ['2099/00', '2099/00', '2099-04-01', '2100-03-31'],
  ])('reads %s', (text, name, first, last) => expect(parseFinancialYear(text)).toEqual({ name, first, last }));
  it.each(['2026/28', '2026', 'last year', '26/27', '2026/26'])('refuses %s', (text) => expect(parseFinancialYear(text)).toBeNull());
});

describe('annualReport', () => {
  const started = entry(
    { title: 'Started this year', strand: 'learning' },
    {
      approvedAt: '2026-05-10T10:00:00Z',
      plannedBenefits: { annualCash: 20_000, nonCash: null },
      realisedBenefits: [benefit('2026/27', 4_000), benefit('2025/26', 99_000)],
      milestones: [
        sampleMilestone({ due: '2026-06-01', status: 'done', completedOn: '2026-05-30' }), // on time
        sampleMilestone({ due: '2026-07-01', status: 'done', completedOn: '2026-07-10' }), // late
        sampleMilestone({ due: '2026-08-01', status: 'planned' }), // overdue by 27 Nov: late
        sampleMilestone({ due: '2027-02-01', status: 'planned' }), // not due yet
        sampleMilestone({ due: '2027-06-01', status: 'done', completedOn: '2026-11-01' }), // next year's
      ],
    },
  );
  const carriedOver = entry({ title: 'From last year', strand: 'estates', status: 'completed' }, { approvedAt: '2025-06-01T10:00:00Z', plannedBenefits: { annualCash: null, nonCash: null } });
  const finishedBefore = entry({ title: 'Done before', status: 'completed' }, { approvedAt: '2024-06-01T10:00:00Z' });
  const nextYear = entry({ title: 'Next year' }, { approvedAt: '2027-04-02T10:00:00Z' });
  const report = annualReport({
    financialYear: '2026/27',
    today: '2026-11-27',
    programme: [started, carriedOver, finishedBefore, nextYear],
    decisions: [
      { reference: started.request.reference, action: 'approve', at: '2026-05-10T10:00:00Z' },
      { reference: 'DP-2026-0100', action: 'decline', at: '2026-09-10T10:00:00Z' },
      { reference: 'DP-2026-0101', action: 'merge', at: '2026-09-11T10:00:00Z' },
      { reference: 'DP-2025-0100', action: 'approve', at: '2026-03-31T22:59:00Z' }, // 31 Mar in London: last year
    ],
    completedOn: new Map([
      [carriedOver.request.reference, '2026-09-30'],
      [finishedBefore.request.reference, '2026-03-01'],
    ]),
  });

  it('counts projects started and completed in the year, and those in the programme during it', () => {
    expect(report.projects.map((p) => p.title).sort()).toEqual(['From last year', 'Started this year']);
    expect([report.projectsStarted, report.projectsCompleted, report.projectsActive]).toEqual([1, 1, 2]);
    expect(report.byStrand.find((s) => s.strand === 'Digital Learning')).toEqual({ strand: 'Digital Learning', started: 1, completed: 0, active: 1 });
    expect(report.byStrand.find((s) => s.strand === 'Digital Estates')).toEqual({ strand: 'Digital Estates', started: 0, completed: 1, active: 1 });
  });

  it("compares planned with the year's realised savings, and milestones met on time with late ones", () => {
    expect([report.plannedSavings, report.realisedSavings]).toEqual([20_000, 4_000]);
    expect([report.milestonesOnTime, report.milestonesLate]).toEqual([1, 2]);
    expect(report.decisions).toEqual({ approved: 1, declined: 1, merged: 1 });
  });

  it('writes RFC 4180 CSV with a header row, safe to open in a spreadsheet', () => {
    const withFormula = annualReport({ financialYear: '2026/27', today: '2026-11-27', programme: [entry({ title: '=HYPERLINK("x")' }, { approvedAt: '2026-05-01T10:00:00Z' })], decisions: [], completedOn: new Map() });
    const lines = reportCsv(withFormula).split('\r\n');
    expect(lines[0]).toBe(REPORT_CSV_HEADER.join(','));
    expect(lines[1]).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(lines[2]).toBe('');
  });

  it('refuses something that is not a financial year', () => {
    expect(() => annualReport({ financialYear: 'soon', today: '2026-11-27', programme: [], decisions: [], completedOn: new Map() })).toThrow(RangeError);
  });
});
