import { formatMoney } from '../../shared/identifiers/index.ts';

export interface Formatters {
  /** A calendar date "2026-03-01": no time zone applies, it is the same day everywhere. */
  date(day: string): string;
  /** An instant, shown in the user's time zone. */
  dateTime(iso: string): string;
  /** The time of day of an instant in the user's time zone ("14:30", "2:30 PM"). */
  time(iso: string): string;
  number(value: number): string;
  /** Money in minor units (grosze, fillér) with its ISO 4217 code, exact for every safe integer. */
  money(minor: number, currency: string): string;
  /** A number of per cent (12.5 means 12.5 %), with the locale's sign and spacing. */
  percent(value: number): string;
  /** A fixed-point number with up to `scale` decimals (an exchange rate's six). */
  decimal(value: number, scale: number): string;
}

/**
 * Intl for one locale and time zone. Kept apart from the React hooks in `format.ts` so that plain
 * code (a field type's text, its unit tests) can format without a component around it.
 */
export function makeFormatters(locale: string, timeZone: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const number = new Intl.NumberFormat(locale);
  // Stored with at most two decimals (basis points), so two is all there is to show.
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimal = (scale: number) => {
    const known = decimals.get(scale);
    if (known) return known;
    const made = new Intl.NumberFormat(locale, { maximumFractionDigits: scale });
    decimals.set(scale, made);
    return made;
  };
  return {
    date: (day) => {
      const parsed = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? day : date.format(parsed);
    },
    dateTime: (iso) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : dateTime.format(parsed);
    },
    time: (iso) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : time.format(parsed);
    },
    number: (value) => number.format(value),
    // Never `minor / 100`: the shared formatter splits the digits exactly, whatever the amount.
    money: (minor, currency) => formatMoney(minor, currency, locale),
    // 12.5 / 100 is inexact in binary, but Intl rounds to the two decimals shown.
    percent: (value) => percent.format(value / 100),
    decimal: (value, scale) => decimal(scale).format(value),
  };
}
