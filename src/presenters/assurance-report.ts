import { type AssuranceReport, REPORT_LIST_MAX } from '../domain/assurance';
import { ukDate, ukDateTime } from '../domain/dates';
import { clip } from './format';
import { fitToSize } from './fit';
import type { AdaptiveCardJson } from './render';

/** Less and less of each section's list, and shorter details, until the card fits (the downloads hold everything). */
const LEVELS = [
  { items: REPORT_LIST_MAX, chars: 300 },
  { items: 6, chars: 200 },
  { items: 3, chars: 120 },
  { items: 1, chars: 80 },
  { items: 0, chars: 80 },
] as const;

/** The quarter's assurance report: each section's numbers in words, its chart with the same numbers beside it, and the first of what it lists; the whole report as .docx and .csv. */
export function assuranceReportCard(report: AssuranceReport, links: { docx: string; csv: string; expiresAt: string }): AdaptiveCardJson {
  const { quarter } = report;
  return fitToSize('assurance-report', LEVELS, (level) => ({
    heading: `Assurance report, ${quarter.name}`,
    subheading: `For the Corporate Management Team · ${ukDate(quarter.first)} to ${ukDate(quarter.last)}${report.asAt < quarter.last ? ` · as at ${ukDate(report.asAt)}` : ''}`,
    sections: report.sections.map((s) => {
      const hidden = s.items.length - Math.min(level.items, s.items.length);
      return {
        key: s.key,
        heading: s.heading,
        words: s.words,
        chartTitle: s.chartTitle,
        chart: s.chart.map((row) => ({ label: row.label, value: row.value, factValue: row.value.toLocaleString('en-GB') })),
        items: s.items.slice(0, level.items).map((i) => ({ head: clip(i.reference ? `${i.reference} ${i.title}` : i.title, 120), detail: clip(i.detail, level.chars) })),
        ...(hidden > 0 && { more: `And ${hidden} more in the .docx and .csv.` }),
      };
    }),
    docxUrl: links.docx,
    csvUrl: links.csv,
    expires: ukDateTime(links.expiresAt),
  }));
}
