import type { Language, Text } from '../worker/core/language.ts';
import { pick } from '../worker/core/i18n/pick.ts';
import type { Translate } from '../worker/core/i18n/translate.ts';

/** What the respondent's pages show around the form: set by the journey, absent elsewhere. */
export interface RespondentChrome {
  /** A form for children or young people: every page has a quick exit and the help line. */
  child: boolean;
  /** Where "leave quickly" goes: a neutral page. */
  exitUrl: string;
  /** The municipality's own help contact, shown below Alarmtelefonen. */
  helpContact?: string;
  /** An adult answers together with the respondent, in this helper role. */
  assistedRole?: string;
  /**
   * Where the helper ends the assisted session (a POST), and the link's staff page it returns
   * to; only the link once the session has ended (the receipt).
   */
  endAssisted?: { action?: string; staffHref: string };
  /** The privacy page of the municipality that asks. */
  privacyHref?: string;
}

/** What every view needs to speak the page's language. */
export interface Ui {
  lang: Language;
  t: Translate;
  respondent?: RespondentChrome;
}

/** A form text in the page language; a fallback is marked with its own `lang` for screen readers. */
export function localized(ui: Ui, text: Text) {
  const picked = pick(text, ui.lang);
  return { text: picked.text, lang: picked.lang === ui.lang ? undefined : picked.lang };
}
