import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../app/locale.ts';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { viewerCountry } from './base.ts';
import type { TextContext } from './module.ts';

/** The reader's language, Intl formatters and country, for turning values into text. */
export function useTextContext(): TextContext {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  return useMemo(
    () => ({ locale, t, format, country: viewerCountry(intlLocale(locale)) }),
    [locale, t, format],
  );
}
