import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../platform/env.ts';
import { isInterfaceLanguage, type InterfaceLanguage } from '../../core/language.ts';
import { translator } from '../../core/i18n/translate.ts';

/**
 * The language of an API client's messages, from Accept-Language: a system has no cookie or
 * `?lang=` to go by. "no" (Norwegian, unspecified) counts as bokmål; the default is bokmål.
 */
export function acceptedLanguage(header: string | undefined): InterfaceLanguage {
  const ranked = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      const primary = tag.split('-')[0];
      return { lang: primary === 'no' ? 'nb' : primary, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((item) => item.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.map((item) => item.lang).find(isInterfaceLanguage) ?? 'nb';
}

/** Sets the interface language for everything the API says, errors included. */
export const apiLanguage = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const lang = acceptedLanguage(c.req.header('accept-language'));
  c.set('ui', { lang, t: translator(lang) });
  await next();
};
