import type { Language } from '../language.ts';

const LOCALE_TAGS: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const ZONE = 'Europe/Oslo';

/** A date as people in Norway read it, in the page language. */
export const formatDate = (date: Date, lang: Language) =>
  new Intl.DateTimeFormat(LOCALE_TAGS[lang], { dateStyle: 'long', timeZone: ZONE }).format(date);

/** Today's date in Norway as YYYY-MM-DD, for date limits and national ID rules. */
export const isoToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);
