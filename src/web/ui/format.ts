import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/metadata/types.ts';
import { intlLocale, isLocale } from '../app/locale.ts';
import { useCurrentUser } from '../app/session.ts';
import { type Formatters, makeFormatters } from './formatters.ts';

export { type Formatters, makeFormatters };

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
