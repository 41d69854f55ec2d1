/** The PDF of an answer for the case file, in every language a form is offered in. */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { documentPdf } from '../../worker/features/links/index.ts';
import { answeredCase } from './case-fixture.ts';
import { pdfRuns, pdfText } from './pdf-text.ts';

const download = async ({ staff, responseId }: Awaited<ReturnType<typeof answeredCase>>) => (await staff.get(`/staff/m/demo/responses/${responseId}/pdf`)).arrayBuffer();

/** The line of a one-paragraph document that holds the text (the only line of its block). */
const lineOf = async (text: string) => {
  const bytes = (await documentPdf('ar', 'Svar', [{ text, style: 'text' }])).buffer;
  const [page] = await pdfRuns(bytes);
  return { text: (await pdfText(bytes))[0]!.split('\n')[0]!, runs: page! };
};

describe('the PDF of an answer', () => {
  it.each([
    ['Ukrainian', 'PDF-UK-1', 'Я хочу більше часу з татом, ґанок і їжак'],
    ['Polish', 'PDF-PL-1', 'Chcę więcej czasu z tatą, źródło żółw'],
    ['North Sámi', 'PDF-SE-1', 'Mun háliidan čuoigat áhčiin: đ ŋ š ŧ ž'],
  ])('prints %s letters as written, in a font embedded with only the glyphs it uses', async (_, reference, wish) => {
    const bytes = await download(await answeredCase(reference, undefined, 'nb', wish));
    const text = (await pdfText(bytes)).join('\n');
    expect(text).toContain(wish);
    expect(text).toContain('Side 1 av 1');
    expect(text).not.toMatch(/Noen bokstaver/);
    // No letter is drawn as the font's empty box (glyph 0, .notdef).
    expect((await pdfRuns(bytes)).flat().flatMap((run) => run.codes)).not.toContain(0);
    // The fonts travel in the file (regular and bold), cut down to what it draws: the whole
    // typeface is some 1.4 MB.
    const document = await PDFDocument.load(bytes);
    const fonts = document.getPages()[0]!.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    // (pdf-lib names a font anew on the page each time it draws with it: one font object, many names.)
    const embedded = [...new Set(fonts.values())].map((ref) => {
      const font = document.context.lookup(ref, PDFDict);
      const descriptor = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('FontDescriptor'), PDFDict);
      return { name: font.get(PDFName.of('BaseFont'))?.toString(), file: descriptor.get(PDFName.of('FontFile2')) };
    });
    expect(embedded.map((font) => font.name).sort()).toEqual([expect.stringMatching(/^\/DejaVuSans-\d/), expect.stringMatching(/^\/DejaVuSans-Bold-/)]);
    expect(embedded.every((font) => font.file instanceof PDFRef)).toBe(true);
    expect(bytes.byteLength).toBeLessThan(80_000);
    // The file's first PDF loads fontkit and parses two fonts: over a second on a busy machine.
  }, 15_000);

  it('sets Arabic right to left against the right margin, in its joined letter forms, with numbers left to right', async () => {
    const { text, runs } = await lineOf('أنا عمري 12 سنة');
    // As the eye meets it from the left: "سنة" (year), 12, "عمري" (my age), "أنا" (I), each word's
    // letters from its last to its first.
    expect(text).toBe('ةنس 12 يرمع انأ');
    expect(Math.min(...runs.map((run) => run.x))).toBeGreaterThan(300);
    // ن begins أنا and stands inside سنة: two different shapes of one letter, so the letters are joined.
    const noon = new Set(runs.flatMap((run) => run.codes.filter((_, index) => [...run.text][index] === 'ن')));
    expect(noon.size).toBe(2);
  });

  it('keeps a Latin word inside Arabic, and brackets facing the right way', async () => {
    expect((await lineOf('أحب Minecraft كثيرا')).text).toBe('اريثك Minecraft بحأ');
    // "(نعم)", yes in brackets: the brackets are mirrored, as right-to-left text needs, so they still enclose the word.
    expect((await lineOf('(نعم)')).text).toBe('(معن)');
    // A Norwegian line with an Arabic name in it stays left to right, at the left margin.
    const mixed = await lineOf('Jeg heter سنة og er 12');
    expect(mixed.text).toBe('Jeg heter ةنس og er 12');
    expect(mixed.runs[0]!.x).toBe(56);
  });
});
