/** A signer signs through their own link: checked, sealed and logged in one batch. */
import { lookupHash, seal } from '../../core/sealed.ts';
import type { Language } from '../../core/language.ts';
import type { Municipality } from '../../core/municipality.ts';
import { refuse } from '../../core/refusals.ts';
import type { Page } from '../../engine/schema.ts';
import type { Env } from '../../platform/env.ts';
import { keyringFor } from '../../platform/keys.ts';
import type { Database } from '../../platform/storage/database.ts';
import { Audit } from '../audit/index.ts';
import { consentForm } from './form.ts';
import { nameContext } from './present.ts';
import { Consents, termsOf, type ConsentRecord } from './repository.ts';
import { issueReceipt, receiptPayload } from './receipt.ts';
import { typedNameSigner, type Signer } from './signer.ts';
import { signedDocument, type SignedChoices } from './signing-form.ts';
import { consentState } from './state.ts';
import type { ConsentSignerRow, NewConsentEvent } from './tables.ts';

export const CHILD_ID_PURPOSE = 'consent.child_national_id';
export const sealContext = (field: 'child_name' | 'child_id' | 'document', signatureId: string) => `consent.${field}:${signatureId}`;

/** Why this signer cannot sign now, if they cannot. */
export function signingRefusal(record: ConsentRecord, signer: ConsentSignerRow, now: Date) {
  const state = consentState(termsOf(record), record.events, now);
  if (state.signed.includes(signer.id)) return 'consentAlreadySigned' as const;
  if (state.status === 'expired') return 'consentExpired' as const;
  if (state.status === 'withdrawn' || record.events.some((event) => event.kind === 'withdrawn')) return 'consentWithdrawn' as const;
  return undefined;
}

/** The end of the day a signer chose, in Norway (at most an hour off in summer: it errs on the early side). */
const endOfDay = (iso: string) => new Date(`${iso}T22:59:59.999Z`);

export async function signConsent(
  env: Env,
  database: Database,
  municipality: Municipality,
  record: ConsentRecord,
  signer: ConsentSignerRow,
  sections: Page[],
  language: Language,
  choices: SignedChoices,
  origin: string,
  now: Date,
  method: Signer = typedNameSigner,
) {
  const refusal = signingRefusal(record, signer, now);
  if (refusal) refuse(refusal);
  const keyring = await keyringFor(env);
  const consents = new Consents(database);
  const childIdHash = await lookupHash(keyring, CHILD_ID_PURPOSE, choices.childNationalId);
  // Every signer signs for the same child: a second signer's number must match the first's.
  if ((await consents.signatures(record.consent.id)).some((signature) => signature.childIdHash !== childIdHash)) refuse('consentChildMismatch');

  const document = signedDocument(consentForm(signer.role), sections, language, { consentId: record.consent.id, signerId: signer.id, serviceListVersion: record.consent.serviceListVersion }, choices);
  const signature = await method.sign(document, now);
  const id = crypto.randomUUID();
  const by = `signer:${signer.id}`;
  const base = { consentId: record.consent.id, municipalityId: municipality.id, signerId: signer.id, at: now, by, signatureId: id };
  const events: NewConsentEvent[] = Object.entries(choices.decisions).map(([service, decision]) => ({
    ...base,
    kind: decision === 'approve' ? 'signed' : 'declined',
    service,
    notRelevant: decision === 'not-relevant',
  }));
  const until = choices.until ? endOfDay(choices.until) : null;
  if (choices.subject || until) events.push({ ...base, kind: 'limited', subject: choices.subject, periodUntil: until });
  const validUntil = until && until < record.consent.expiresAt ? until : record.consent.expiresAt;
  const receipt = await issueReceipt(database, keyring, municipality, receiptPayload(municipality, record, document, { ...signature, id }, crypto.randomUUID(), origin, validUntil), now);

  await database.commit([
    consents.addSignature({
      id,
      consentId: record.consent.id,
      signerId: signer.id,
      method: signature.method,
      sealedName: await seal(keyring, signature.name, nameContext(id)),
      sealedChildName: await seal(keyring, choices.childName, sealContext('child_name', id)),
      sealedChildId: await seal(keyring, choices.childNationalId, sealContext('child_id', id)),
      childIdHash,
      sealedDocument: await seal(keyring, JSON.stringify(document), sealContext('document', id)),
      textHash: signature.textHash,
      language,
      signedAt: now,
    }),
    ...events.map((event) => consents.append(event)),
    ...receipt.statements,
    new Audit(database).record({ municipalityId: municipality.id, at: now, personId: by, action: 'consent.sign', targetType: 'consent', targetId: record.consent.id, via: 'web' }),
  ]);
  return { id, signature, document, receipt: receipt.row };
}
