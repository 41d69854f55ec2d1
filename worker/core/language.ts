import * as v from 'valibot';

/** Languages the interface is fully translated into; forms may use only these. */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

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
