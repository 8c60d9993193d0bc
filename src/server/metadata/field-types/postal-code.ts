import { postalCode as traits } from '../../../shared/field-types/postal-code.ts';
import { checkPostalCode } from '../../../shared/identifiers/index.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

export const postalCode = textColumn(traits, {
  format: (value, context) => {
    const checked = checkPostalCode(value, context.country);
    return checked.ok ? { value: checked.value } : invalid('format', checked.reason);
  },
  overrides: { readsCountry: true, exportWidth: () => 10 },
});
