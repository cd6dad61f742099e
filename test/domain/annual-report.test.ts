import { annualReport, REPORT_CSV_HEADER, reportCsv } from '../../src/domain/annual-report';
import type { Project } from '../../src/domain/project';
import type { ProjectRequest } from '../../src/domain/request';
import { sampleMeasure } from '../support/sample-measure';
import { sampleMilestone } from '../support/sample-milestone';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';

const entry = (req: Partial<ProjectRequest>, proj: Partial<Project> = {}) => {
  const request = sampleRequest({ status: 'in-delivery', ...req });
  return { request, project: sampleProject(request.reference, proj) };
};
const benefit = (financialYear: string, cashSaving: number) => ({ financialYear, cashSaving, note: null, measureId: null, recordedAt: '2026-10-01T10:00:00Z', recordedBy: 'Project Lead' });

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
      { reference: 'DP-2026-0102', action: 'reuse', at: '2026-09-12T10:00:00Z' },
      { reference: 'DP-2025-0100', action: 'approve', at: '2026-03-31T22:59:00Z' }, // 31 Mar in London: last year
    ],
    completedOn: new Map([
      [carriedOver.request.reference, '2026-09-30'],
      [finishedBefore.request.reference, '2026-03-01'],
    ]),
  });

  it('counts projects started and completed in the year, and those in the programme during it', () => {
    // Every project approved by the end of the year is listed: one completed before it still saves.
    expect(report.projects.map((p) => p.title).sort()).toEqual(['Done before', 'From last year', 'Started this year']);
    expect([report.projectsStarted, report.projectsCompleted, report.projectsActive]).toEqual([1, 1, 2]);
    expect(report.byStrand.find((s) => s.strand === 'Digital Learning')).toMatchObject({ strand: 'Digital Learning', started: 1, completed: 0, active: 1 });
    expect(report.byStrand.find((s) => s.strand === 'Digital Estates')).toMatchObject({ strand: 'Digital Estates', started: 0, completed: 1, active: 1 });
  });

  it("compares planned with the year's realised savings, and milestones met on time with late ones", () => {
    // Planned: every project approved by 31 March 2027, the one completed before the year included (12,000).
    expect([report.planned.value, report.realised.value]).toEqual([32_000, 4_000]);
    expect(report.projects.reduce((sum, p) => sum + (p.plannedAnnualCashSaving ?? 0), 0)).toBe(report.planned.value);
    expect(report.byStatus.map((s) => s.count)).toEqual([0, 1, 2]);
    expect(report.milestones).toMatchObject({ due: 4, onTime: 1, late: 2 });
    expect(report.decisions).toEqual({ approved: 1, declined: 1, merged: 1, reused: 1 });
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

  it('gives, per strand, the measures met and not met by the year’s end and the customer satisfaction figures', () => {
    const figure = (period: string, value: number) => ({ period, value, recordedAt: '2026-10-01T10:00:00Z', recordedBy: 'Project Lead' });
    const measured = entry(
      { title: 'Measured', strand: 'customers' },
      {
        approvedAt: '2026-04-10T10:00:00Z',
        measures: [
          sampleMeasure({ id: 'a', figures: [figure('2026-Q3', 81)] }), // met
          sampleMeasure({ id: 'b', figures: [figure('2026-Q2', 50), figure('2027-Q1', 90)] }), // not met by 31 March 2027: next year's figure left out
          sampleMeasure({ id: 'c', name: 'Residents satisfied', kind: 'customer-satisfaction', target: { value: 85, date: '2027-03-31' }, figures: [figure('2026-Q2', 72)] }),
          sampleMeasure({ id: 'd' }), // no figures: left out
        ],
      },
    );
    const r = annualReport({ financialYear: '2026/27', today: '2026-11-27', programme: [measured], decisions: [], completedOn: new Map() });
    expect(r.byStrand.find((s) => s.strand === 'Digital Customers')).toMatchObject({
      measuresMet: 1,
      measuresNotMet: 2,
      satisfaction: [{ name: 'Residents satisfied', latest: '72%', target: '85%' }],
    });
    expect(r.byStrand.find((s) => s.strand === 'Digital Learning')).toMatchObject({ measuresMet: 0, measuresNotMet: 0, satisfaction: [] });
    expect(r.measuresDefinition).toContain('2027-03-31');
    // The CSV's row for the project carries the same figures, so its rows add up to the strand's.
    const [header, row] = reportCsv(r).split('\r\n');
    const cells = header.split(',');
    const at = (column: string) => row.split(',')[cells.indexOf(column)];
    expect(at('Measures met')).toBe('1');
    expect(at('Measures not met')).toBe('2');
    expect(at('Customer satisfaction (latest against target)')).toBe('Residents satisfied: 72% (target 85%)');
  });

  it('counts, per strand, the benefits that are not cash realised in the year and the measures showing them, never their notes, and keeps them out of the cash figures', () => {
    const nonCash = (financialYear: string, measureId: string | null) => ({ ...benefit(financialYear, 0), cashSaving: null, note: 'Mrs Example no longer waits on the phone', measureId });
    const project = entry(
      { title: 'Non-cash', strand: 'customers' },
      {
        approvedAt: '2026-04-10T10:00:00Z',
        measures: [sampleMeasure({ id: 'm-sat', name: 'Residents satisfied' })],
        realisedBenefits: [benefit('2026/27', 1_000), nonCash('2026/27', 'm-sat'), nonCash('2026/27', null), nonCash('2025/26', 'm-sat')],
      },
    );
    const r = annualReport({ financialYear: '2026/27', today: '2026-11-27', programme: [project], decisions: [], completedOn: new Map() });
    expect(r.byStrand.find((s) => s.strand === 'Digital Customers')).toMatchObject({ nonCashBenefits: 2, nonCashMeasures: ['Residents satisfied'] });
    expect(r.byStrand.find((s) => s.strand === 'Digital Learning')).toMatchObject({ nonCashBenefits: 0, nonCashMeasures: [] });
    expect(r.realised.value).toBe(1_000);
    expect(r.projects[0]).toMatchObject({ realisedCashSaving: 1_000, nonCashBenefits: 2 });
    expect(JSON.stringify(r) + reportCsv(r)).not.toContain('Mrs Example');
  });
});
