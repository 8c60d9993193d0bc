import { country as traits } from '../../../shared/field-types/country.ts';
import { isCountryCode } from '../../../shared/identifiers/index.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

export const country = textColumn(traits, {
  format: (value) => {
    const code = value.toUpperCase();
    return isCountryCode(code)
      ? { value: code }
      : invalid('format', 'must be a two-letter country code (ISO 3166-1), like PL');
  },
  overrides: {
    schema: () => ({ type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code' }),
    exportWidth: () => 8,
  },
});
