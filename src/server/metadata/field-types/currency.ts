import { currency as traits } from '../../../shared/field-types/currency.ts';
import { isCurrencyCode } from '../../../shared/identifiers/index.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

export const currency = textColumn(traits, {
  format: (value) => {
    const code = value.toUpperCase();
    return isCurrencyCode(code)
      ? { value: code }
      : invalid('currency', 'must be an ISO 4217 currency code, like PLN');
  },
  overrides: {
    schema: () => ({ type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' }),
    exportWidth: () => 8,
  },
});
