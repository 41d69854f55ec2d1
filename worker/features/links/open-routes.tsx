/** Where a personal form link leads: checks the link, then starts (or continues) its draft. */
import { Hono } from 'hono';
import { refuse } from '../../core/refusals.ts';
import type { AppEnv } from '../../platform/env.ts';
import { currentForm } from '../../platform/forms.ts';
import { translator } from '../../core/i18n/translate.ts';
import { startLinkDraft } from './start-draft.ts';
import { linkRefusal } from './status.ts';
import { Links } from './repository.ts';
import { linkTokenHash } from './token.ts';
import { rateLimit } from '../../platform/middleware/rate-limit/index.ts';
import { redirect } from '../../platform/render.ts';
import { isLanguage } from '../../core/language.ts';
import { codeEntry } from './code-entry.tsx';

export const personalLink = new Hono<AppEnv>();
personalLink.route('/', codeEntry('/l'));

personalLink.get('/:municipality/:token', rateLimit({ bucket: 'personal-link', limit: 60, windowSeconds: 600 }), async (c) => {
  const { directory, openDatabase, now } = c.var;
  const hash = await linkTokenHash(c.req.param('token'));
  const municipality = hash ? await directory.municipality(c.req.param('municipality')) : undefined;
  const database = municipality && openDatabase(municipality);
  const link = database && hash && (await new Links(database).byToken(hash));
  const current = link && currentForm(link.formId);
  // A token is only good at its own municipality's address; elsewhere it does not exist.
  if (!municipality || !database || !link || !current || link.municipalityId !== municipality.id) refuse('linkNotFound');
  // Whatever happens next is told in the language the link was sent in.
  if (isLanguage(link.language)) c.set('ui', { lang: link.language, t: translator(link.language) });
  const refusal = linkRefusal(link, now);
  if (refusal) refuse(refusal);
  return redirect(c, await startLinkDraft(c, database, municipality, link, current));
});
