/** The PDF of an answer for the case file, with text in a script its fonts cannot draw. */
import { describe, expect, it } from 'vitest';
import { answeredCase } from './case-fixture.ts';
import { pdfText } from './pdf-text.ts';

const NOTE = 'Noen bokstaver i teksten over kan ikke vises i PDF-en.';

const pdfOf = async ({ staff, responseId }: Awaited<ReturnType<typeof answeredCase>>) => (await pdfText(await (await staff.get(`/staff/m/demo/responses/${responseId}/pdf`)).arrayBuffer())).join('\n');

describe('the PDF of an answer', () => {
  it('says so after a text whose letters it cannot show, instead of dropping them without a word', async () => {
    expect(await pdfOf(await answeredCase('PDF-UK-1', undefined, 'nb', 'Я хочу більше часу з татом'))).toContain(NOTE);
    // An answer in Norwegian letters prints whole, with no note.
    const plain = await pdfOf(await answeredCase('PDF-NB-1'));
    expect(plain).toContain('Jeg vil bo hos pappa i helgene');
    expect(plain).not.toContain(NOTE);
  });
});
