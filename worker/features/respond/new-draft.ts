import type { Context } from 'hono';
import type { AppEnv } from '../../platform/env.ts';
import type { CompiledForm } from '../../engine/schema.ts';
import type { Language } from '../../core/language.ts';
import type { Municipality, Store } from '../../platform/storage/store.ts';
import { newKey, sha256Hex } from '../../core/secrets.ts';
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
export async function openNewDraft<E extends AppEnv>(c: Context<E>, store: Store, municipality: Municipality, form: CompiledForm, options: NewDraftOptions) {
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
