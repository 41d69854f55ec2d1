/** Municipalities a test makes for itself, so it changes only rows it created. */
import { env } from 'cloudflare:test';
import { sha256Hex } from '../../worker/core/secrets.ts';
import type { Client } from './client.ts';

export interface NewMunicipality {
  name?: string;
  writtenStandard?: 'nb' | 'nn';
  draftTtlDays?: number;
  responseRetentionMonths?: number;
  database?: 'DB' | 'DB_SECOND';
  /** Forms it offers at a public address. */
  publishes?: string[];
  /** People (by id) and their role there. */
  members?: [string, 'staff' | 'planner' | 'admin'][];
}

/** Adds a municipality with a fresh id to the directory, with what the test needs, and returns its id. */
export async function newMunicipality(options: NewMunicipality = {}): Promise<string> {
  const id = `test-${crypto.randomUUID().slice(0, 8)}`;
  const { name = `Testkommune ${id}`, writtenStandard = 'nb', draftTtlDays = 30, responseRetentionMonths = 60, database = 'DB', publishes = [], members = [] } = options;
  await env.DB.batch([
    env.DB.prepare('INSERT INTO municipalities (id, name, written_standard, draft_ttl_days, response_retention_months, database) VALUES (?, ?, ?, ?, ?, ?)').bind(id, name, writtenStandard, draftTtlDays, responseRetentionMonths, database),
    ...publishes.map((form) => env.DB.prepare('INSERT INTO publications (municipality_id, form_id, opened_at) VALUES (?, ?, 0)').bind(id, form)),
    ...members.map(([person, role]) => env.DB.prepare('INSERT INTO memberships (person_id, municipality_id, role) VALUES (?, ?, ?)').bind(person, id, role)),
  ]);
  return id;
}

/** The id of the draft a browser's cookie opens for a form. */
export async function draftIdOf(client: Client, database: D1Database, municipality: string, form: string): Promise<string> {
  const key = client.cookies.get(`__Host-d-${municipality}-${form}`) ?? '';
  const row = await database.prepare('SELECT draft_id FROM draft_keys WHERE key_hash = ?').bind(await sha256Hex(key)).first<{ draft_id: string }>();
  if (!row) throw new Error(`no draft for ${municipality}/${form} on this client`);
  return row.draft_id;
}
