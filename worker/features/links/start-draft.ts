import type { Context } from 'hono';
import type { AppEnv } from '../../platform/env.ts';
import type { CompiledForm } from '../../engine/schema.ts';
import { isLanguage } from '../../core/language.ts';
import type { Municipality } from '../../core/municipality.ts';
import { sha256Hex } from '../../core/secrets.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { keyringFor } from '../../platform/keys.ts';
import { draftExpiry, Drafts, openNewDraft, readDraftKey } from '../respond/index.ts';
import { Links, type FormLink } from './repository.ts';

/**
 * Opens a link's form on this device, at its start page: continues this device's draft of the
 * link, or starts one (recording the helper's role when answering together with staff). Another
 * device gets a draft of its own: whoever else holds the link never reads what was written.
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
  // The start page says who sent the form and why; the link chose its language.
  const start = `/m/${municipality.id}/${link.formId}?lang=${link.language}`;
  const drafts = new Drafts(database, () => keyringFor(c.env));
  const key = readDraftKey(c, municipality.id, link.formId);
  const mine = key ? await drafts.byKey(await sha256Hex(key)) : undefined;
  if (mine?.linkId === link.id && mine.status === 'open' && mine.expiresAt > now && mine.assistedRole === assistedRole) {
    await database.commit(alongside);
    return start;
  }
  const expiresAt = draftExpiry(municipality, now, link.expiresAt);
  const language = isLanguage(link.language) ? link.language : municipality.writtenStandard;
  await openNewDraft(c, database, municipality, current, { language, expiresAt, linkId: link.id, assistedRole, alongside });
  return start;
}
