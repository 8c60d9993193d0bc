import { taxId as traits } from '../../../shared/field-types/tax-id.ts';
import { checkTaxId, formatTaxId, type TaxIdKind } from '../../../shared/identifiers/index.ts';
import type { FieldDefinition } from '../define-object.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

/** The number a field holds: fixed by its variant, or by the record's country for `national`. */
function kindOf(field: FieldDefinition, country: string | null): TaxIdKind | null {
  if (field.variant && field.variant !== 'national') return field.variant as TaxIdKind;
  if (country === 'PL') return 'nip';
  if (country === 'HU') return 'huTaxNumber';
  return null;
}

/** A national number of a country without a check of its own: letters, digits and separators. */
const OTHER_NATIONAL = /^[A-Z0-9]{2,20}$/;

/** How a stored number is shown: its variant's format, or a national one told by its length. */
function displayed(value: string, field: FieldDefinition): string {
  const kind =
    kindOf(field, null) ?? (/^\d{10}$/.test(value) ? 'nip' : /^\d{11}$/.test(value) ? 'huTaxNumber' : null);
  return kind ? formatTaxId(kind, value) : value;
}

export const taxId = textColumn(traits, {
  format: (value, context, field) => {
    const kind = kindOf(field, context.country);
    if (kind === null) {
      const plain = value.replace(/[\s./-]/g, '').toUpperCase();
      return OTHER_NATIONAL.test(plain) ? { value: plain } : invalid('format', 'must be a tax number');
    }
    const checked = checkTaxId(kind, value, context.country ?? undefined);
    // Stored without separators, so a search for the digits finds it however it was typed.
    return checked.ok ? { value: checked.value.replace(/-/g, '') } : invalid('format', checked.reason);
  },
  overrides: { readsCountry: true, display: (value, field) => displayed(String(value), field) },
});
