import { country as traits } from '../../../shared/field-types/country.ts';
import { COUNTRY_CODES, countryName, isCountryCode } from '../../../shared/identifiers/index.ts';
import { foldText } from '../../../shared/text/fold.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

let byName: Map<string, string> | null = null;

/** Country names in English, Polish and Hungarian, folded (`wegry`, `magyarorszag`) → code. */
function codeByName(name: string): string | undefined {
  if (!byName) {
    byName = new Map();
    for (const code of COUNTRY_CODES) {
      for (const locale of ['en', 'pl', 'hu'] as const) byName.set(foldText(countryName(code, locale)), code);
    }
  }
  return byName.get(foldText(name.trim()));
}

export const country = textColumn(traits, {
  format: (value) => {
    const code = value.toUpperCase();
    return isCountryCode(code)
      ? { value: code }
      : invalid('format', 'must be a two-letter country code (ISO 3166-1), like PL');
  },
  overrides: {
    // An imported file may name the country (`Polska`, `Hungary`, `Magyarország`) instead of its code.
    fromText: (text) => ({
      value: text.trim().length === 2 ? text.trim() : (codeByName(text) ?? text.trim()),
    }),
    schema: () => ({ type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code' }),
    exportWidth: () => 8,
    display: (value, _field, locale) => countryName(String(value), locale),
  },
});
