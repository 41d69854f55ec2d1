/**
 * Consent receipts: the fields of the Kantara Initiative Consent Receipt (v1.1) as JSON,
 * signed with the municipality's Ed25519 key over the canonical JSON. A receipt is genuine
 * when its key is one of ours, the signature holds, and it is the very receipt we issued;
 * it is in force while the signer's consent is neither withdrawn nor lapsed.
 */
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { lookupHash, seal, type Keyring } from '../../core/sealed.ts';
import type { Municipality } from '../../core/municipality.ts';
import { newResumeCode, normalizeResumeCode } from '../../core/secrets.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { canonicalJson } from '../../engine/version.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { fromBase64url, toBase64url } from '../../core/base64.ts';
import { importPublicKey, ReceiptKeys } from './receipt-keys.ts';
import { termsOf, type ConsentRecord } from './repository.ts';
import type { SignedDocument } from './signing-form.ts';
import type { Signature } from './signer.ts';
import { consentState } from './state.ts';
import { consentReceipts, type ConsentReceiptRow } from './tables.ts';

export const WITHDRAWAL_CODE_PURPOSE = 'consent.withdrawal_code';
export const withdrawalCodeContext = (receiptId: string) => `consent.withdrawal_code:${receiptId}`;

/** A receipt as it is handed out and checked. */
export const SignedReceipt = v.object({
  receipt: v.looseObject({
    consentReceiptID: v.string(),
    medvirk: v.looseObject({ municipality: v.string(), consentId: v.string(), signerId: v.string() }),
  }),
  kid: v.string(),
  alg: v.literal('EdDSA'),
  signature: v.string(),
});
export type SignedReceipt = v.InferOutput<typeof SignedReceipt>;

export function receiptPayload(municipality: Municipality, record: ConsentRecord, document: SignedDocument, signature: Signature & { id: string }, receiptId: string, origin: string, validUntil: Date) {
  const approved = record.consent.services.filter((service) => document.choices.decisions[service.id] === 'approve');
  const names = approved.map((service) => pickText(service.label, document.language));
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'NO',
    consentTimestamp: Math.floor(signature.signedAt.getTime() / 1000),
    collectionMethod: `personal link, ${signature.method} signature`,
    consentReceiptID: receiptId,
    language: document.language,
    // A pseudonym: the receipt names no person.
    piiPrincipalId: `signer:${document.signerId}`,
    piiControllers: [{ piiController: municipality.name, contact: municipality.name, address: '', email: '', phone: '', piiControllerUrl: origin }],
    policyUrl: `${origin}/privacy`,
    services: approved.map((service, index) => ({
      service: names[index],
      purposes: [
        {
          purpose: 'Interdisciplinary cooperation about the child',
          purposeCategory: ['cooperation between services'],
          consentType: 'EXPLICIT',
          piiCategory: ['information relevant to the cooperation'],
          primaryPurpose: true,
          termination: validUntil.toISOString(),
          thirdPartyDisclosure: approved.length > 1,
          thirdPartyName: names.filter((_, other) => other !== index).join(', '),
        },
      ],
    })),
    sensitive: true,
    spiCat: approved.some((service) => service.health) ? ['health'] : [],
    medvirk: { municipality: municipality.id, consentId: record.consent.id, signerId: document.signerId, signatureId: signature.id, textHash: signature.textHash, limit: { subject: document.choices.subject, until: document.choices.until } },
  };
}

/** Signs the receipt and returns its row (with the withdrawal code, sealed and hashed) and the code itself. */
export async function issueReceipt(database: Database, keyring: Keyring, municipality: Municipality, payload: ReturnType<typeof receiptPayload>, now: Date) {
  const key = await new ReceiptKeys(database).current(keyring, municipality.id, now);
  const text = canonicalJson(payload);
  const signature = toBase64url(await crypto.subtle.sign('Ed25519', key.privateKey, new TextEncoder().encode(text)));
  const code = newResumeCode();
  const row: ConsentReceiptRow = {
    id: payload.consentReceiptID,
    consentId: payload.medvirk.consentId,
    signatureId: payload.medvirk.signatureId,
    signerId: payload.medvirk.signerId,
    municipalityId: municipality.id,
    keyId: key.id,
    payload: text,
    signature,
    withdrawalCodeHash: await lookupHash(keyring, WITHDRAWAL_CODE_PURPOSE, normalizeResumeCode(code)!),
    sealedWithdrawalCode: await seal(keyring, code, withdrawalCodeContext(payload.consentReceiptID)),
    issuedAt: now,
  };
  const statements: Statement[] = [...key.statements, database.db.insert(consentReceipts).values(row)];
  return { row, statements };
}

/** The receipt as handed to the signer: exactly the signed JSON, the key's id and the signature. */
export const receiptJson = (row: ConsentReceiptRow): SignedReceipt => ({ receipt: JSON.parse(row.payload), kid: row.keyId, alg: 'EdDSA', signature: row.signature });

export class Receipts {
  constructor(private readonly database: Database) {}

  async byId(id: string): Promise<ConsentReceiptRow | undefined> {
    const [row] = await this.database.db.select().from(consentReceipts).where(eq(consentReceipts.id, id));
    return row;
  }

  async bySigner(signerId: string): Promise<ConsentReceiptRow | undefined> {
    const [row] = await this.database.db.select().from(consentReceipts).where(eq(consentReceipts.signerId, signerId));
    return row;
  }

  async byWithdrawalCode(keyring: Keyring, code: string): Promise<ConsentReceiptRow | undefined> {
    const normal = normalizeResumeCode(code);
    if (!normal) return undefined;
    const [row] = await this.database.db.select().from(consentReceipts).where(eq(consentReceipts.withdrawalCodeHash, await lookupHash(keyring, WITHDRAWAL_CODE_PURPOSE, normal)));
    return row;
  }
}

export type ReceiptCheck = { genuine: false } | { genuine: true; inForce: boolean; receiptId: string; issuedAt: Date; services: { id: string; inForce: boolean }[] };

/**
 * Genuine: signed by one of the municipality's keys, and the very receipt issued (a receipt
 * altered, or moved to another consent, fails). In force: the signer's approvals still count.
 */
export async function checkReceipt(database: Database, municipalityId: string, input: SignedReceipt, loadRecord: (consentId: string) => Promise<ConsentRecord | undefined>, now: Date): Promise<ReceiptCheck> {
  const key = await new ReceiptKeys(database).byId(input.kid);
  if (!key || key.municipalityId !== municipalityId) return { genuine: false };
  let valid = false;
  try {
    valid = await crypto.subtle.verify('Ed25519', await importPublicKey(key), fromBase64url(input.signature), new TextEncoder().encode(canonicalJson(input.receipt)));
  } catch {
    valid = false;
  }
  if (!valid) return { genuine: false };
  const issued = await new Receipts(database).byId(input.receipt.consentReceiptID);
  if (!issued || issued.payload !== canonicalJson(input.receipt) || issued.signature !== input.signature || issued.municipalityId !== municipalityId) return { genuine: false };
  const record = await loadRecord(issued.consentId);
  if (!record) return { genuine: false };
  const state = consentState(termsOf(record), record.events, now);
  const approved = record.events.filter((event) => event.kind === 'signed' && event.signerId === issued.signerId).map((event) => event.service!);
  const services = approved.map((id) => ({ id, inForce: !state.expiredAt && now <= state.validUntil && state.services[id]?.decisions[issued.signerId] === 'approve' }));
  return { genuine: true, inForce: services.some((service) => service.inForce), receiptId: issued.id, issuedAt: issued.issuedAt, services };
}
