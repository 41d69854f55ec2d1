/**
 * Readability of the child's voice by LIX (Björnsson): words per sentence plus the share of
 * long words (more than six letters) in percent. Under 25 reads as children's books, 25–35 as
 * easy fiction for young people.
 *
 * Where LIX is measured: bokmål, nynorsk, English, Polish, Ukrainian and Somali. Polish and
 * Ukrainian inflect more than Norwegian, and Somali spells long vowels with two letters, so
 * their words run a little longer for the same difficulty; the same limits still hold for our
 * texts, so they are kept, not loosened.
 *
 * Where it is not: Arabic, whose script leaves out short vowels and joins articles,
 * prepositions and pronouns to the word, so letter counts say little about how hard a word is;
 * and North Sámi, which is agglutinative (case endings, possessive suffixes and long compounds
 * such as "skuvlamátkkis", on the way to school), so ordinary words pass six letters. Those
 * texts are checked by the translator's review (LANGUAGE_INFO.reviewed), not by a count.
 *
 * Every text the child reads counts: title, description, page titles, questions, hints,
 * answers and what happens next. A text without a full stop (an answer such as "Sometimes")
 * counts as one sentence, as a reader meets it. The 3–6 version is read aloud by an adult and
 * is not measured.
 */
import { describe, expect, it } from 'vitest';
import { compiledForms } from '../../worker/generated/forms.ts';
import type { Language } from '../../worker/core/language.ts';

const MEASURED: Language[] = ['nb', 'nn', 'en', 'pl', 'uk', 'so'];
const LIMITS = { 'barnets-stemme-7-12': 25, 'barnets-stemme-13-18': 35 } as const;

/** Every text of a form in one language. */
function textsIn(value: unknown, lang: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(item, lang));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === lang && typeof item === 'string' ? [item] : textsIn(item, lang)));
}

function lix(texts: string[]): number {
  let words = 0;
  let long = 0;
  let sentences = 0;
  for (const text of texts) {
    const found = text.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
    words += found.length;
    long += found.filter((word) => [...word.replace(/['’-]/g, '')].length > 6).length;
    sentences += Math.max(1, (text.match(/[.!?]+(?=\s|$)/g) ?? []).length);
  }
  return words / sentences + (100 * long) / words;
}

describe('LIX', () => {
  it('counts as Björnsson did', () => {
    // 6 words, 1 sentence, 2 long words ("wonderful", "adventures"): 6 + 33.3.
    expect(lix(['We had wonderful little adventures today.'])).toBeCloseTo(6 + 100 / 3, 5);
    expect(lix(['Ja.', 'Nei.'])).toBe(1);
  });

  for (const [form, limit] of Object.entries(LIMITS)) {
    it.each(MEASURED)(`${form} reads at LIX ${limit} or below in %s`, (lang) => {
      const definition = compiledForms[form]?.definition;
      expect(definition?.languages).toContain(lang);
      expect(lix(textsIn(definition, lang))).toBeLessThanOrEqual(limit);
    });
  }
});
