import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../worker/core/i18n/translate.ts';
import { consentForm } from '../../worker/features/consent/form.ts';
import { DEFAULT_SERVICES } from '../../worker/features/consent/services.ts';

/** LIX (Björnsson): words per sentence plus the percentage of words longer than six letters. */
function lix(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
  const sentences = Math.max(1, (text.match(/[.!?:]+(\s|$)/g) ?? []).length);
  const long = words.filter((word) => [...word.replace(/[-'’]/g, '')].length > 6).length;
  return words.length / sentences + (100 * long) / words.length;
}

/** Every text of the consent form in one language, each ended as a sentence. */
function formTexts(lang: 'nb' | 'nn'): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record[lang] === 'string' && Object.keys(record).every((key) => ['nb', 'nn', 'en'].includes(key))) texts.push(record[lang] as string);
      else Object.values(record).forEach(visit);
    }
  };
  visit(consentForm().definition);
  visit(DEFAULT_SERVICES);
  const locale = LOCALES[lang].consent as { sign: Record<string, string>; decisions: Record<string, string> };
  texts.push(...Object.values(locale.sign), ...Object.values(locale.decisions));
  return texts;
}

const asSentences = (texts: string[]) => texts.map((text) => (/[.!?:]$/.test(text.trim()) ? text : `${text}.`)).join(' ');

describe('the consent text, for a guardian who reads Norwegian as a second language', () => {
  it.each(['nb', 'nn'] as const)('has a LIX of at most 40 in %s', (lang) => {
    const score = lix(asSentences(formTexts(lang)));
    expect(score).toBeLessThanOrEqual(40);
  });

  it('counts LIX as the usual formula does', () => {
    // 6 words, 1 sentence, 1 word longer than six letters: 6 + 16.7.
    expect(lix('Barnet får hjelp fra helsestasjonen nesten.')).toBeCloseTo(6 + 100 / 6, 5);
  });
});
