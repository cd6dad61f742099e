import { type CountedProject, milestoneFigures, parseFinancialYear, programmeFigures, realisedByYear, realisedIn } from '../../src/domain/figures';
import { figuresCsv } from '../../src/domain/open-data';
import type { MilestoneStatus } from '../../src/domain/project';

const project = (over: Partial<CountedProject> = {}): CountedProject => ({
  status: 'in-delivery',
  approvedAt: '2026-05-10T10:00:00.000Z',
  plannedAnnualCashSaving: 10_000,
  realisedInYear: 0,
  ...over,
});

describe('parseFinancialYear', () => {
  it.each([
    ['2026/27', '2026/27', '2026-04-01', '2027-03-31'],
    ['2026-27', '2026/27', '2026-04-01', '2027-03-31'],
    ['2026/2027', '2026/27', '2026-04-01', '2027-03-31'],
    ['2099/00', '2099/00', '2099-04-01', '2100-03-31'],
  ])('reads %s', (text, name, first, last) => expect(parseFinancialYear(text)).toEqual({ name, first, last }));
  it.each(['2026/28', '2026', 'last year', '26/27', '2026/26'])('refuses %s', (text) => expect(parseFinancialYear(text)).toBeNull());
});

describe('realised savings in a financial year', () => {
  it("adds every saving recorded for that year, and only that year's", () => {
    const savings = [
      { financialYear: '2026/27', cashSaving: 2_500 },
      { financialYear: '2025/26', cashSaving: 9_999 },
      { financialYear: '2026/27', cashSaving: 500 },
    ];
    expect(realisedIn(savings, '2026/27')).toBe(3_000);
    expect(realisedIn([], '2026/27')).toBe(0);
    // By year, as open data, the tab's project page and the project card show them: the same sums.
    expect(realisedByYear(savings)).toEqual([
      { financialYear: '2025/26', cashSaving: 9_999 },
      { financialYear: '2026/27', cashSaving: 3_000 },
    ]);
  });

  it('counts all projects: one completed before the year, and one approved after it, still count', () => {
    const f = programmeFigures(
      [
        project({ status: 'completed', approvedAt: '2024-06-01T10:00:00Z', realisedInYear: 7_200 }),
        project({ realisedInYear: 800 }),
        project({ approvedAt: '2027-05-01T10:00:00Z', realisedInYear: 100 }),
      ],
      '2026/27',
    );
    expect(f.realised).toEqual({ label: 'Realised in 2026/27', value: 8_100, definition: 'savings recorded for April 2026–March 2027, all projects' });
  });
});

describe('planned annual savings', () => {
  it('adds the yearly saving planned by each project approved by the end of the year, completed ones included', () => {
    const f = programmeFigures(
      [
        project({ status: 'completed', approvedAt: '2024-06-01T10:00:00Z', plannedAnnualCashSaving: 24_000 }),
        project({ status: 'approved', plannedAnnualCashSaving: null }),
        project({ plannedAnnualCashSaving: 10_000 }),
        project({ approvedAt: '2027-04-02T10:00:00Z', plannedAnnualCashSaving: 99_000 }),
      ],
      '2026/27',
    );
    expect(f.planned).toEqual({
      label: 'Planned annual savings',
      value: 34_000,
      definition: 'the yearly cash saving planned by each project approved by 31 March 2027 (approved, in delivery or completed)',
    });
  });

  it('takes the end of the year in London: approved at 23:30 on 31 March (BST) is 1 April', () => {
    const edge = (approvedAt: string) => programmeFigures([project({ approvedAt })], '2026/27').planned.value;
    expect(edge('2027-03-31T22:59:00Z')).toBe(10_000);
    expect(edge('2027-03-31T23:30:00Z')).toBe(0);
  });
});

describe('projects by status', () => {
  it('counts each status of the programme, zeros included, for projects approved by the end of the year', () => {
    const f = programmeFigures([project({ status: 'approved' }), project(), project(), project({ approvedAt: '2027-06-01T10:00:00Z', status: 'approved' })], '2026/27');
    expect(f.byStatus).toEqual([
      { status: 'approved', label: 'Approved', count: 1 },
      { status: 'in-delivery', label: 'In delivery', count: 2 },
      { status: 'completed', label: 'Completed', count: 0 },
    ]);
    expect(f.byStatusDefinition).toBe('projects approved by 31 March 2027, by their status now');
  });

  it('refuses a year that is not one', () => {
    expect(() => programmeFigures([], 'soon')).toThrow(RangeError);
  });
});

describe('milestones on time', () => {
  const m = (due: string, status: MilestoneStatus, completedOn: string | null = null) => ({ due, status, completedOn });
  it('counts milestones due in the year: on time when done by their date; late when done after, missed, or past it', () => {
    const f = milestoneFigures(
      [
        m('2026-06-01', 'done', '2026-06-01'), // on time (on the day)
        m('2026-07-01', 'done', '2026-07-10'), // late
        m('2026-08-01', 'missed'), // late
        m('2026-11-01', 'planned'), // past its date by 4 Dec: late
        m('2027-02-01', 'planned'), // not due yet: neither
        m('2027-06-01', 'done', '2026-11-01'), // next year's
        m('2026-03-31', 'done', '2026-05-01'), // last year's
        m('2026-09-01', 'dropped'), // dropped when its project was completed: left out
      ],
      '2026/27',
      '2026-12-04',
    );
    expect(f).toMatchObject({ due: 5, onTime: 1, late: 3 });
    expect(f.definition).toBe('milestones due in 2026/27, dropped ones left out: on time when done by their due date; late when done after it, missed, or past it and not done');
  });
});

describe('the figures as open data', () => {
  it('writes one figure a row with its year, value and definition', () => {
    const lines = figuresCsv(programmeFigures([project({ realisedInYear: 250 })], '2026/27')).split('\r\n');
    expect(lines[0]).toBe('Figure,Financial year,Value,Definition');
    expect(lines[1]).toBe('Planned annual savings (GBP),2026/27,10000,"the yearly cash saving planned by each project approved by 31 March 2027 (approved, in delivery or completed)"');
    expect(lines[2]).toBe('Realised in 2026/27 (GBP),2026/27,250,"savings recorded for April 2026–March 2027, all projects"');
    expect(lines.slice(3, 6)).toEqual([
      'Projects: Approved,2026/27,0,"projects approved by 31 March 2027, by their status now"',
      'Projects: In delivery,2026/27,1,"projects approved by 31 March 2027, by their status now"',
      'Projects: Completed,2026/27,0,"projects approved by 31 March 2027, by their status now"',
    ]);
    expect(lines[6]).toBe('');
  });
});
