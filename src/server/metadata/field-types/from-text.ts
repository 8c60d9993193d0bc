import { isValidDate, parseInstant } from '../../../shared/field-types/dates.ts';
import { zoneOffsetMs } from '../../../shared/filter/relative-dates.ts';
import { foldText } from '../../../shared/text/fold.ts';
import { type Checked, invalid } from './module.ts';

// Reading the cells of imported files (CSV, spreadsheets, vCards) as the values the field
// types' `check` takes. People write numbers and dates the way their country does: these accept
// the Polish, Hungarian and English habits and the product's own export forms, and refuse what
// is ambiguous rather than guess.

const SPACES = /[\s\u00a0\u202f\u2009]+/g;

/**
 * A number as decimal text (`-1234.5`), or null. Spaces and apostrophes group thousands; when
 * both `,` and `.` occur the last one is the decimal separator; one of them occurring several
 * times groups (`1.234.567`); occurring once it is the decimal separator (`12,5`), the rule
 * money amounts follow too (`parseMoneyAmount`).
 */
export function decimalText(text: string): string | null {
  let value = text.replace(SPACES, ' ').trim();
  const negative = /^[-\u2212]/.test(value);
  value = value.replace(/^[-\u2212+]\s*/, '');
  if (!/^[\d .,'\u2019]+$/.test(value) || !/\d/.test(value)) return null;
  const commas = value.split(',').length - 1;
  const dots = value.split('.').length - 1;
  let decimal: string | null = null;
  if (commas > 0 && dots > 0) {
    decimal = value.lastIndexOf(',') > value.lastIndexOf('.') ? ',' : '.';
    if ((decimal === ',' ? commas : dots) > 1) return null;
  } else if (commas === 1) decimal = ',';
  else if (dots === 1) decimal = '.';
  const at = decimal === null ? -1 : value.lastIndexOf(decimal);
  const whole = at < 0 ? value : value.slice(0, at);
  const fraction = at < 0 ? '' : value.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return null;
  const groups = whole.split(/[ .,'\u2019]/);
  const grouped = groups.length === 1 || groups.every((g, i) => (i === 0 ? /^\d{1,3}$/ : /^\d{3}$/).test(g));
  if (!grouped) return null;
  const digits = groups.join('') || '0';
  return `${negative ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
}

export function wholeNumberText(text: string): Checked {
  const decimal = decimalText(text);
  const whole = decimal?.replace(/\.0*$/, '');
  if (!whole || !/^-?\d+$/.test(whole)) return invalid('type', 'must be a whole number');
  return { value: Number(whole) };
}

/** A number, with or without a per cent sign (`12,5%` and `12.5` are both 12.5). */
export function percentText(text: string): Checked {
  const decimal = decimalText(text.replace(/\s*%\s*$/, ''));
  return decimal === null
    ? invalid('type', 'must be a number of per cent, like 12,5')
    : { value: Number(decimal) };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1', 'x', 'tak', 'igen', '✓', '✔']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '0', 'nie', 'nem', '-', '✗']);

/** Yes/No in English, Polish and Hungarian (the export's words), true/false, 1/0. */
export function booleanText(text: string): Checked {
  const word = foldText(text.trim());
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return invalid('type', 'must be yes or no');
}

const pad = (value: string) => value.padStart(2, '0');

/**
 * A calendar date: ISO (`2026-11-27`, also with a time after it), Hungarian (`2026. 11. 27.`,
 * `2026.11.27`), day first (`27.11.2026`, `27/11/2026`, `27-11-2026`; month first only when the
 * day cannot be a month: `11/27/2026`) and compact (`20261127`, as vCards write birthdays).
 */
export function dateText(text: string): Checked {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  let parts: [string, string, string] | null = match
    ? ([match[1], match[2], match[3]] as [string, string, string])
    : null;
  if (!parts) {
    match = /^(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
    if (match) parts = [match[1], match[2], match[3]] as [string, string, string];
  }
  if (!parts) {
    match = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(value);
    if (match) {
      const [first, second, year] = [Number(match[1]), Number(match[3]), match[4] as string];
      const monthFirst = first <= 12 && second > 12;
      parts = [year, String(monthFirst ? first : second), String(monthFirst ? second : first)];
    }
  }
  if (/^--\d{2}-?\d{2}$/.test(value)) return invalid('type', 'is a day without a year');
  const iso = parts ? `${parts[0]}-${pad(parts[1])}-${pad(parts[2])}` : '';
  return isValidDate(iso) ? { value: iso } : invalid('type', 'must be a date like 2026-11-27 or 27.11.2026');
}

/**
 * An instant: ISO 8601 with an offset (as the CSV export writes it), or a date and a time
 * without one, read as the importer's wall clock (as spreadsheets hold it), or a date alone
 * (its midnight there).
 */
export function instantText(text: string, timeZone: string): Checked {
  const value = text.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  const withZone = parseInstant(value);
  if (withZone) return { value: withZone };
  const match = /^(.+?)(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  const day = match ? dateText(match[1] ?? '') : null;
  if (!match || !day || day.issue) return invalid('type', 'must be a date and time like 2026-11-27 14:30');
  const [year, month, date] = String(day.value).split('-').map(Number) as [number, number, number];
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
  ];
  if (hours > 23 || minutes > 59 || seconds > 59) return invalid('type', 'has a time that does not exist');
  const wall = Date.UTC(year, month - 1, date, hours, minutes, seconds);
  // Two passes, as for the start of a day: the offset of the guess, not of UTC, is the right one.
  let instant = wall - zoneOffsetMs(timeZone, wall);
  instant = wall - zoneOffsetMs(timeZone, instant);
  return { value: new Date(instant).toISOString() };
}

/** Symbols and local words for the currencies a Polish or Hungarian user meets, besides ISO codes. */
const CURRENCY_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/zł|zl|pln/i, 'PLN'],
  [/ft|huf/i, 'HUF'],
  [/€|eur/i, 'EUR'],
  [/£|gbp/i, 'GBP'],
  [/\$|usd/i, 'USD'],
  [/kč|czk/i, 'CZK'],
  [/chf/i, 'CHF'],
];

/**
 * An amount and its currency as written (`1 234,56 zł`, `1234.50 PLN`, `EUR 12`, `12 Ft`), as
 * `{amount, currency}` with the amount still text: `money.fromText` turns it into minor units.
 */
export function amountAndCurrency(
  text: string,
  fallback: string | null,
): { amount: string; currency: string | null } {
  const value = text.replace(SPACES, ' ').trim();
  const code = /(?:^([A-Za-z]{3})\s*(?=[-+\d]))|(?:(?<=\d)\s*([A-Za-z]{3})$)/.exec(value);
  if (code) {
    return { amount: value.replace(code[0], '').trim(), currency: (code[1] ?? code[2] ?? '').toUpperCase() };
  }
  for (const [pattern, currency] of CURRENCY_WORDS) {
    const symbol = new RegExp(`^(?:${pattern.source})\\s*|\\s*(?:${pattern.source})$`, 'i');
    if (symbol.test(value)) return { amount: value.replace(symbol, '').trim(), currency };
  }
  return { amount: value, currency: fallback };
}
