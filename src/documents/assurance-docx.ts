import type { AssuranceReport, ChartRow } from '../domain/assurance';
import { ukDate } from '../domain/dates';
import { type Block, cell, HeadingLevel, Paragraph, Table, TableRow, WidthType, wordDocument } from './docx';

/** The widest bar of a section's chart, in blocks. */
const BAR_BLOCKS = 20;

/** A section's chart as a table a senior manager reads at a glance: each row's number and a bar in proportion. */
function chartTable(title: string, rows: readonly ChartRow[]): Block[] {
  if (rows.length === 0) return [];
  const most = Math.max(...rows.map((r) => r.value), 1);
  return [
    new Paragraph({ children: [] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell(title, true), cell('Number', true), cell('', true)] }),
        ...rows.map((r) => new TableRow({ children: [cell(r.label), cell(r.value.toLocaleString('en-GB')), cell('█'.repeat(Math.round((r.value / most) * BAR_BLOCKS)))] })),
      ],
    }),
  ];
}

/** The assurance report for the Corporate Management Team as a Word document: every section, its chart and all it lists. */
export function assuranceDocx(report: AssuranceReport): Promise<Buffer> {
  const title = `Digital Programme assurance report, ${report.quarter.name}`;
  const period = `${ukDate(report.quarter.first)} to ${ukDate(report.quarter.last)}${report.asAt < report.quarter.last ? `, as at ${ukDate(report.asAt)}` : ''}`;
  return wordDocument(title, [
    new Paragraph(`For the Corporate Management Team, from the Digital Strategy Group. ${period}.`),
    ...report.sections.flatMap((s) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: s.heading }),
      new Paragraph(s.words),
      ...chartTable(s.chartTitle, s.chart),
      ...s.items.map((i) => new Paragraph({ text: `${i.reference ? `${i.reference} ` : ''}${i.title}: ${i.detail}`, bullet: { level: 0 } })),
    ]),
  ]);
}
