import type { AnnualReport } from '../domain/annual-report';
import { ukDate, ukDateTime } from '../domain/dates';
import { pounds } from '../domain/words';
import { defined, escapeMarkdown } from './format';
import { type AdaptiveCardJson, render } from './render';

/** The annual report's summary, with signed links to download it in full. */
export function annualReportCard(report: AnnualReport, today: string, links: { csv: string; json: string; expiresAt: string }): AdaptiveCardJson {
  const sum = (f: (s: AnnualReport['byStrand'][number]) => number) => report.byStrand.reduce((n, s) => n + f(s), 0);
  const d = report.decisions;
  return render('annual-report', {
    financialYear: report.financialYear,
    subheading: `${ukDate(report.first)} to ${ukDate(report.last)}${today < report.last ? ` · as at ${ukDate(today)}` : ''}`,
    facts: [
      { factTitle: 'Projects started', factValue: String(report.projectsStarted) },
      { factTitle: 'Projects completed', factValue: String(report.projectsCompleted) },
      { factTitle: 'In the programme this year', factValue: String(report.projectsActive) },
      { factTitle: report.planned.label, factValue: defined(pounds(report.planned.value), report.planned.definition) },
      { factTitle: report.realised.label, factValue: defined(pounds(report.realised.value), report.realised.definition) },
      { factTitle: 'Projects by status', factValue: defined(report.byStatus.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(', '), report.byStatusDefinition) },
      { factTitle: 'Milestones met on time', factValue: defined(`${report.milestones.onTime} of ${report.milestones.due}`, report.milestones.definition) },
      { factTitle: 'Milestones late or missed', factValue: String(report.milestones.late) },
      { factTitle: 'Measures met', factValue: defined(`${sum((s) => s.measuresMet)} of ${sum((s) => s.measuresMet + s.measuresNotMet)}`, report.measuresDefinition) },
      { factTitle: 'Decisions', factValue: `${d.approved} approved, ${d.declined} declined, ${d.merged} merged, ${d.reused} re-used an existing solution` },
    ],
    strands: report.byStrand.map((s) => ({
      factTitle: s.strand,
      factValue: [
        `${s.started} started, ${s.completed} completed, ${s.active} in the programme`,
        ...(s.measuresMet + s.measuresNotMet > 0 ? [`measures met: ${s.measuresMet}, not met: ${s.measuresNotMet}`] : []),
        // Measure names and units are typed text; facts render Markdown.
        ...s.satisfaction.map((c) => escapeMarkdown(`customer satisfaction, ${c.name}: ${c.latest} (target ${c.target})`)),
        ...(s.nonCashBenefits > 0 ? [escapeMarkdown(`non-cash benefits: ${s.nonCashBenefits}${s.nonCashMeasures.length ? ` (shown by ${s.nonCashMeasures.join(', ')})` : ''}`)] : []),
      ].join('; '),
    })),
    csvUrl: links.csv,
    jsonUrl: links.json,
    expires: ukDateTime(links.expiresAt),
  });
}
