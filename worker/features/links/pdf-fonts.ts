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

type Font = ReturnType<Parameters<PDFDocument['registerFontkit']>[0]['create']>;

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /**
   * Whether drawing this text sets its glyphs right to left: pdf-lib hands every string to
   * fontkit, which shapes it and reverses it when the first character with a script (a letter,
   * not a space, a 0-9 digit, punctuation or a mark) is of a right-to-left script, such as an
   * Arabic letter or digit. Asked of fontkit itself, a character at a time, so it cannot
   * disagree with what is drawn.
   */
  setRightToLeft: (text: string) => boolean;
}

/**
 * A parsed font kept for the isolate, which only ever lays out single characters to learn their
 * direction. The fonts a document embeds are parsed anew for it: fontkit keeps a glyph with the
 * characters it was first made for, so a font shared between documents would give one document's
 * subset another's text map.
 */
let probe: Font | undefined;
const directions = new Map<string, 'ltr' | 'rtl' | undefined>();

/** fontkit's direction for a character's script; undefined for one without a script of its own (`zzzz`). */
function direction(probe: Font, char: string) {
  if (!directions.has(char)) {
    const run = probe.layout(char);
    directions.set(char, run.script === 'zzzz' ? undefined : (run.direction ?? 'ltr'));
  }
  return directions.get(char);
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  // Loaded on the first PDF, not at every isolate's start: fontkit is a large module.
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([regularFile, boldFile].map((file) => doc.embedFont(file, { subset: true })));
  const layout = (probe ??= fontkit.create(new Uint8Array(regularFile)));
  const setRightToLeft = (text: string) => {
    for (const char of text) {
      const found = direction(layout, char);
      if (found) return found === 'rtl';
    }
    return false;
  };
  return { regular: regular!, bold: bold!, setRightToLeft };
}
