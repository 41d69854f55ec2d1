import type { Language, Text } from '../worker/core/language.ts';
import { pick } from '../worker/core/i18n/pick.ts';
import type { Translate } from '../worker/core/i18n/translate.ts';

/** What every view needs to speak the page's language. */
export interface Ui {
  lang: Language;
  t: Translate;
}

/** A form text in the page language; a fallback is marked with its own `lang` for screen readers. */
export function localized(ui: Ui, text: Text) {
  const picked = pick(text, ui.lang);
  return { text: picked.text, lang: picked.lang === ui.lang ? undefined : picked.lang };
}
