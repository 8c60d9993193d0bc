import type { RelativeDateOperator } from './operators.ts';

/** Inclusive calendar-day range; an open end is undefined. */
export interface DayRange {
  from?: string;
  to?: string;
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDay(date);
}

function monthStart(day: string, monthOffset: number): string {
  const date = parseDay(day);
  return formatDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthOffset, 1)));
}

/** Weeks start on Monday, as in Poland and Hungary (ISO 8601). */
function weekStart(day: string): string {
  const weekday = (parseDay(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/**
 * Turns a relative date operator into a concrete day range around `today` (the reader's
 * calendar day). `lastNDays 7` is the seven days ending today; `nextNDays 7` the seven
 * days starting today; `overdue` is everything before today.
 */
export function relativeDayRange(op: RelativeDateOperator, today: string, count = 1): DayRange {
  switch (op) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'tomorrow':
      return { from: addDays(today, 1), to: addDays(today, 1) };
    case 'thisWeek':
      return { from: weekStart(today), to: addDays(weekStart(today), 6) };
    case 'lastWeek':
      return { from: addDays(weekStart(today), -7), to: addDays(weekStart(today), -1) };
    case 'nextWeek':
      return { from: addDays(weekStart(today), 7), to: addDays(weekStart(today), 13) };
    case 'thisMonth':
      return { from: monthStart(today, 0), to: addDays(monthStart(today, 1), -1) };
    case 'lastMonth':
      return { from: monthStart(today, -1), to: addDays(monthStart(today, 0), -1) };
    case 'nextMonth':
      return { from: monthStart(today, 1), to: addDays(monthStart(today, 2), -1) };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
    case 'lastNDays':
      return { from: addDays(today, -(count - 1)), to: today };
    case 'nextNDays':
      return { from: today, to: addDays(today, count - 1) };
    case 'overdue':
      return { to: addDays(today, -1) };
  }
}

/**
 * One formatter per (kind, time zone): making an Intl.DateTimeFormat costs far more than using
 * it, and every list request with a date filter asks what day it is.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(kind: 'day' | 'wallClock', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format =
      kind === 'day'
        ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
    formats.set(key, format);
  }
  return format;
}

/** The calendar day it is now in a time zone, e.g. "2026-11-23". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = formatFor('day', timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Offset of a time zone from UTC at an instant, in milliseconds (+01:00 → 3,600,000). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts = formatFor('wallClock', timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which a calendar day starts in a time zone (DST-aware). */
export function startOfDayUtc(day: string, timeZone: string): string {
  const midnightUtc = parseDay(day).getTime();
  let guess = midnightUtc - zoneOffsetMs(timeZone, midnightUtc);
  // A second pass corrects the guess when a DST change lies between UTC and local midnight.
  guess = midnightUtc - zoneOffsetMs(timeZone, guess);
  return new Date(guess).toISOString();
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
