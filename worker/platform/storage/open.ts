import type { Env } from '../env.ts';
import type { Municipality } from '../../core/municipality.ts';
import { Database } from './database.ts';
import { Directory } from './directory.ts';

const isD1 = (value: unknown): value is D1Database => typeof value === 'object' && value !== null && 'prepare' in value && 'batch' in value;

/** The database a municipality's data lives in, by the binding name the directory records. */
export function municipalityBinding(env: Env, municipality: Municipality): D1Database {
  const binding: unknown = (env as unknown as Record<string, unknown>)[municipality.database];
  if (!isD1(binding)) throw new Error(`municipality ${municipality.id} names database binding "${municipality.database}", which this Worker does not have`);
  return binding;
}

export const openDirectory = (env: Env) => new Directory(env.DB);

/** The handle a request uses for one municipality's data. */
export const openDatabase = (env: Env, municipality: Municipality) => new Database(municipalityBinding(env, municipality));
