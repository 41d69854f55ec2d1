import { describe, expect, it } from 'vitest';
import { INTERFACE_LANGUAGES } from '../../worker/core/language.ts';
import { LOCALES, translator } from '../../worker/core/i18n/translate.ts';

type Messages = { [key: string]: string | Messages };

const entries = (messages: Messages, prefix = ''): [string, string][] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`)));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('locale files', () => {
  const reference = new Map(entries(LOCALES.nb));

  it.each(INTERFACE_LANGUAGES.filter((lang) => lang !== 'nb'))('%s has every text bokmål has, with the same placeholders, and nothing else', (lang) => {
    const texts = new Map(entries(LOCALES[lang]));
    expect([...texts.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of texts) {
      expect(text.trim(), `${lang}: ${key} is empty`).not.toBe('');
      expect(placeholders(text), `${lang}: ${key}`).toEqual(placeholders(reference.get(key) ?? ''));
    }
  });

  it('fills placeholders, and shows the key itself for a text no locale has', () => {
    expect(translator('nn')('page.progress', { current: 2, total: 5 })).toBe('Side 2 av 5');
    // An unknown key shows itself, so a missing text is visible rather than blank.
    expect(translator('en')('no.such.key')).toBe('no.such.key');
  });
});
