/**
 * How a signer proves they agree. Today a simple electronic signature (the name typed, an
 * explicit confirmation, the time, and the SHA-256 of the document shown); a municipality can
 * later plug in a stronger method (ID-porten, BankID) by implementing the same interface.
 */
import { canonicalJson } from '../../engine/version.ts';
import { sha256Hex } from '../../core/secrets.ts';
import type { SignedDocument } from './signing-form.ts';

export interface Signature {
  method: string;
  /** The name as the signer gave it (or as the identity provider vouches for it). */
  name: string;
  signedAt: Date;
  /** SHA-256 (hex) of the canonical JSON of exactly what was shown and chosen. */
  textHash: string;
}

export interface Signer {
  readonly method: string;
  sign(document: SignedDocument, at: Date): Promise<Signature>;
}

export const documentHash = (document: SignedDocument) => sha256Hex(canonicalJson(document));

/** The typed name and the ticked confirmation are in the document's choices, so the hash binds them too. */
export const typedNameSigner: Signer = {
  method: 'typed-name',
  async sign(document, at) {
    if (!document.choices.signature.confirmed) throw new Error('a typed-name signature needs the confirmation');
    return { method: 'typed-name', name: document.choices.signature.name, signedAt: at, textHash: await documentHash(document) };
  },
};
