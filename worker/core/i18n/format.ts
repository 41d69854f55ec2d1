import { LANGUAGE_INFO, type Language } from '../language.ts';

const ZONE = 'Europe/Oslo';

const STYLES = {
  date: { dateStyle: 'long' },
  dateTime: { dateStyle: 'long', timeStyle: 'short' },
  isoDay: {},
  weekday: { weekday: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** Formatters are built once per isolate, when first used: building one costs more than a page's rendering. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (tag: string, style: keyof typeof STYLES) => {
  const key = `${style} ${tag}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(tag, { ...STYLES[style], timeZone: ZONE })));
  return found;
};

/** A date as people in Norway read it, in the page language. */
export const formatDate = (date: Date, lang: Language) => formatter(LANGUAGE_INFO[lang].tag, 'date').format(date);

/** A date and time of day in Norway, for when something happened ("3 December 2026 at 14:05"). */
export const formatDateTime = (date: Date, lang: Language) => formatter(LANGUAGE_INFO[lang].tag, 'dateTime').format(date);

/** Today's date in Norway as YYYY-MM-DD, for date limits and national ID rules. */
export const isoToday = (now: Date) => formatter('en-CA', 'isoDay').format(now);

/** The weekday (0 Sunday … 6 Saturday) of a moment in Norway. */
export const osloWeekday = (at: Date) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(formatter('en-GB', 'weekday').format(at));
