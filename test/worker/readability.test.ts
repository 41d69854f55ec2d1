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
import { lix, textsIn } from './lix.ts';

const MEASURED: Language[] = ['nb', 'nn', 'en', 'pl', 'uk', 'so'];
const LIMITS = { 'barnets-stemme-7-12': 25, 'barnets-stemme-13-18': 35 } as const;

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

  // The guardian's view before a meeting: for a guardian who may read Norwegian as a second
  // language, the consent's limit. The consent written to a child from 12: the 13–18 limit.
  for (const [form, limit] of [['foresattes-syn', 40], ['samtykke-ung', 35]] as const) {
    it.each(['nb', 'nn', 'en'] as const)(`${form} reads at LIX ${limit} or below in %s`, (lang) => {
      const definition = compiledForms[form]?.definition;
      expect(definition?.languages).toContain(lang);
      expect(lix(textsIn(definition, lang))).toBeLessThanOrEqual(limit);
    });
  }
});
