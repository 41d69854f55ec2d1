/**
 * Each municipality's Ed25519 key for consent receipts (WebCrypto, which workerd supports).
 * Made the first time a receipt is needed; the private half sealed at rest, the public half
 * published with every older one, so a receipt verifies as long as its key is listed.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { fromBase64url, toBase64url } from '../../core/base64.ts';
import { open, seal, type Keyring } from '../../core/sealed.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { consentReceiptKeys, type ConsentReceiptKeyRow } from './tables.ts';

export const privateKeyContext = (keyId: string) => `consent.receipt_key:${keyId}`;

export interface SigningKey {
  id: string;
  privateKey: CryptoKey;
  /** Statements that store a key made just now, for the caller's batch. */
  statements: Statement[];
}

/** A new key pair, retiring the current one (rotation), as a row to store. */
export async function newKeyPair(keyring: Keyring, municipalityId: string, now: Date) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const id = `${municipalityId}-${now.getTime().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
  const pkcs8 = toBase64url((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
  const row: ConsentReceiptKeyRow = {
    id,
    municipalityId,
    publicKey: toBase64url((await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer),
    sealedPrivateKey: await seal(keyring, pkcs8, privateKeyContext(id)),
    createdAt: now,
    retiredAt: null,
  };
  return { row, privateKey: pair.privateKey };
}

export class ReceiptKeys {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  /** Every key of the municipality, newest first, retired ones included. */
  all(municipalityId: string): Promise<ConsentReceiptKeyRow[]> {
    return this.db.select().from(consentReceiptKeys).where(eq(consentReceiptKeys.municipalityId, municipalityId)).orderBy(desc(consentReceiptKeys.createdAt));
  }

  async byId(id: string): Promise<ConsentReceiptKeyRow | undefined> {
    const [row] = await this.db.select().from(consentReceiptKeys).where(eq(consentReceiptKeys.id, id));
    return row;
  }

  /** The key that signs now; made (and returned as statements to store) when there is none. */
  async current(keyring: Keyring, municipalityId: string, now: Date): Promise<SigningKey> {
    const [row] = await this.db
      .select()
      .from(consentReceiptKeys)
      .where(and(eq(consentReceiptKeys.municipalityId, municipalityId), isNull(consentReceiptKeys.retiredAt)))
      .orderBy(desc(consentReceiptKeys.createdAt))
      .limit(1);
    if (row) {
      const pkcs8 = fromBase64url(await open(keyring, row.sealedPrivateKey, privateKeyContext(row.id)));
      return { id: row.id, privateKey: await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']), statements: [] };
    }
    const made = await newKeyPair(keyring, municipalityId, now);
    return { id: made.row.id, privateKey: made.privateKey, statements: [this.db.insert(consentReceiptKeys).values(made.row)] };
  }

  /** Rotation: the current key retires (still published), a new one signs from now on. */
  async rotate(keyring: Keyring, municipalityId: string, now: Date): Promise<Statement[]> {
    const made = await newKeyPair(keyring, municipalityId, now);
    return [
      this.db.update(consentReceiptKeys).set({ retiredAt: now }).where(and(eq(consentReceiptKeys.municipalityId, municipalityId), isNull(consentReceiptKeys.retiredAt))),
      this.db.insert(consentReceiptKeys).values(made.row),
    ];
  }
}

/** The public keys as a JWK set (RFC 8037: OKP, Ed25519), with when each was retired. */
export const publicJwks = (rows: ConsentReceiptKeyRow[]) => ({
  keys: rows.map((row) => ({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: row.id, x: row.publicKey, created: row.createdAt.toISOString(), retired: row.retiredAt?.toISOString() ?? null })),
});

export const importPublicKey = (row: ConsentReceiptKeyRow) => crypto.subtle.importKey('raw', fromBase64url(row.publicKey), { name: 'Ed25519' }, false, ['verify']);
