/**
 * A response as a PDF for the case file (pdf-lib, standard Helvetica). The standard fonts cover
 * Latin-1, so Norwegian letters print; a text with letters they cannot show (Cyrillic, Arabic,
 * Polish or North Sámi letters) prints what it can and is followed by a note saying so, so a
 * child's words are never dropped without a word.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Ui } from '../../../web/ui.ts';
import type { DocumentSection } from '../../engine/output.ts';
import { answerLines, rowTitle } from '../../../web/components/answer-list.tsx';
import { localized } from '../../../web/ui.ts';
import type { Language } from '../../core/language.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

/** Dashes and typographic quotes as the plain ones WinAnsi (the standard fonts' encoding) has. */
const plainPunctuation = (text: string) =>
  text
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"');

/** What WinAnsi cannot draw, once punctuation is plain. */
const UNPRINTABLE = /[^\u0020-\u007e\u00a0-\u00ff\n]/g;

/** Keeps what WinAnsi can draw. */
const printable = (text: string) =>
  plainPunctuation(text).replace(UNPRINTABLE, '').replace(/ {2,}/g, ' ').trim();

/** Whether the text has letters WinAnsi cannot draw, so `printable` leaves some out. */
const hasUnprintable = (text: string) => plainPunctuation(text).search(UNPRINTABLE) >= 0;

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

/** One block of a plain document: a title, a heading, a label over its text, or text. */
export interface PdfBlock {
  text: string;
  style: 'title' | 'heading' | 'subheading' | 'label' | 'text' | 'gap';
}

const STYLES: Record<PdfBlock['style'], [number, 'regular' | 'bold', number]> = {
  title: [18, 'bold', 10],
  heading: [13, 'bold', 6],
  subheading: [11, 'bold', 4],
  label: [10, 'bold', 1],
  text: [10, 'regular', 6],
  gap: [6, 'regular', 0],
};

/** What every page of a document carries: a line at the top (a classification), and its page number at the foot. */
export interface PdfMarks {
  header?: string;
  pageOf?: (page: number, pages: number) => string;
  /** Written after a text with letters the PDF cannot show, pointing to where they can be read. */
  unprintable?: string;
}

/** A plain A4 document of blocks, for any feature that needs one (a response, a signed consent). */
export async function documentPdf(lang: Language, title: string, blocks: PdfBlock[], marks: PdfMarks = {}): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.setTitle(printable(title));
  doc.setLanguage(lang === 'en' ? 'en' : lang === 'nn' ? 'nn-NO' : 'nb-NO');
  doc.setProducer('medvirk');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const writer = new Writer(doc, regular, bold);
  for (const block of blocks) {
    writer.text(block.style === 'gap' ? '' : block.text, ...STYLES[block.style]);
    if (marks.unprintable && hasUnprintable(block.text)) writer.text(marks.unprintable, ...STYLES.text);
  }
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const mark = { size: 9, color: rgb(0.04, 0.05, 0.05) };
    if (marks.header) {
      const header = printable(marks.header);
      // A long line (the English wording) is set smaller rather than cut.
      const size = Math.min(mark.size, (mark.size * WIDTH) / bold.widthOfTextAtSize(header, mark.size));
      page.drawText(header, { ...mark, size, x: MARGIN, y: A4[1] - MARGIN / 2 - 4, font: bold });
    }
    if (marks.pageOf) page.drawText(printable(marks.pageOf(index + 1, pages.length)), { ...mark, x: MARGIN, y: MARGIN / 2, font: regular });
  });
  // A copy into a plain ArrayBuffer, which is what a Response body takes.
  return new Uint8Array(await doc.save());
}

export async function responsePdf(ui: Ui, content: PdfFacts): Promise<Uint8Array<ArrayBuffer>> {
  const blocks: PdfBlock[] = [{ text: content.title, style: 'title' }, ...content.facts.map(([label, value]): PdfBlock => ({ text: `${label}: ${value}`, style: 'text' }))];
  for (const { page, rows } of content.sections) {
    blocks.push({ text: '', style: 'gap' }, { text: localized(ui, page.title).text, style: 'heading' });
    if (page.repeat && rows.length === 0) blocks.push({ text: ui.t('repeat.none'), style: 'text' });
    for (const row of rows) {
      if (row.number) blocks.push({ text: rowTitle(ui, page, row.number), style: 'subheading' });
      for (const answer of row.answers) {
        const { question, state } = answer;
        blocks.push({ text: localized(ui, question.label).text, style: 'label' });
        blocks.push({ text: state === 'answered' ? answerLines(ui, answer, true).join('\n') : ui.t(state === 'declined' ? 'check.declined' : 'check.empty'), style: 'text' });
      }
    }
  }
  // Every page says it is confidential and which page of how many it is.
  return documentPdf(ui.lang, content.title, blocks, { header: ui.t('response.classification'), pageOf: (page, pages) => ui.t('response.pageOf', { page, pages }), unprintable: ui.t('response.pdfUnprintable') });
}
