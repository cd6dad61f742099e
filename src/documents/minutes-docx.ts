import { ukDate } from '../domain/dates';
import type { Minutes } from '../domain/meetings';

/** The only place that knows the `docx` library: the DSG's minutes as a Word document. */

/**
 * The part of docx 9.7 used here. Its type declarations re-export folders without file extensions, which
 * TypeScript's node16 resolution cannot follow (every export reads as missing): so the few constructors used are
 * typed here, and the code is docx's own CommonJS build.
 */
interface Block {
  readonly kind?: never;
}
type Paragraph = Block;
type TableCell = Block;
interface DocxApi {
  Document: new (options: { title: string; creator: string; sections: { children: Block[] }[] }) => Block;
  Paragraph: new (options: string | { text?: string; heading?: string; bullet?: { level: number }; children?: Block[] }) => Paragraph;
  TextRun: new (options: string | { text: string; bold?: boolean }) => Block;
  Table: new (options: { width: { size: number; type: string }; rows: Block[] }) => Block;
  TableRow: new (options: { tableHeader?: boolean; children: TableCell[] }) => Block;
  TableCell: new (options: { children: Paragraph[] }) => TableCell;
  HeadingLevel: { TITLE: string; HEADING_2: string; HEADING_3: string };
  WidthType: { PERCENTAGE: string };
  Packer: { toBuffer(doc: Block): Promise<Buffer> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = require('docx') as DocxApi;

const line = (label: string, value: string): Paragraph => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
const cell = (text: string, bold = false): TableCell => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

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
  const doc = new Document({
    title,
    creator: 'dsg-bot',
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
          new Paragraph(`${m.startTime ? `Started ${m.startTime}. ` : ''}${m.publishedAt ? `Published ${ukDate(m.publishedAt)}.` : 'Draft: not published yet.'}`),
          line('Present', m.attendees.join(', ') || 'none'),
          line('Apologies', m.apologies.join(', ') || 'none'),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Items' }),
          ...items,
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Actions' }),
          ...actions,
          ...(m.notes.trim() ? [new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Notes' }), ...m.notes.split(/\n+/).map((p) => new Paragraph(p))] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
