import type { Context } from 'hono';
import type { AppEnv } from '../../platform/env.ts';
import { journeyOf } from '../../engine/journey.ts';
import type { CompiledForm } from '../../engine/schema.ts';
import { isLanguage } from '../../core/language.ts';
import { sha256Hex } from '../../core/secrets.ts';
import { DAY_MS } from '../../core/vocabulary.ts';
import { readDraftKey } from '../respond/index.ts';
import { openNewDraft } from '../respond/index.ts';
import type { FormLink, Municipality, Store } from '../../platform/storage/store.ts';

/**
 * Opens a link's form on this device: continues this device's draft of the link if there is
 * one, or starts a new one (recording the helper's role when answering together with staff).
 * Returns where to go next.
 */
export async function startLinkDraft<E extends AppEnv>(c: Context<E>, store: Store, municipality: Municipality, link: FormLink, current: CompiledForm, assistedRole?: string): Promise<string> {
  const { now } = c.var as AppEnv['Variables'];
  const base = `/m/${municipality.id}/${link.formId}`;
  const key = readDraftKey(c, municipality.id, link.formId);
  const existing = key ? await store.draftByKey(await sha256Hex(key)) : undefined;
  if (existing?.linkId === link.id && existing.status === 'open' && existing.expiresAt > now && existing.assistedRole === (assistedRole ?? null)) return base;

  const expiresAt = new Date(Math.min(link.expiresAt.getTime(), now.getTime() + municipality.draftTtlDays * DAY_MS));
  const language = isLanguage(link.language) ? link.language : municipality.writtenStandard;
  await openNewDraft(c, store, municipality, current, { language, expiresAt, linkId: link.id, assistedRole: assistedRole ?? null });
  // The link chose the language; the first page is shown in it.
  const first = journeyOf(current.definition, {}).pages[0];
  return first ? `${base}/p/${first.id}?lang=${link.language}` : base;
}
