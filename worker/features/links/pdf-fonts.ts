/**
 * The PDF's typeface: DejaVu Sans, regular and bold (`dejavu-fonts-ttf`, Bitstream Vera licence),
 * which has the letters of every language a form is offered in: Norwegian, Polish, North Sámi and
 * Somali Latin, Cyrillic and Arabic. The TrueType files are Data modules (wrangler.toml
 * `[[rules]]`), bytes beside the script rather than JavaScript, and a document embeds only the
 * glyphs it draws (fontkit subsetting), so a PDF stays small.
 */
import type { PDFDocument, PDFFont } from 'pdf-lib';
import boldFile from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf';
import regularFile from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /**
   * Whether drawing this text sets its glyphs right to left: pdf-lib hands every string to
   * fontkit, which shapes it and reverses a run whose script is written right to left (Arabic
   * letters and digits). Asked of fontkit itself, so it cannot disagree with what is drawn.
   */
  setRightToLeft: (text: string) => boolean;
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  // Loaded on the first PDF, not at every isolate's start: fontkit is a large module.
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([regularFile, boldFile].map((file) => doc.embedFont(file, { subset: true })));
  const layout = fontkit.create(new Uint8Array(regularFile));
  return { regular: regular!, bold: bold!, setRightToLeft: (text) => layout.layout(text).direction === 'rtl' };
}
