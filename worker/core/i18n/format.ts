import { LANGUAGE_INFO, type Language } from '../language.ts';

const ZONE = 'Europe/Oslo';

/** A date as people in Norway read it, in the page language. */
export const formatDate = (date: Date, lang: Language) =>
  new Intl.DateTimeFormat(LANGUAGE_INFO[lang].tag, { dateStyle: 'long', timeZone: ZONE }).format(date);

/** A date and time of day in Norway, for when something happened ("3 December 2026 at 14:05"). */
export const formatDateTime = (date: Date, lang: Language) =>
  new Intl.DateTimeFormat(LANGUAGE_INFO[lang].tag, { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }).format(date);

/** Today's date in Norway as YYYY-MM-DD, for date limits and national ID rules. */
export const isoToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);
