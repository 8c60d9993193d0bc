import type { Locale } from '../../shared/metadata/types.ts';

/**
 * `2026-03-01T09:30:00.000Z` ⇄ the value of an `<input type="datetime-local">` in the
 * browser's zone: the record form and the filter builder edit instants the same way.
 */
export function localInputFromInstant(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function instantFromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * How each language writes a date and a time of day (dayjs tokens for Mantine's date inputs),
 * whatever the browser's own language: the user reads the app in one language throughout.
 * English is the British order, which the rest of Europe also reads without a second thought.
 */
export const DATE_FORMATS: Record<Locale, string> = { en: 'DD/MM/YYYY', pl: 'DD.MM.YYYY', hu: 'YYYY.MM.DD.' };
export const DATE_TIME_FORMATS: Record<Locale, string> = {
  en: 'DD/MM/YYYY HH:mm',
  pl: 'DD.MM.YYYY HH:mm',
  hu: 'YYYY.MM.DD. HH:mm',
};

/**
 * The typed forms accepted per language, day and month with or without a leading zero; ISO
 * (`2027-03-05`) everywhere, since that is what a pasted value from elsewhere often is. A
 * partial text never matches, so a value is set only once the whole date is there.
 */
const DATE_PATTERNS: Record<Locale, Array<{ pattern: RegExp; order: 'dmy' | 'ymd' }>> = {
  en: [{ pattern: /^(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})$/, order: 'dmy' }],
  pl: [{ pattern: /^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})$/, order: 'dmy' }],
  hu: [{ pattern: /^(\d{4})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?$/, order: 'ymd' }],
};
const ISO_DATE = { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: 'ymd' as const };
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `05.03.2027` (Polish) → `2027-03-05`; null for anything that is not a whole, real date. */
export function parseTypedDate(text: string, locale: Locale): string | null {
  const trimmed = text.trim();
  for (const { pattern, order } of [...DATE_PATTERNS[locale], ISO_DATE]) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const [first, second, third] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
    const [year, month, day] = order === 'dmy' ? [third, second, first] : [first, second, third];
    return realDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
  }
  return null;
}

/**
 * `05.03.2027 14:30` (Polish) → `2027-03-05 14:30:00`, the wall-clock form Mantine's inputs
 * hold; a date alone means midnight, so the value follows the text while the time is typed.
 */
export function parseTypedDateTime(text: string, locale: Locale): string | null {
  const trimmed = text.trim();
  const split = /^(.*?)(?:[\sT]+(\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(trimmed);
  const date = parseTypedDate(split?.[1] ?? '', locale);
  if (!date) return null;
  const time = split?.[2] ? TIME.exec(split[2]) : null;
  if (split?.[2] && !time) return null;
  const [hours, minutes, seconds] = time ? [time[1], time[2], time[3] ?? '0'].map(Number) : [0, 0, 0];
  if (hours === undefined || minutes === undefined || seconds === undefined) return null;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return `${date} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

function realDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An instant → `YYYY-MM-DD HH:mm:ss` on the browser's clock, as Mantine's date-time inputs hold it. */
export function pickerValueFromInstant(iso: unknown): string | null {
  const local = localInputFromInstant(iso);
  return local ? `${local.replace('T', ' ')}:00` : null;
}

/** Back from the picker's wall-clock form (a bare date is midnight) to a UTC instant. */
export function instantFromPickerValue(value: string | null): string | null {
  if (!value) return null;
  const [date, time = '00:00'] = value.trim().split(/[\sT]+/);
  return instantFromLocalInput(`${date}T${time.slice(0, 5)}`);
}
