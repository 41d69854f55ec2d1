import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../worker/core/i18n/translate.ts';
import { consentForm } from '../../worker/features/consent/form.ts';
import { DEFAULT_SERVICES } from '../../worker/features/consent/services.ts';
import { lix, textsIn } from './lix.ts';

/** Every text of the consent form and its signing page in one language. */
function formTexts(lang: 'nb' | 'nn'): string[] {
  const texts = [...textsIn(consentForm().definition, lang), ...textsIn(DEFAULT_SERVICES, lang)];
  const locale = LOCALES[lang].consent as { sign: Record<string, string>; decisions: Record<string, string> };
  texts.push(...Object.values(locale.sign), ...Object.values(locale.decisions));
  return texts;
}

describe('the consent text, for a guardian who reads Norwegian as a second language', () => {
  it.each(['nb', 'nn'] as const)('has a LIX of at most 40 in %s', (lang) => {
    const score = lix(formTexts(lang));
    expect(score).toBeLessThanOrEqual(40);
  });

  it('counts LIX as the usual formula does', () => {
    // 6 words, 1 sentence, 1 word longer than six letters: 6 + 16.7.
    expect(lix(['Barnet får hjelp fra helsestasjonen nesten.'])).toBeCloseTo(6 + 100 / 6, 5);
  });
});
