/**
 * The respondent's pages in North Sámi, Ukrainian, Polish, Arabic and Somali: each locale has
 * the same texts, every one of them exists in bokmål with the same placeholders, and together
 * they cover every part of the pages a respondent meets. Anything else (staff pages, letters)
 * falls back along the language's chain to English or bokmål.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, RESPONDENT_LOCALES, translator } from '../../worker/core/i18n/translate.ts';

type Messages = { [key: string]: string | Messages };
const entries = (messages: Messages, prefix = ''): [string, string][] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`)));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Whole sections the respondent's pages use; they must be translated in full. */
const WHOLE = ['layout', 'page', 'check', 'done', 'start', 'save', 'resume', 'expired', 'links.helperRoles'];
const reference = new Map(entries(LOCALES.nb));
const LANGS = Object.keys(RESPONDENT_LOCALES) as (keyof typeof RESPONDENT_LOCALES)[];

describe('respondent locales', () => {
  const [first] = LANGS;
  const keys = [...new Map(entries(RESPONDENT_LOCALES[first!])).keys()].sort();

  it.each(LANGS)('%s has the same texts as the others, each in bokmål too, with the same placeholders, none empty', (lang) => {
    const texts = new Map(entries(RESPONDENT_LOCALES[lang]));
    expect([...texts.keys()].sort()).toEqual(keys);
    for (const [key, text] of texts) {
      expect(reference.has(key), `${lang}: ${key} is not a bokmål text`).toBe(true);
      expect(text.trim(), `${lang}: ${key}`).not.toBe('');
      expect(placeholders(text), `${lang}: ${key}`).toEqual(placeholders(reference.get(key) ?? ''));
    }
  });

  it('covers every section of the respondent pages, and all the child’s voice texts but the staff ones', () => {
    for (const section of WHOLE) {
      const wanted = [...reference.keys()].filter((key) => key.startsWith(`${section}.`));
      expect(wanted.filter((key) => !keys.includes(key)), section).toEqual([]);
    }
    const childsVoice = [...reference.keys()].filter((key) => key.startsWith('childsVoice.') && !key.startsWith('childsVoice.staff.'));
    expect(childsVoice.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('falls back to English, then bokmål, outside the respondent pages; North Sámi falls back to bokmål', () => {
    expect(translator('ar')('page.continue')).toBe('متابعة');
    expect(translator('ar')('staff.signIn.title')).toBe(translator('en')('staff.signIn.title'));
    expect(translator('se')('staff.signIn.title')).toBe(translator('nb')('staff.signIn.title'));
    expect(translator('uk')('no.such.key')).toBe('no.such.key');
  });
});
