import type { Env } from '../env.ts';
import { D1Store } from './d1-store.ts';
import { Directory } from './directory.ts';
import { People } from '../../features/staff/index.ts';
import type { Municipality, Store } from './store.ts';

const isD1 = (value: unknown): value is D1Database => typeof value === 'object' && value !== null && 'prepare' in value && 'batch' in value;

/** The database a municipality's data lives in, by the binding name the directory records. */
export function municipalityDatabase(env: Env, municipality: Municipality): D1Database {
  const binding: unknown = (env as unknown as Record<string, unknown>)[municipality.database];
  if (!isD1(binding)) throw new Error(`municipality ${municipality.id} names database binding "${municipality.database}", which this Worker does not have`);
  return binding;
}

export const openDirectory = (env: Env) => new Directory(env.DB);

/** The handle every request uses for one municipality's data. */
export const openStore = (env: Env, municipality: Municipality): Store => new D1Store(municipalityDatabase(env, municipality));

/** Nightly clean-up of the directory and of every municipality's database, each once. */
export async function purgeAll(env: Env, now: Date) {
  const directory = openDirectory(env);
  await directory.purgeExpired(now);
  await new People(env.DB).purgeExpired(now);
  const bindings = new Map((await directory.municipalities()).map((municipality) => [municipality.database, municipality]));
  // One database failing must not keep the others from being cleaned.
  const results = await Promise.allSettled([
    ...[...bindings.values()].map((municipality) => openStore(env, municipality).purgeExpired(now)),
    ...(await directory.municipalities()).map((municipality) => {
      const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - municipality.responseRetentionMonths, 1));
      return openStore(env, municipality).purgeOldResponses(municipality.id, cutoff.toISOString().slice(0, 7), cutoff, now);
    }),
  ]);
  const failed = results.filter((result) => result.status === 'rejected').length;
  if (failed) throw new Error(`clean-up failed in ${failed} database(s)`);
}
