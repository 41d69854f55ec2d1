/**
 * A response as a PDF for the case file (pdf-lib). The font (`pdf-fonts.ts`) has the letters of
 * every form language, and right-to-left text is set in visual order (`pdf-bidi.ts`), so an
 * answer in Ukrainian, Polish, North Sámi or Arabic prints whole.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Ui } from '../../../web/ui.ts';
import type { DocumentSection } from '../../engine/output.ts';
import { answerLines, rowTitle } from '../../../web/components/answer-list.tsx';
import { localized } from '../../../web/ui.ts';
import { LANGUAGE_INFO, type Language } from '../../core/language.ts';
import { direction, visualRuns, type Direction } from './pdf-bidi.ts';
import { embedFonts, type Fonts } from './pdf-fonts.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.04, 0.05, 0.05);

export interface PdfFacts {
  title: string;
  facts: [string, string][];
  sections: DocumentSection[];
}

class Writer {
  private page: PDFPage;
  private y = A4[1] - MARGIN;
  /** Widths of words at size 1, by font: shaping is slow, and words come again. */
  private readonly widths = new Map<PDFFont, Map<string, number>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = doc.addPage(A4);
  }

  /** A text's width, word by word (letters join and kern within a word, not across a space). */
  private width(text: string, font: PDFFont, size: number) {
    const known = this.widths.get(font) ?? new Map<string, number>();
    this.widths.set(font, known);
    const word = (value: string) => {
      if (!known.has(value)) known.set(value, font.widthOfTextAtSize(value, 1));
      return known.get(value)!;
    };
    const words = text.split(' ');
    return (words.reduce((sum, value) => sum + word(value), 0) + (words.length - 1) * word(' ')) * size;
  }

  /** Writes wrapped text, starting a new page when this one is full. */
  text(value: string, size: number, font: 'regular' | 'bold' = 'regular', gapAfter = 4) {
    const face = this.fonts[font];
    const space = this.width(' ', face, size);
    for (const paragraph of value.split('\n')) {
      const dir = direction(paragraph);
      let line = '';
      let width = 0;
      for (const word of paragraph.split(' ')) {
        const added = this.width(word, face, size);
        if (line && width + space + added > WIDTH) {
          this.line(line, size, face, dir);
          [line, width] = [word, added];
        } else {
          [line, width] = line ? [`${line} ${word}`, width + space + added] : [word, added];
        }
      }
      this.line(line, size, face, dir);
    }
    this.y -= gapAfter;
  }

  /** One line at the left margin, or against the right one for a right-to-left paragraph, its runs in visual order (`pdf-bidi.ts`). */
  private line(value: string, size: number, font: PDFFont, dir: Direction) {
    if (this.y - size < MARGIN) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
    this.y -= size * 1.3;
    const runs = visualRuns(value, dir, this.fonts.setRightToLeft);
    const widths = runs.map((run) => this.width(run, font, size));
    let x = dir === 'rtl' ? MARGIN + WIDTH - widths.reduce((sum, width) => sum + width, 0) : MARGIN;
    runs.forEach((run, index) => {
      this.page.drawText(run, { x, y: this.y, size, font, color: INK });
      x += widths[index]!;
    });
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
}

/** A plain A4 document of blocks, for any feature that needs one (a response, a signed consent). */
export async function documentPdf(lang: Language, title: string, blocks: PdfBlock[], marks: PdfMarks = {}): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage(LANGUAGE_INFO[lang].tag);
  doc.setProducer('medvirk');
  const fonts = await embedFonts(doc);
  const writer = new Writer(doc, fonts);
  for (const block of blocks) writer.text(block.style === 'gap' ? '' : block.text, ...STYLES[block.style]);
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const size = 9;
    if (marks.header) {
      // A long line (the English wording) is set smaller rather than cut.
      const fitted = Math.min(size, (size * WIDTH) / fonts.bold.widthOfTextAtSize(marks.header, size));
      page.drawText(marks.header, { size: fitted, color: INK, x: MARGIN, y: A4[1] - MARGIN / 2 - 4, font: fonts.bold });
    }
    if (marks.pageOf) page.drawText(marks.pageOf(index + 1, pages.length), { size, color: INK, x: MARGIN, y: MARGIN / 2, font: fonts.regular });
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
  return documentPdf(ui.lang, content.title, blocks, { header: ui.t('response.classification'), pageOf: (page, pages) => ui.t('response.pageOf', { page, pages }) });
}
