import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { visiblePages } from '../forms/flow.ts';
import type { CompiledForm } from '../forms/schema.ts';
import { isLanguage } from '../forms/text.ts';
import { sha256Hex } from '../journey/codes.ts';
import { readDraftKey } from '../journey/draft-cookie.ts';
import { openNewDraft } from '../journey/new-draft.ts';
import type { FormLink, Municipality, Store } from '../storage/store.ts';

/**
 * Opens a link's form on this device: continues this device's draft of the link if there is
 * one, or starts a new one (recording the helper's role when answering together with staff).
 * Returns where to go next.
 */
export async function startLinkDraft(c: Context<AppEnv>, store: Store, municipality: Municipality, link: FormLink, current: CompiledForm, assistedRole?: string): Promise<string> {
  const { now } = c.var;
  const base = `/m/${municipality.id}/${link.formId}`;
  const key = readDraftKey(c, municipality.id, link.formId);
  const existing = key ? await store.draftByKey(await sha256Hex(key)) : undefined;
  if (existing?.linkId === link.id && existing.status === 'open' && existing.expiresAt > now && existing.assistedRole === (assistedRole ?? null)) return base;

  const expiresAt = new Date(Math.min(link.expiresAt.getTime(), now.getTime() + municipality.draftTtlDays * 86_400_000));
  const language = isLanguage(link.language) ? link.language : municipality.writtenStandard;
  await openNewDraft(c, store, municipality, current, { language, expiresAt, linkId: link.id, assistedRole: assistedRole ?? null });
  // The link chose the language; the first page is shown in it.
  const first = visiblePages(current.definition, {})[0];
  return first ? `${base}/p/${first.id}?lang=${link.language}` : base;
}
