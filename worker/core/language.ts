import * as v from 'valibot';

/** Languages the whole interface is written in: every staff and admin page, and every form. */
export const INTERFACE_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/**
 * Languages a form may be offered in: the interface languages, plus those the respondent's
 * pages (start, questions, check, receipt, errors) are translated into for children and
 * families who read another language better. Staff pages stay in the interface languages.
 */
export const LANGUAGES = [...INTERFACE_LANGUAGES, 'se', 'uk', 'pl', 'ar', 'so'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface LanguageInfo {
  /** The language's name in itself, as the language links show it. */
  name: string;
  /** Writing direction: pages in a right-to-left language set `dir="rtl"`. */
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for dates and speech. */
  tag: string;
  /** Where a text missing in this language is taken from, in order (bokmål comes last always). */
  fallback: readonly Language[];
  /**
   * Whether a qualified translator has reviewed our texts in this language (the respondent
   * pages and the built-in forms). Staff see it when they choose a link's language; the
   * respondent never does.
   */
  reviewed: boolean;
}

export const LANGUAGE_INFO: Record<Language, LanguageInfo> = {
  nb: { name: 'Bokmål', dir: 'ltr', tag: 'nb-NO', fallback: [], reviewed: true },
  nn: { name: 'Nynorsk', dir: 'ltr', tag: 'nn-NO', fallback: ['nb'], reviewed: true },
  en: { name: 'English', dir: 'ltr', tag: 'en-GB', fallback: ['nb'], reviewed: true },
  // Sámi readers in Norway read Norwegian; others read English better than bokmål.
  se: { name: 'Davvisámegiella', dir: 'ltr', tag: 'se-NO', fallback: ['nb'], reviewed: false },
  uk: { name: 'Українська', dir: 'ltr', tag: 'uk-UA', fallback: ['en', 'nb'], reviewed: false },
  pl: { name: 'Polski', dir: 'ltr', tag: 'pl-PL', fallback: ['en', 'nb'], reviewed: false },
  ar: { name: 'العربية', dir: 'rtl', tag: 'ar', fallback: ['en', 'nb'], reviewed: false },
  so: { name: 'Soomaali', dir: 'ltr', tag: 'so-SO', fallback: ['en', 'nb'], reviewed: false },
};

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const isInterfaceLanguage = (value: unknown): value is InterfaceLanguage =>
  typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);

/** A text in every language a form offers: `{ "nb": "…", "nn": "…", "en": "…" }`. */
export const Text = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'language codes are two or three lowercase letters')),
    v.pipe(v.string(), v.trim(), v.minLength(1, 'a text must not be empty')),
  ),
  v.minEntries(1, 'a text needs words in at least one language'),
);
export type Text = v.InferOutput<typeof Text>;

/** Ids of forms, pages, questions and options: short, lowercase, safe in URLs and JSON paths. */
export const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9-]{0,47}$/, 'ids are lowercase letters, digits and dashes, starting with a letter'),
);
