/**
 * What a PDF made by pdf-lib draws, read back as a PDF reader's text search or copy does: each
 * glyph through its font's ToUnicode map (for tests).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, type PDFObject, type PDFPage } from 'pdf-lib';

/** One string drawn: where it starts, its glyphs (codes in the embedded font) and the text they stand for. */
export interface DrawnRun {
  x: number;
  y: number;
  codes: number[];
  text: string;
}

const decode = (stream: PDFObject | undefined) => (stream instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()) : '');

/** Each font of the page by its resource name, as glyph code → text. */
function toUnicodeMaps(document: PDFDocument, page: PDFPage): Map<string, Map<number, string>> {
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  return new Map(
    (fonts?.entries() ?? []).map(([name, ref]) => {
      const cmap = decode(document.context.lookup(document.context.lookup(ref, PDFDict).get(PDFName.of('ToUnicode'))));
      const glyphs = new Map<number, string>();
      for (const [, code, unicode] of cmap.matchAll(/<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]+)>/g)) {
        glyphs.set(parseInt(code!, 16), String.fromCharCode(...unicode!.match(/.{4}/g)!.map((unit) => parseInt(unit, 16))));
      }
      return [name.decodeText(), glyphs];
    }),
  );
}

/** Every string drawn, page by page, in the order drawn. */
export async function pdfRuns(bytes: ArrayBuffer): Promise<DrawnRun[][]> {
  const document = await PDFDocument.load(bytes);
  return document.getPages().map((page) => {
    const maps = toUnicodeMaps(document, page);
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
    const runs: DrawnRun[] = [];
    let glyphs = new Map<number, string>();
    let at = { x: 0, y: 0 };
    for (const [, font, x, y, hex] of streams.map(decode).join('\n').matchAll(/\/(\S+) [\d.]+ Tf|1 0 0 1 ([\d.-]+) ([\d.-]+) Tm|<([0-9A-Fa-f]*)> Tj/g)) {
      if (font) glyphs = maps.get(font) ?? new Map();
      else if (x) at = { x: Number(x), y: Number(y) };
      else {
        const codes = (hex!.match(/.{4}/g) ?? []).map((code) => parseInt(code, 16));
        runs.push({ ...at, codes, text: codes.map((code) => glyphs.get(code) ?? '\ufffd').join('') });
      }
    }
    return runs;
  });
}

/** The text of each page: its lines from the top, each line's strings from left to right. */
export async function pdfText(bytes: ArrayBuffer): Promise<string[]> {
  return (await pdfRuns(bytes)).map((runs) => {
    const lines = new Map<number, DrawnRun[]>();
    for (const run of runs) lines.set(run.y, [...(lines.get(run.y) ?? []), run]);
    return [...lines.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, line]) => line.sort((a, b) => a.x - b.x).map((run) => run.text).join(''))
      .join('\n');
  });
}
