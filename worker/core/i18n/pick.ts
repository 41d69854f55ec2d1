import type { Language, Text } from '../language.ts';

/** A text chosen for a language, with the language it is really in (it may be a fallback). */
export interface Picked {
  text: string;
  lang: string;
}

/** Picks the text in `lang`, falling back to bokmål and then to any language the text has. */
export function pick(text: Text, lang: Language): Picked {
  for (const candidate of [lang, 'nb']) {
    const value = text[candidate];
    if (value !== undefined) return { text: value, lang: candidate };
  }
  const [first] = Object.entries(text);
  return first ? { text: first[1], lang: first[0] } : { text: '', lang };
}

export const pickText = (text: Text, lang: Language): string => pick(text, lang).text;
