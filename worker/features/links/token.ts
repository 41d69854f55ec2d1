/** What a personal link's address carries, read back to the hash the link is stored under. */
import { newLinkCode, normalizeLinkCode, sha256Hex } from '../../core/secrets.ts';

/** Links made before the short codes: 43 URL-safe characters, still opened as they are. */
const OLD_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new link's code, as shown and typed, and the hash that is all the database keeps. */
export async function newLinkToken(): Promise<{ code: string; hash: string }> {
  const code = newLinkCode();
  return { code, hash: await sha256Hex(normalizeLinkCode(code)!) };
}

/**
 * The stored hash for what was clicked or typed: an old token exactly, a code in any case,
 * with spaces or dashes and O for 0, I or L for 1. Undefined: nothing worth a look-up.
 */
export async function linkTokenHash(text: string): Promise<string | undefined> {
  if (OLD_TOKEN.test(text)) return sha256Hex(text);
  const code = normalizeLinkCode(text);
  return code && sha256Hex(code);
}
