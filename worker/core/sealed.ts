/**
 * Values sealed at rest: AES-256-GCM with a fresh 96-bit IV per value. A sealed value names
 * the key that sealed it (`v1.<key id>.<iv>.<ciphertext>`, base64url), so keys can rotate:
 * the newest key seals, every listed key still opens, and `reseal` moves a value to the newest.
 * The context (for instance "consent.child_name:<row id>") is bound as additional data, so a
 * value copied into another row or column does not open there.
 */
import { fromBase64url, toBase64url } from './base64.ts';

export interface Keyring {
  /** The id of the key that seals new values. */
  readonly current: string;
  readonly keys: ReadonlyMap<string, CryptoKey>;
  /** HMAC-SHA-256 key for lookups by a value (a national ID) without storing it readable. */
  readonly lookup: CryptoKey;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const encoder = new TextEncoder();

export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

/**
 * Reads keys written as `id:base64,id:base64` (newest first; each 32 bytes) and a lookup key
 * (base64, at least 32 bytes). Throws on anything else, so a deployment with a broken secret
 * fails loudly instead of sealing with a wrong key.
 */
export async function keyringFrom(dataKeys: string, lookupKey: string): Promise<Keyring> {
  const keys = new Map<string, CryptoKey>();
  let current: string | undefined;
  for (const entry of dataKeys.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [id, material, ...rest] = entry.split(':');
    if (!id || !material || rest.length || !KEY_ID.test(id)) throw new SealedValueError('a data key must be written id:base64');
    if (keys.has(id)) throw new SealedValueError(`data key ${id} is listed twice`);
    const raw = fromBase64url(material);
    if (raw.length !== 32) throw new SealedValueError(`data key ${id} must be 32 bytes`);
    keys.set(id, await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
    current ??= id;
  }
  if (!current) throw new SealedValueError('no data key is set');
  const lookupRaw = fromBase64url(lookupKey.trim());
  if (lookupRaw.length < 32) throw new SealedValueError('the lookup key must be at least 32 bytes');
  const lookup = await crypto.subtle.importKey('raw', lookupRaw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { current, keys, lookup };
}

/** Seals a text with the newest key, bound to its context. */
export async function seal(keyring: Keyring, plaintext: string, context: string): Promise<string> {
  const key = keyring.keys.get(keyring.current)!;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, encoder.encode(plaintext)),
  );
  return `v1.${keyring.current}.${toBase64url(iv)}.${toBase64url(ciphertext)}`;
}

/** The id of the key that sealed a value. */
export function keyIdOf(sealed: string): string {
  const [version, keyId] = sealed.split('.');
  if (version !== 'v1' || !keyId) throw new SealedValueError('not a sealed value');
  return keyId;
}

/** Opens a sealed value; throws when its key is gone, or when the value or its context was changed. */
export async function open(keyring: Keyring, sealed: string, context: string): Promise<string> {
  const [version, keyId, iv, ciphertext, ...rest] = sealed.split('.');
  if (version !== 'v1' || !keyId || !iv || !ciphertext || rest.length) throw new SealedValueError('not a sealed value');
  const key = keyring.keys.get(keyId);
  if (!key) throw new SealedValueError(`data key ${keyId} is not available`);
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64url(iv), additionalData: encoder.encode(context) },
      key,
      fromBase64url(ciphertext),
    );
    return new TextDecoder().decode(plaintext);
  } catch {
    throw new SealedValueError('the sealed value does not open: changed, or sealed for another place');
  }
}

/** The value sealed with the newest key, or undefined when it already is. */
export async function reseal(keyring: Keyring, sealed: string, context: string): Promise<string | undefined> {
  if (keyIdOf(sealed) === keyring.current) return undefined;
  return seal(keyring, await open(keyring, sealed, context), context);
}

/** A keyed hash (hex) for finding a value by equality, e.g. a national ID, without storing it. */
export async function lookupHash(keyring: Keyring, purpose: string, value: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keyring.lookup, encoder.encode(`${purpose}\u0000${value}`)));
  return [...mac].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
