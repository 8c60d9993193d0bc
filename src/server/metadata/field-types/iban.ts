import { iban as traits } from '../../../shared/field-types/iban.ts';
import { checkIban, formatIban } from '../../../shared/identifiers/index.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

export const iban = textColumn(traits, {
  format: (value) => {
    const checked = checkIban(value);
    return checked.ok ? { value: checked.value } : invalid('format', checked.reason);
  },
  overrides: { exportWidth: () => 34, display: (value) => formatIban(String(value)) },
});
