import { mainNameDay, type NameDayCalendar } from '../../../shared/name-days/index.ts';
import type { Country } from './rows.ts';

/**
 * Name days of the demo staff, from the product's own calendars (src/shared/name-days): Poles
 * and Hungarians celebrate them at work, British colleagues do not, so only staff working in
 * Poland or Hungary get one — the main day of their first name in their country's calendar.
 */
const CALENDAR_OF_COUNTRY: Readonly<Partial<Record<Country, NameDayCalendar>>> = { PL: 'pl', HU: 'hu' };

/** `MM-DD`, or null when the employee's country keeps no name days or the calendar lacks the name. */
export function staffNameDay(firstName: string, country: Country): string | null {
  const calendar = CALENDAR_OF_COUNTRY[country];
  const day = calendar ? mainNameDay(firstName, calendar) : null;
  return day ? `${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}` : null;
}
