import type { Context } from 'hono';
import type { AppEnv } from '../../platform/env.ts';
import { journeyOf } from '../../engine/journey.ts';
import type { CompiledForm } from '../../engine/schema.ts';
import { isLanguage } from '../../core/language.ts';
import type { Municipality } from '../../core/municipality.ts';
import { sha256Hex } from '../../core/secrets.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { draftExpiry, Drafts, openNewDraft, readDraftKey } from '../respond/index.ts';
import { Links, type FormLink } from './repository.ts';

/**
 * Opens a link's form on this device: continues this device's draft of the link if there is
 * one, or starts a new one (recording the helper's role when answering together with staff).
 * The link is marked opened, and `alongside` (an audit entry) written, in the same batch.
 * Returns where to go next.
 */
export async function startLinkDraft<E extends AppEnv>(
  c: Context<E>,
  database: Database,
  municipality: Municipality,
  link: FormLink,
  current: CompiledForm,
  options: { assistedRole?: string; alongside?: Statement[] } = {},
): Promise<string> {
  const { now } = c.var as AppEnv['Variables'];
  const assistedRole = options.assistedRole ?? null;
  const alongside = [new Links(database).mark(link.id, 'openedAt', now), ...(options.alongside ?? [])];
  const base = `/m/${municipality.id}/${link.formId}`;
  const key = readDraftKey(c, municipality.id, link.formId);
  const existing = key ? await new Drafts(database).byKey(await sha256Hex(key)) : undefined;
  if (existing?.linkId === link.id && existing.status === 'open' && existing.expiresAt > now && existing.assistedRole === assistedRole) {
    await database.commit(alongside);
    return base;
  }

  const expiresAt = draftExpiry(municipality, now, link.expiresAt);
  const language = isLanguage(link.language) ? link.language : municipality.writtenStandard;
  await openNewDraft(c, database, municipality, current, { language, expiresAt, linkId: link.id, assistedRole, alongside });
  // The link chose the language; the first page is shown in it.
  const first = journeyOf(current.definition, {}).pages[0];
  return first ? `${base}/p/${first.id}?lang=${link.language}` : base;
}
