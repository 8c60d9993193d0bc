import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/metadata/types.ts';
import { notify } from '../ui/notify.ts';
import { api } from './api-client.ts';
import { storedLocale, storeLocale } from './locale.ts';

/** Native names: a user who cannot read the current language still finds their own. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', pl: 'Polski', hu: 'Magyar' };

/**
 * Switches the UI language, remembers it in this browser and, when logged in, saves it as the
 * user's setting so the server sorts and labels for them in the same language.
 */
export function useChangeLanguage(loggedIn: boolean): (locale: Locale) => Promise<void> {
  const { i18n, t } = useTranslation();
  return useCallback(
    async (locale: Locale) => {
      storeLocale(locale);
      await i18n.changeLanguage(locale);
      if (!loggedIn) return;
      try {
        await api.patch('/api/auth/me', { locale });
      } catch {
        notify(t('shell:language.notSaved'), 'yellow');
      }
    },
    [i18n, loggedIn, t],
  );
}

/** On a browser where the user never picked a language, follow the language saved in their settings. */
export function useAdoptUserLanguage(preferredLocale: Locale | null | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!preferredLocale || storedLocale()) return;
    if (i18n.resolvedLanguage !== preferredLocale) void i18n.changeLanguage(preferredLocale);
  }, [preferredLocale, i18n]);
}
