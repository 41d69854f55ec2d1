/** The text a PDF made by pdf-lib with the standard fonts draws, page by page (for tests). */
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFObject } from 'pdf-lib';

export async function pdfText(bytes: ArrayBuffer): Promise<string[]> {
  const document = await PDFDocument.load(bytes);
  return document.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams: (PDFObject | undefined)[] = contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
    return streams
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
      .map((stream) => new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()))
      .join('\n')
      .match(/<([0-9A-Fa-f]*)> Tj/g)!
      .map((shown: string) => {
        const hex = shown.slice(1, -4);
        return String.fromCharCode(...(hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
      })
      .join('\n');
  });
}
