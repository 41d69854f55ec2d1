/**
 * The draft as a question page showed it, sealed into the page, so saving that page needs no
 * read first: one D1 round trip instead of two. The server trusts a snapshot only as far as
 * the write that uses it proves it: that write is guarded by the snapshot's revision, the
 * device key and the draft still being open, and a snapshot that no longer matches falls back
 * to reading the draft (`Drafts.saveFromSnapshot`). Sealed with the data key and bound to the
 * device key's hash, it opens for no other device and cannot be read or changed in the page.
 */
import * as v from 'valibot';
import { LANGUAGES } from '../../core/language.ts';
import { open, seal, SealedValueError, type Keyring } from '../../core/sealed.ts';
import { Answers } from '../../engine/answer.ts';
import type { Draft } from './repository.ts';

/**
 * A snapshot larger than this is left out of the page (the save then reads the draft): a page
 * a child loads on a slow line should not grow by more than a few kilobytes for it.
 */
export const SNAPSHOT_MAX_CHARS = 6000;

/**
 * Only what an open draft without a personal link holds: a link's draft is governed by the link
 * (withdrawn, expired, answered elsewhere), which only a read can tell, so it never gets one.
 */
const Snapshot = v.object({
  id: v.string(),
  municipalityId: v.string(),
  formId: v.string(),
  formVersion: v.string(),
  language: v.picklist(LANGUAGES),
  answers: Answers,
  revision: v.number(),
  submissionId: v.string(),
  expiresAt: v.number(),
  roundLinkId: v.nullable(v.string()),
});

const contextOf = (keyHash: string) => `journey.snapshot:${keyHash}`;

/** Whether a page may carry the draft at all. */
const snapshotable = (draft: Draft) => draft.status === 'open' && !draft.linkId && !draft.assistedRole;

/** The sealed snapshot of an open draft for the device with this key, or none when it may not or would not fit. */
export async function sealSnapshot(keyring: Keyring, keyHash: string, draft: Draft): Promise<string | undefined> {
  if (!snapshotable(draft)) return undefined;
  const { id, municipalityId, formId, formVersion, language, answers, revision, submissionId, expiresAt, roundLinkId } = draft;
  const plain = JSON.stringify({ id, municipalityId, formId, formVersion, language, answers, revision, submissionId, expiresAt: expiresAt.getTime(), roundLinkId } satisfies v.InferInput<typeof Snapshot>);
  const sealed = await seal(keyring, plain, contextOf(keyHash));
  return sealed.length <= SNAPSHOT_MAX_CHARS ? sealed : undefined;
}

/** The draft a snapshot holds, or none when it does not open for this device key (tampered, another device's, a retired key). */
export async function openSnapshot(keyring: Keyring, keyHash: string, sealed: string): Promise<Draft | undefined> {
  let plain: string;
  try {
    plain = await open(keyring, sealed, contextOf(keyHash));
  } catch (error) {
    if (error instanceof SealedValueError) return undefined;
    throw error;
  }
  const parsed = v.safeParse(Snapshot, JSON.parse(plain));
  if (!parsed.success) return undefined;
  const { expiresAt, ...rest } = parsed.output;
  return { ...rest, expiresAt: new Date(expiresAt), status: 'open', reference: null, linkId: null, assistedRole: null, flagged: false };
}
