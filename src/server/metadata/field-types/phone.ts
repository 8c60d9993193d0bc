import { phone as traits } from '../../../shared/field-types/phone.ts';
import { formatPhoneNational, normalisePhone } from '../../../shared/identifiers/index.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

/**
 * Normalised to E.164 (`+48601234567`), with the record's country (or the installation's) as
 * the region of a number typed without its country code.
 */
export const phone = textColumn(traits, {
  format: (value, context) => {
    const checked = normalisePhone(value, context.country);
    return checked.ok ? { value: checked.value } : invalid('format', checked.reason);
  },
  overrides: {
    readsCountry: true,
    schema: () => ({ type: 'string', description: 'E.164, like +48601234567' }),
    display: (value) => formatPhoneNational(String(value)),
  },
});
