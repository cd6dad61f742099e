import { ukDate } from '../domain/dates';
import type { Minutes } from '../domain/meetings';

import { cell, HeadingLevel, line, Paragraph, Table, TableRow, WidthType, wordDocument } from './docx';

/** The DSG's minutes as a Word document. */
export function minutesDocx(m: Minutes): Promise<Buffer> {
  const title = `Minutes of the Digital Strategy Group, ${ukDate(m.date)}`;
  const items = m.items.flatMap((item, i) => [
    new Paragraph({ heading: HeadingLevel.HEADING_3, text: `${i + 1}. ${item.reference && !item.title.startsWith(item.reference) ? `${item.reference} ${item.title}` : item.title}` }),
    new Paragraph(item.outcome),
    ...item.actions.map((a) => new Paragraph({ text: `Action: ${a}`, bullet: { level: 0 } })),
  ]);
  const actions = m.actions.length
    ? [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: ['Action', 'Owner', 'Due', 'Done'].map((h) => cell(h, true)) }),
            ...m.actions.map((a) => new TableRow({ children: [cell(a.what), cell(a.owner), cell(ukDate(a.due)), cell(a.done ? 'Yes' : 'No')] })),
          ],
        }),
      ]
    : [new Paragraph('None.')];
  return wordDocument(title, [
    new Paragraph(`${m.startTime ? `Started ${m.startTime}. ` : ''}${m.publishedAt ? `Published ${ukDate(m.publishedAt)}.` : 'Draft: not published yet.'}`),
    line('Present', m.attendees.join(', ') || 'none'),
    line('Apologies', m.apologies.join(', ') || 'none'),
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Items' }),
    ...items,
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Actions' }),
    ...actions,
    ...(m.notes.trim() ? [new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Notes' }), ...m.notes.split(/\n+/).map((p) => new Paragraph(p))] : []),
  ]);
}
