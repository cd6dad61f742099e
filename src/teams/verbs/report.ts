import { z } from 'zod';
import { viewAnnualReport } from '../../app/reports/annual-report';
import { assuranceLinks, viewAssuranceReport } from '../../app/reports/assurance-report';
import { assuranceReportCard } from '../../presenters/assurance-report';
import { annualReportCard } from '../../presenters/annual-report';
import { card } from '../reply';
import { verb } from './verb';

/** `report annual 2026/27`: the year's summary, with signed links to download it in full (CSV and JSON). */
export const reportAnnual = verb('report.annual', z.object({ year: z.string().max(20).optional() }).loose(), async ({ deps, actor }, d) => {
  const report = await viewAnnualReport(deps, actor, d.year?.trim() || null);
  const now = deps.clock.now();
  const csv = deps.reportLinks.sign(report.financialYear, 'csv', now);
  const json = deps.reportLinks.sign(report.financialYear, 'json', now);
  return card(annualReportCard(report, deps.calendar.londonDate(now), { csv: csv.url, json: json.url, expiresAt: csv.expiresAt }));
});

/** `report assurance 2026 Q3`: the quarter's assurance report for the CMT, with signed links to it as .docx and .csv. */
export const reportAssurance = verb('report.assurance', z.object({ quarter: z.string().max(20).optional() }).loose(), async ({ deps, actor }, d) => {
  const report = await viewAssuranceReport(deps, actor, d.quarter?.trim() || null);
  return card(assuranceReportCard(report, assuranceLinks(deps, report.quarter)));
});
