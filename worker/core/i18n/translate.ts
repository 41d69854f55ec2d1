import en from '../../../web/locales/en.json';
import nb from '../../../web/locales/nb.json';
import nn from '../../../web/locales/nn.json';
import insightEn from '../../../web/locales/insight/en.json';
import insightNb from '../../../web/locales/insight/nb.json';
import insightNn from '../../../web/locales/insight/nn.json';
import consentEn from '../../../web/locales/consent/en.json';
import consentNb from '../../../web/locales/consent/nb.json';
import consentNn from '../../../web/locales/consent/nn.json';
import childsVoiceEn from '../../../web/locales/childs-voice/en.json';
import childsVoiceNb from '../../../web/locales/childs-voice/nb.json';
import childsVoiceNn from '../../../web/locales/childs-voice/nn.json';
import ar from '../../../web/locales/respondent/ar.json';
import pl from '../../../web/locales/respondent/pl.json';
import se from '../../../web/locales/respondent/se.json';
import so from '../../../web/locales/respondent/so.json';
import uk from '../../../web/locales/respondent/uk.json';
import assessmentEn from '../../../web/locales/assessment/en.json';
import assessmentNb from '../../../web/locales/assessment/nb.json';
import assessmentNn from '../../../web/locales/assessment/nn.json';
import casesEn from '../../../web/locales/cases/en.json';
import casesNb from '../../../web/locales/cases/nb.json';
import casesNn from '../../../web/locales/cases/nn.json';
import { LANGUAGE_INFO, type InterfaceLanguage, type Language } from '../language.ts';

/** Looks up an interface text in the locale files. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

type Messages = { [key: string]: string | Messages };

/** The whole interface, in each interface language. */
export const LOCALES: Record<InterfaceLanguage, Messages> = {
  nb: { ...nb, ...insightNb, ...consentNb, ...childsVoiceNb, ...assessmentNb, ...casesNb },
  nn: { ...nn, ...insightNn, ...consentNn, ...childsVoiceNn, ...assessmentNn, ...casesNn },
  en: { ...en, ...insightEn, ...consentEn, ...childsVoiceEn, ...assessmentEn, ...casesEn },
};

/** The respondent's pages only, in the other languages a form may offer (see RESPONDENT_KEYS in the tests). */
export const RESPONDENT_LOCALES: Record<Exclude<Language, InterfaceLanguage>, Messages> = { se, uk, pl, ar, so };

const messagesOf = (lang: Language): Messages => (lang in LOCALES ? LOCALES[lang as InterfaceLanguage] : RESPONDENT_LOCALES[lang as Exclude<Language, InterfaceLanguage>]);

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** One translator per language and isolate: pages ask for dozens of texts, each found once. */
const translators = new Map<Language, Translate>();

/** Interface texts for a language, falling back along the language's chain, then to bokmål, for any key a locale lacks. */
export function translator(lang: Language): Translate {
  let translate = translators.get(lang);
  if (!translate) translators.set(lang, (translate = translatorOf(lang)));
  return translate;
}

function translatorOf(lang: Language): Translate {
  const chain = [lang, ...LANGUAGE_INFO[lang].fallback, 'nb' as const].map(messagesOf);
  // Only keys the locales hold are kept, so the map is bounded by the locale files.
  const found = new Map<string, string>();
  const templateOf = (key: string) => {
    let template = found.get(key);
    if (template !== undefined) return template;
    for (const messages of chain) {
      template = lookup(messages, key);
      if (template !== undefined) {
        found.set(key, template);
        return template;
      }
    }
    return key;
  };
  return (key, params) => {
    const template = templateOf(key);
    return params ? template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : template;
  };
}
