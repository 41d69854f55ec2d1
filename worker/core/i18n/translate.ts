import en from '../../../web/locales/en.json';
import nb from '../../../web/locales/nb.json';
import nn from '../../../web/locales/nn.json';
import assessmentEn from '../../../web/locales/assessment/en.json';
import assessmentNb from '../../../web/locales/assessment/nb.json';
import assessmentNn from '../../../web/locales/assessment/nn.json';
import casesEn from '../../../web/locales/cases/en.json';
import casesNb from '../../../web/locales/cases/nb.json';
import casesNn from '../../../web/locales/cases/nn.json';
import type { Language } from '../language.ts';

/** Looks up an interface text in the locale files. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

type Messages = { [key: string]: string | Messages };

export const LOCALES: Record<Language, Messages> = {
  nb: { ...nb, ...assessmentNb, ...casesNb },
  nn: { ...nn, ...assessmentNn, ...casesNn },
  en: { ...en, ...assessmentEn, ...casesEn },
};

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Interface texts for a language, falling back to bokmål for any key a locale lacks. */
export function translator(lang: Language): Translate {
  return (key, params) => {
    const template = lookup(LOCALES[lang], key) ?? lookup(LOCALES.nb, key) ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : template;
  };
}
