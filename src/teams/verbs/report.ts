import { z } from 'zod';
import { viewAnnualReport } from '../../app/reports/annual-report';
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
