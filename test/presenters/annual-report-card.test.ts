import { annualReport } from '../../src/domain/annual-report';
import type { MeasureFigure } from '../../src/domain/measures';
import { annualReportCard } from '../../src/presenters/annual-report';
import { sampleMeasure } from '../support/sample-measure';
import { sampleProject } from '../support/sample-project';
import { sampleRequest } from '../support/sample-request';
import { cardProblems, factsOf } from './card-checks';

const figure = (period: string, value: number): MeasureFigure => ({ period, value, recordedAt: '2026-10-01T10:00:00Z', recordedBy: 'Project Lead' });
const links = { csv: 'https://bot.example/r.csv', json: 'https://bot.example/r.json', expiresAt: '2026-12-04T10:00:00Z' };

describe('annualReportCard', () => {
  it('shows, per strand, the measures met and not met and the customer satisfaction figures, as the report defines them', () => {
    const entry = (reference: string, strand: 'customers' | 'learning', measures: ReturnType<typeof sampleMeasure>[]) => {
      const request = sampleRequest({ reference, status: 'in-delivery', strand });
      return { request, project: sampleProject(reference, { approvedAt: '2026-04-10T10:00:00Z', measures }) };
    };
    const report = annualReport({
      financialYear: '2026/27',
      today: '2026-11-27',
      programme: [
        entry('DP-2026-0001', 'customers', [
          sampleMeasure({ id: 'a', figures: [figure('2026-Q2', 81)] }), // met: 81% reaches 80%
          sampleMeasure({ id: 'b', figures: [figure('2026-Q2', 50)] }), // not met
          sampleMeasure({ id: 'c', name: 'Residents satisfied [with *calls*]', kind: 'customer-satisfaction', target: { value: 85, date: '2027-03-31' }, figures: [figure('2026-Q2', 72)] }),
        ]),
        entry('DP-2026-0002', 'customers', [sampleMeasure({ id: 'd', name: 'Tenants satisfied', kind: 'customer-satisfaction', unit: '%', figures: [figure('2026-Q1', 90)] })]),
        entry('DP-2026-0003', 'learning', [sampleMeasure({ id: 'e' })]), // no figures yet: neither met nor not met
      ],
      decisions: [],
      completedOn: new Map(),
    });
    const card = annualReportCard(report, '2026-11-27', links);
    expect(cardProblems(card)).toEqual([]);
    const facts = factsOf(card);
    // Met: a, d (90% reaches 80%). Not met: b, c (72% short of 85%).
    expect(facts['Measures met']).toMatch(/^2 of 4\b/);
    const customers = facts['Digital Customers'];
    expect(customers).toContain('measures met: 2, not met: 2');
    // Typed names are escaped for the card's Markdown.
    expect(customers).toContain('customer satisfaction, Residents satisfied \\[with \\*calls\\*\\]: 72% (target 85%)');
    expect(customers).toContain('customer satisfaction, Tenants satisfied: 90% (target 80%)');
    expect(facts['Digital Learning']).not.toMatch(/measures met|customer satisfaction/);
    // The card's strand figures are the report's (one definition), which are its projects' rows summed.
    const strand = report.byStrand.find((s) => s.strand === 'Digital Customers')!;
    expect({ met: strand.measuresMet, notMet: strand.measuresNotMet }).toEqual({ met: 2, notMet: 2 });
  });
});
