/** The signer's copy as a PDF: the document exactly as it was shown and chosen, with the receipt's facts. */
import { open, type Keyring } from '../../core/sealed.ts';
import { formatDate } from '../../core/i18n/format.ts';
import { translator } from '../../core/i18n/translate.ts';
import { maskNationalId } from '../../engine/questions/national-id.ts';
import type { Database } from '../../platform/storage/database.ts';
import { documentPdf, type PdfBlock } from '../links/index.ts';
import { Consents } from './repository.ts';
import { withdrawalCodeContext } from './receipt.ts';
import { sealContext } from './sign.ts';
import { serviceQuestionId, type SignedDocument } from './signing-form.ts';
import type { ConsentReceiptRow } from './tables.ts';

/** What the signer chose for each question of the document, in the language it was signed in. */
function answersOf(document: SignedDocument): Map<string, string> {
  const t = translator(document.language);
  const { choices } = document;
  return new Map([
    ['child-name', choices.childName],
    ['child-national-id', maskNationalId(choices.childNationalId)],
    ['limit-subject', choices.subject ?? '–'],
    ['limit-until', choices.until ?? '–'],
    ['signature', t('consent.pdf.signed', { name: choices.signature.name })],
    ...Object.entries(choices.decisions).map(([service, decision]): [string, string] => [serviceQuestionId(service), t(`consent.decisions.${decision}`)]),
  ]);
}

export async function signedPdf(keyring: Keyring, database: Database, receipt: ConsentReceiptRow) {
  const signature = (await new Consents(database).signatures(receipt.consentId)).find((row) => row.id === receipt.signatureId)!;
  const document = JSON.parse(await open(keyring, signature.sealedDocument, sealContext('document', signature.id))) as SignedDocument;
  const t = translator(document.language);
  const answers = answersOf(document);
  const blocks: PdfBlock[] = [
    { text: document.title, style: 'title' },
    { text: `${t('consent.receipt.id')}: ${receipt.id}`, style: 'text' },
    { text: `${t('consent.receipt.signedAt')}: ${formatDate(signature.signedAt, document.language)}`, style: 'text' },
    { text: `${t('consent.receipt.hash')}: ${signature.textHash}`, style: 'text' },
    { text: `${t('consent.receipt.code')}: ${await open(keyring, receipt.sealedWithdrawalCode, withdrawalCodeContext(receipt.id))}`, style: 'text' },
  ];
  for (const section of document.sections) {
    blocks.push({ text: '', style: 'gap' }, { text: section.title, style: 'heading' });
    for (const item of section.items) {
      blocks.push({ text: item.label, style: 'label' });
      if (item.text) blocks.push({ text: item.text, style: 'text' });
      const answer = answers.get(item.id);
      if (answer) blocks.push({ text: answer, style: 'text' });
    }
  }
  return documentPdf(document.language, document.title, blocks);
}
