// The package's own entry (`index.js`), not its Node `main` (`entry-node.js`), which would load
// every one of its ~80 languages on the server while the browser build has only the ones we
// register: this way both sides know exactly the same three.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import hu from 'i18n-iso-countries/langs/hu.json' with { type: 'json' };
import pl from 'i18n-iso-countries/langs/pl.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(pl);
countries.registerLocale(hu);

export type CountryNameLocale = 'en' | 'pl' | 'hu';

/**
 * ISO 3166-1 alpha-2 codes, sorted. Includes XK (Kosovo), a user-assigned code that the EU,
 * SWIFT and most software use, because companies there need an address too.
 */
export const COUNTRY_CODES: readonly string[] = Object.freeze(Object.keys(countries.getAlpha2Codes()).sort());

const CODE_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** True for an upper-case alpha-2 code in `COUNTRY_CODES`; stored codes are upper case. */
export function isCountryCode(code: string): boolean {
  return CODE_SET.has(code);
}

/** The country's common name in `locale` (e.g. `Węgry` for HU in Polish); an unknown code is returned as is. */
export function countryName(code: string, locale: CountryNameLocale): string {
  const upper = code.trim().toUpperCase();
  if (!CODE_SET.has(upper)) return code;
  return countries.getName(upper, locale) ?? upper;
}
