import type { Context } from 'hono';
import type { AppEnv } from '../../platform/env.ts';
import type { CompiledForm } from '../../engine/schema.ts';
import type { Language } from '../../core/language.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { Drafts, FormVersions, type Draft } from './repository.ts';
import { newKey, sha256Hex } from '../../core/secrets.ts';
import { writeDraftKey } from './draft-cookie.ts';
import { deviceHoldUntil } from './lifetime.ts';

export interface NewDraftOptions {
  language: Language;
  expiresAt: Date;
  linkId?: string;
  assistedRole?: string | null;
  /** The open link of a user-insight round. */
  roundLinkId?: string;
  /** Statements to write in the same batch, such as the audit entry of an assisted start. */
  alongside?: Statement[];
}

/**
 * Starts a draft on this device: the submission id is fixed now (what makes submitting
 * idempotent), the form version is recorded, and the device gets its key in a cookie.
 * Returns the draft as stored, and the hash of this device's key to it.
 */
export async function openNewDraft<E extends AppEnv>(c: Context<E>, database: Database, municipality: Municipality, form: CompiledForm, options: NewDraftOptions): Promise<{ draft: Draft; keyHash: string }> {
  const { now } = c.var as AppEnv['Variables'];
  const key = newKey();
  const draft: Draft = {
    id: crypto.randomUUID(),
    municipalityId: municipality.id,
    formId: form.definition.id,
    formVersion: form.version,
    language: options.language,
    answers: {},
    revision: 0,
    submissionId: crypto.randomUUID(),
    status: 'open',
    reference: null,
    expiresAt: options.expiresAt,
    linkId: options.linkId ?? null,
    assistedRole: options.assistedRole ?? null,
    roundLinkId: options.roundLinkId ?? null,
    flagged: false,
  };
  const keyHash = await sha256Hex(key);
  // The form version, the draft, its device key (and a link marked started): one batch.
  await database.commit([
    new FormVersions(database).record(form, now),
    ...new Drafts(database).create({ ...draft, keyHash, createdAt: now, linkId: options.linkId, roundLinkId: options.roundLinkId }),
    ...(options.alongside ?? []),
  ]);
  writeDraftKey(c, municipality.id, form.definition.id, key, deviceHoldUntil(options.expiresAt, now, !!options.linkId));
  return { draft, keyHash };
}

/** Lets this device open a draft it did not start (it gave the resume code): a key of its own, written with `alongside` in one batch. */
export async function continueOnThisDevice<E extends AppEnv>(c: Context<E>, database: Database, draft: Draft, alongside: Statement[] = []) {
  const { now } = c.var as AppEnv['Variables'];
  const key = newKey();
  await database.commit([new Drafts(database).addKey(draft.id, await sha256Hex(key), now), ...alongside]);
  writeDraftKey(c, draft.municipalityId, draft.formId, key, deviceHoldUntil(draft.expiresAt, now, !!draft.linkId));
}
