/** Where a personal form link leads: checks the link, then starts (or continues) its draft. */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env.ts';
import { currentForm } from '../forms/registry.ts';
import { isLanguage } from '../forms/text.ts';
import { translator } from '../i18n/translate.ts';
import { startLinkDraft } from '../links/start-draft.ts';
import { linkUsable } from '../links/status.ts';
import { sha256Hex } from '../journey/codes.ts';
import { rateLimit } from '../middleware/rate-limit/index.ts';
import { redirect } from '../render.ts';

export const personalLink = new Hono<AppEnv>();

/** Tokens are 43 URL-safe characters (256 bits); anything else is not worth a database look-up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

personalLink.get('/:municipality/:token', rateLimit({ bucket: 'personal-link', limit: 60, windowSeconds: 600 }), async (c) => {
  const { directory, openStore, now } = c.var;
  const token = c.req.param('token');
  const municipality = TOKEN.test(token) ? await directory.municipality(c.req.param('municipality')) : undefined;
  const store = municipality && openStore(municipality);
  const link = store && (await store.linkByToken(await sha256Hex(token)));
  const current = link && currentForm(link.formId);
  // A token is only good at its own municipality's address; elsewhere it does not exist.
  if (!municipality || !store || !link || !current || link.municipalityId !== municipality.id) throw new HTTPException(404, { message: 'linkNotFound' });
  // Whatever happens next is told in the language the link was sent in.
  if (isLanguage(link.language)) c.set('ui', { lang: link.language, t: translator(link.language) });
  if (link.revokedAt) throw new HTTPException(410, { message: 'linkRevoked' });
  if (link.singleUse && link.submittedAt) throw new HTTPException(410, { message: 'linkUsed' });
  if (!linkUsable(link, now)) throw new HTTPException(410, { message: 'linkExpired' });
  await store.markLink(link.id, 'openedAt', now);

  return redirect(c, await startLinkDraft(c, store, municipality, link, current));
});
