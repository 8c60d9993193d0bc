import { isMoneyValue } from '../../../shared/field-types/index.ts';
import { currencyMinorDigits, parseMoneyAmount } from '../../../shared/identifiers/index.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { numberLike } from './base.ts';

/** The currency a new amount starts in, and the one filters and bounds count minor units in. */
export const DEFAULT_CURRENCY = 'PLN';

/**
 * Minor units as plain decimal text in major units (123450 PLN → "1234.50"), built from the
 * digits so no amount passes through a binary fraction.
 */
export function majorText(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
}

/** A typed amount in major units as minor units, exactly; null when it is not an amount. */
export function minorUnits(text: string, currency: string): number | null {
  const parsed = parseMoneyAmount(text, currency);
  return parsed.ok ? parsed.minor : null;
}

function bound(value: number | undefined): string {
  return value === undefined ? '' : `${majorText(value, DEFAULT_CURRENCY)} ${DEFAULT_CURRENCY}`;
}

/** `{ amount: minor units, currency }`: shown with Intl for the currency, exact at any size. */
export const moneyFacts = numberLike({
  text: (value, _field, { format }) =>
    isMoneyValue(value) ? format.money(value.amount, value.currency) : String(value),
  width: 150,
  issueMessage: (code, field: FieldMeta, t) => {
    switch (code) {
      case 'currency':
        return t('records:validation.currency');
      // The bounds are minor units; people read them as amounts.
      case 'too_small':
        return t('records:validation.tooSmall', { min: bound(field.min) });
      case 'too_large':
        return t('records:validation.tooLarge', { max: bound(field.max) });
      case 'type':
        return t('records:validation.money');
      default:
        return undefined;
    }
  },
});
