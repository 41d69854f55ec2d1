import type { Context } from 'hono';
import type { AppEnv } from '../../platform/env.ts';
import type { CompiledForm } from '../../engine/schema.ts';
import type { Language } from '../../core/language.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { Drafts, FormVersions } from './repository.ts';
import { newKey, sha256Hex } from '../../core/secrets.ts';
import { writeDraftKey } from './draft-cookie.ts';

export interface NewDraftOptions {
  language: Language;
  expiresAt: Date;
  linkId?: string;
  assistedRole?: string | null;
  /** Statements to write in the same batch, such as the audit entry of an assisted start. */
  alongside?: Statement[];
}

/**
 * Starts a draft on this device: the submission id is fixed now (what makes submitting
 * idempotent), the form version is recorded, and the device gets its key in a cookie.
 */
export async function openNewDraft<E extends AppEnv>(c: Context<E>, database: Database, municipality: Municipality, form: CompiledForm, options: NewDraftOptions) {
  const { now } = c.var as AppEnv['Variables'];
  const key = newKey();
  // The form version, the draft, its device key (and a link marked started): one batch.
  await database.commit([
    new FormVersions(database).record(form, now),
    ...new Drafts(database).create({
      id: crypto.randomUUID(),
      keyHash: await sha256Hex(key),
      municipalityId: municipality.id,
      formId: form.definition.id,
      formVersion: form.version,
      language: options.language,
      answers: {},
      submissionId: crypto.randomUUID(),
      createdAt: now,
      expiresAt: options.expiresAt,
      linkId: options.linkId,
      assistedRole: options.assistedRole ?? null,
    }),
    ...(options.alongside ?? []),
  ]);
  writeDraftKey(c, municipality.id, form.definition.id, key, options.expiresAt);
}
