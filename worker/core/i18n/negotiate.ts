import { isLanguage, type Language } from '../language.ts';

export interface LanguageChoice {
  /** `?lang=` on this request: the person just chose it. */
  asked?: string;
  /** The language cookie: what the person chose before. */
  remembered?: string;
  /** Languages the form (or page) is offered in. */
  offered: readonly Language[];
  /** The municipality's written standard. */
  standard: Language;
}

/**
 * Picks the page language: an explicit choice, then a remembered one, then the municipality's
 * written standard. The browser's language is not used: many Norwegians run English-language
 * phones, and a public service defaults to its own written standard (språklova).
 */
export function chooseLanguage(choice: LanguageChoice): Language {
  const offered = (code: string | undefined): code is Language => isLanguage(code) && choice.offered.includes(code);
  if (offered(choice.asked)) return choice.asked;
  if (offered(choice.remembered)) return choice.remembered;
  if (offered(choice.standard)) return choice.standard;
  return choice.offered[0] ?? 'nb';
}
