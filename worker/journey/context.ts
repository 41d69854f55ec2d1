import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env.ts';
import { currentForm, formAt } from '../forms/registry.ts';
import { useLanguage } from '../middleware/ui/index.ts';
import { sha256Hex } from './codes.ts';
import { forgetDraftKey, readDraftKey } from './draft-cookie.ts';

/**
 * Resolves what every journey route needs: the municipality (which must offer the form),
 * the form at the version the person's draft started on, the draft itself, and the language.
 */
export const loadJourney = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const municipalityId = c.req.param('municipality') ?? '';
  const formId = c.req.param('form') ?? '';
  const current = currentForm(formId);
  const municipality = current && (await c.var.directory.municipality(municipalityId));
  if (!current || !municipality) throw new HTTPException(404, { message: 'formNotFound' });
  const store = c.var.openStore(municipality);
  c.set('store', store);

  const key = readDraftKey(c, municipalityId, formId);
  const found = key ? await store.draftByKey(await sha256Hex(key)) : undefined;
  // A key for another form's draft (a tampered cookie) is treated as no draft at all.
  const draft = found && found.municipalityId === municipalityId && found.formId === formId ? found : undefined;
  const draftExpired = !!draft && draft.expiresAt <= c.var.now;
  const linkId = draft?.linkId && draft.status === 'open' && !draftExpired ? draft.linkId : undefined;
  const link = linkId ? await store.link(linkId) : undefined;

  // A form sent with a personal link need not be public; without such a draft it must be.
  if (!draft?.linkId && !(await c.var.directory.isPublished(municipalityId, formId))) throw new HTTPException(404, { message: 'formNotFound' });

  const form = draft && !draftExpired ? await formAt(store, formId, draft.formVersion) : current.definition;
  if (!form) {
    // The draft cannot be shown any more; forgetting it lets the next visit start afresh.
    forgetDraftKey(c, municipalityId, formId);
    throw new HTTPException(409, { message: 'formVersionGone' });
  }

  // A draft keeps the language it was answered in (a personal link's, to begin with).
  useLanguage(c, form.languages, draft && !draftExpired ? draft.language : municipality.writtenStandard);
  if (linkId) {
    // A link's answer is filed under the link's own municipality only, whatever the address says.
    if (link?.municipalityId !== municipalityId) throw new HTTPException(404, { message: 'linkNotFound' });
    // The link governs its drafts: withdrawn or expired, they stop; a single-use link answered
    // from another device takes no second answer.
    if (link.revokedAt) throw new HTTPException(410, { message: 'linkRevoked' });
    if (link.singleUse && link.responseId && link.responseId !== draft?.submissionId) throw new HTTPException(410, { message: 'linkUsed' });
    if (link.expiresAt <= c.var.now) throw new HTTPException(410, { message: 'linkExpired' });
  }
  c.set('journey', {
    municipality,
    form,
    current,
    base: `/m/${municipalityId}/${formId}`,
    draft: draftExpired ? undefined : draft,
    draftExpired,
    linkExpiresAt: link?.expiresAt,
  });
  await next();
};
