import { osloWeekday } from '../../core/i18n/format.ts';

const DAY_MS = 86_400_000;

/**
 * The moment `days` working days after `from`, skipping Saturdays and Sundays as counted in
 * Norway (public holidays are not skipped). A flag raised on a Friday is due on Tuesday.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let at = from;
  for (let left = days; left > 0; ) {
    at = new Date(at.getTime() + DAY_MS);
    const weekday = osloWeekday(at);
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at;
}
