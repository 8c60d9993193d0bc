import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/metadata/types.ts';
import { intlLocale, isLocale } from '../app/locale.ts';
import { useCurrentUser } from '../app/session.ts';

export interface Formatters {
  /** A calendar date "2026-03-01": no time zone applies, it is the same day everywhere. */
  date(day: string): string;
  /** An instant, shown in the user's time zone. */
  dateTime(iso: string): string;
  number(value: number): string;
  /** Money in minor units (grosze, fillér) with its ISO 4217 code. */
  money(minor: number, currency: string): string;
}

export function makeFormatters(locale: string, timeZone: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const number = new Intl.NumberFormat(locale);
  return {
    date: (day) => {
      const parsed = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? day : date.format(parsed);
    },
    dateTime: (iso) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : dateTime.format(parsed);
    },
    number: (value) => number.format(value),
    money: (minor, currency) => {
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(minor / 10 ** digits);
    },
  };
}

/** The UI language as one of ours (i18next may report a regional tag). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : 'en';
}

export function useFormatters(): Formatters {
  const locale = useLocale();
  const user = useCurrentUser();
  const timeZone = user?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return useMemo(() => makeFormatters(intlLocale(locale), timeZone), [locale, timeZone]);
}
