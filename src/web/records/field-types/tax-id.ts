import { formatTaxId, isTaxIdKind, type TaxIdKind } from '../../../shared/identifiers/index.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { textLike } from './base.ts';
import type { TextContext } from './module-facts.ts';

/** The variants a field may declare; `national` means "whatever the record's country uses". */
const VARIANTS = ['nip', 'regon', 'krs', 'euVat', 'national'] as const;
type Variant = (typeof VARIANTS)[number];

function variantOf(field: FieldMeta): Variant {
  return (VARIANTS as readonly string[]).includes(field.variant ?? '')
    ? (field.variant as Variant)
    : 'national';
}

/**
 * Which number a stored value is, as the server decides it: the field's variant, or for `national`
 * the record's country. Without the record (a history entry) the digits tell: ten are a NIP,
 * eleven an adószám; anything else is shown as stored.
 */
export function taxIdKind(
  field: FieldMeta,
  stored: string,
  context: Pick<TextContext, 'record'>,
): TaxIdKind | null {
  const variant = variantOf(field);
  if (variant !== 'national') return isTaxIdKind(variant) ? variant : null;
  if (context.record === undefined || !field.countryField) {
    if (/^\d{10}$/.test(stored)) return 'nip';
    return /^\d{11}$/.test(stored) ? 'huTaxNumber' : null;
  }
  const country = context.record[field.countryField];
  if (country === 'PL') return 'nip';
  return country === 'HU' ? 'huTaxNumber' : null;
}

/** NIP, REGON, KRS, adószám or EU VAT id: stored as bare digits, shown as people write it (123-456-78-90). */
export const taxIdFacts = textLike({
  text: (value, field, context) => {
    const stored = String(value);
    const kind = taxIdKind(field, stored, context);
    return kind === null ? stored : formatTaxId(kind, stored);
  },
  short: true,
  width: 150,
  issueMessage: (code, field, t) =>
    code === 'format' ? t(`records:validation.taxId.${variantOf(field)}`) : undefined,
});
