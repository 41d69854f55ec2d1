import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env.ts';
import { INTERFACE_LANGUAGES, type Language } from '../../../core/language.ts';
import { chooseLanguage } from '../../../core/i18n/negotiate.ts';
import { translator } from '../../../core/i18n/translate.ts';

const COOKIE = 'lang';

/** Chooses the page language for what is offered and remembers an explicit choice. */
export function useLanguage<E extends AppEnv>(c: Context<E>, offered: readonly Language[], standard: Language) {
  const asked = c.req.query('lang');
  const lang = chooseLanguage({
    asked,
    remembered: getCookie(c, COOKIE, 'host'),
    offered,
    standard,
  });
  if (asked === lang) setCookie(c, COOKIE, lang, { prefix: 'host', path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: 31_536_000 });
  c.set('ui', { lang, t: translator(lang) });
}

/**
 * Every page gets a language, before anything can fail, so even error pages are translated:
 * an interface language here; a form's journey chooses again among the form's languages.
 */
export const ui = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  useLanguage(c, INTERFACE_LANGUAGES, 'nb');
  await next();
};
