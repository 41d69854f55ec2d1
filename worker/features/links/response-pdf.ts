/**
 * A response as a PDF for the case file (pdf-lib, standard Helvetica). The standard fonts cover
 * Latin-1, so Norwegian letters print; what they cannot show (emoji faces) is left out.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Ui } from '../../../web/ui.ts';
import type { DocumentSection } from '../../engine/output.ts';
import { rowTitle } from '../../../web/components/answer-list.tsx';
import { localized } from '../../../web/ui.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

/** Keeps what WinAnsi (the standard fonts' encoding) can draw. */
const printable = (text: string) =>
  text
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\n]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();

export interface PdfFacts {
  title: string;
  facts: [string, string][];
  sections: DocumentSection[];
}

class Writer {
  private page: PDFPage;
  private y = A4[1] - MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
  }

  /** Writes wrapped text, starting a new page when this one is full. */
  text(value: string, size: number, font: 'regular' | 'bold' = 'regular', gapAfter = 4) {
    const face = font === 'bold' ? this.bold : this.regular;
    for (const paragraph of printable(value).split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (face.widthOfTextAtSize(candidate, size) > WIDTH && line) {
          this.line(line, size, face);
          line = word;
        } else {
          line = candidate;
        }
      }
      this.line(line, size, face);
    }
    this.y -= gapAfter;
  }

  private line(value: string, size: number, font: PDFFont) {
    if (this.y - size < MARGIN) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
    this.y -= size * 1.3;
    this.page.drawText(value, { x: MARGIN, y: this.y, size, font, color: rgb(0.04, 0.05, 0.05) });
  }
}

export async function responsePdf(ui: Ui, content: PdfFacts): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.setTitle(printable(content.title));
  doc.setLanguage(ui.lang === 'en' ? 'en' : ui.lang === 'nn' ? 'nn-NO' : 'nb-NO');
  doc.setProducer('medvirk');
  const writer = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  writer.text(content.title, 18, 'bold', 10);
  for (const [label, value] of content.facts) writer.text(`${label}: ${value}`, 10);
  for (const { page, rows } of content.sections) {
    writer.text('', 6);
    writer.text(localized(ui, page.title).text, 13, 'bold', 6);
    if (page.repeat && rows.length === 0) writer.text(ui.t('repeat.none'), 10, 'regular', 6);
    for (const row of rows) {
      if (row.number) writer.text(rowTitle(ui, page, row.number), 11, 'bold', 4);
      for (const { question, cell, state } of row.answers) {
        writer.text(localized(ui, question.label).text, 10, 'bold', 1);
        const answer = state === 'answered' ? cell.join('\n') : ui.t(state === 'declined' ? 'check.declined' : 'check.empty');
        writer.text(answer, 10, 'regular', 6);
      }
    }
  }
  // A copy into a plain ArrayBuffer, which is what a Response body takes.
  return new Uint8Array(await doc.save());
}
