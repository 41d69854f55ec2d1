import { keyringFrom, type Keyring } from '../core/sealed.ts';
import { refuse } from '../core/refusals.ts';
import type { Env } from './env.ts';
import { DEVELOPMENT_DATA_KEYS, DEVELOPMENT_LOOKUP_KEY } from './development-keys.ts';


let cached: { source: string; keyring: Promise<Keyring> } | undefined;

/** The keyring's secrets: set, or in development the development keys. */
function secretsOf(env: Env): { dataKeys: string; lookupKey: string } | undefined {
  const development = env.ENVIRONMENT === 'development';
  const dataKeys = env.DATA_KEYS ?? (development ? DEVELOPMENT_DATA_KEYS : undefined);
  const lookupKey = env.LOOKUP_KEY ?? (development ? DEVELOPMENT_LOOKUP_KEY : undefined);
  return dataKeys && lookupKey ? { dataKeys, lookupKey } : undefined;
}

function keyringOf({ dataKeys, lookupKey }: { dataKeys: string; lookupKey: string }): Promise<Keyring> {
  const source = `${dataKeys}|${lookupKey}`;
  if (cached?.source !== source) cached = { source, keyring: keyringFrom(dataKeys, lookupKey) };
  return cached.keyring;
}

/**
 * The keyring for values sealed at rest, read once per isolate from the DATA_KEYS and
 * LOOKUP_KEY secrets. Outside development a missing secret refuses the request (503) rather
 * than storing identifiable answers unsealed.
 */
export function keyringFor(env: Env): Promise<Keyring> {
  const secrets = secretsOf(env);
  if (!secrets) throw refuse('sealingUnavailable');
  return keyringOf(secrets);
}

/** The keyring, when its secrets are set: what only saves a round trip (a page's draft snapshot) does without. */
export function keyringIfSet(env: Env): Promise<Keyring> | undefined {
  const secrets = secretsOf(env);
  return secrets && keyringOf(secrets);
}
