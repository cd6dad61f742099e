/** The only place that knows the `docx` library: the few pieces the bot's Word documents (minutes, the assurance report) are made of. */

/**
 * The part of docx 9.7 used here. Its type declarations re-export folders without file extensions, which
 * TypeScript's node16 resolution cannot follow (every export reads as missing): so the few constructors used are
 * typed here, and the code is docx's own CommonJS build.
 */
export interface Block {
  readonly kind?: never;
}
export type Paragraph = Block;
export type TableCell = Block;
export interface DocxApi {
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
export const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = require('docx') as DocxApi;

/** "Label: value", the label in bold. */
export const line = (label: string, value: string): Paragraph => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
/** A table cell holding one paragraph of text. */
export const cell = (text: string, bold = false): TableCell => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });


/** A Word document by dsg-bot: `title` as its title and first heading, then `children`. */
export const wordDocument = (title: string, children: Block[]): Promise<Buffer> =>
  Packer.toBuffer(new Document({ title, creator: 'dsg-bot', sections: [{ children: [new Paragraph({ heading: HeadingLevel.TITLE, text: title }), ...children] }] }));
