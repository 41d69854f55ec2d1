import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import type { CompiledForm } from '../forms/schema.ts';
import type { Language } from '../forms/text.ts';
import type { Municipality, Store } from '../storage/store.ts';
import { newKey, sha256Hex } from './codes.ts';
import { writeDraftKey } from './draft-cookie.ts';

export interface NewDraftOptions {
  language: Language;
  expiresAt: Date;
  linkId?: string;
  assistedRole?: string | null;
}

/**
 * Starts a draft on this device: the submission id is fixed now (what makes submitting
 * idempotent), the form version is recorded, and the device gets its key in a cookie.
 */
export async function openNewDraft(c: Context<AppEnv>, store: Store, municipality: Municipality, form: CompiledForm, options: NewDraftOptions) {
  const { now } = c.var;
  const key = newKey();
  await store.recordFormVersion(form, now);
  await store.createDraft({
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
  });
  writeDraftKey(c, municipality.id, form.definition.id, key, options.expiresAt);
}
