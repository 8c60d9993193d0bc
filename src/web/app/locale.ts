import { LOCALES, type Locale } from '../../shared/metadata/types.ts';

/**
 * The UI language: the user's explicit choice when they made one (kept in this browser),
 * otherwise the first of the browser's languages that we have, otherwise English.
 */
const STORAGE_KEY = 'kartoteka.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or full storage: the choice lasts for this page only, which is acceptable.
  }
}

export function browserLocale(languages: readonly string[] = navigator.languages): Locale {
  for (const tag of languages) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return 'en';
}

export function initialLocale(): Locale {
  return storedLocale() ?? browserLocale();
}

/**
 * The BCP 47 tag for Intl: the browser's own regional variant when it speaks the UI language
 * (en-GB keeps day-month order), otherwise the bare language.
 */
export function intlLocale(locale: Locale, languages: readonly string[] = navigator.languages): string {
  return languages.find((tag) => tag.toLowerCase().split('-')[0] === locale) ?? locale;
}
