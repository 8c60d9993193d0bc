import { isMoneyValue, money as traits } from '../../../shared/field-types/money.ts';
import { CURRENCY_CODES, currencyMinorDigits, parseMoneyAmount } from '../../../shared/identifiers/index.ts';
import { numberWidth } from './base.ts';
import { amountAndCurrency } from './from-text.ts';
import { invalid, type ServerFieldType } from './module.ts';

const CURRENCIES: ReadonlySet<string> = new Set(CURRENCY_CODES);

/** The decimal text of an amount in minor units, built from integers so no float rounds a grosz. */
export function majorUnits(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
}

/**
 * Money in two columns: `<key>_amount` (a 64-bit whole number of minor units) and
 * `<key>_currency` (ISO 4217). Filters and sorts compare the amount.
 */
export const money: ServerFieldType = {
  traits,
  columns: (base) => [
    { name: `${base}_amount`, type: 'bigint' },
    { name: `${base}_currency`, type: 'text' },
  ],
  // `1 234,56 zł`, `1234.50 PLN` (the CSV export), `EUR 12`; without a currency, the installation's.
  fromText: (text, _field, context) => {
    const { amount, currency } = amountAndCurrency(text, context.currency);
    if (!currency) return invalid('currency', 'needs its currency, like 1 234,56 PLN');
    if (!CURRENCIES.has(currency)) return invalid('currency', 'must be an ISO 4217 currency code, like PLN');
    const parsed = parseMoneyAmount(amount, currency);
    return parsed.ok ? { value: { amount: parsed.minor, currency } } : invalid('format', parsed.reason);
  },
  check: (raw, field) => {
    if (!isMoneyValue(raw)) return invalid('type', 'must be {"amount": minor units, "currency": "PLN"}');
    const currency = raw.currency.toUpperCase();
    if (!CURRENCIES.has(currency)) return invalid('currency', 'must be an ISO 4217 currency code, like PLN');
    if (!Number.isSafeInteger(raw.amount))
      return invalid('type', 'amount must be a whole number of minor units');
    if (field.min !== undefined && raw.amount < field.min)
      return invalid('too_small', `must be at least ${field.min}`);
    if (field.max !== undefined && raw.amount > field.max)
      return invalid('too_large', `must be at most ${field.max}`);
    return { value: { amount: raw.amount, currency } };
  },
  decode: (row, field) => {
    const [amount, currency] = field.columns.map((column) => row[column.name]);
    if (amount === null || amount === undefined) return null;
    return { amount: Number(amount), currency: String(currency) };
  },
  encode: (value, field) => {
    const [amount, currency] = field.columns;
    if (!amount || !currency) return {};
    const money = isMoneyValue(value) ? value : null;
    return { [amount.name]: money?.amount ?? null, [currency.name]: money?.currency ?? null };
  },
  encodeOperand: (value) => value,
  fitsCursor: (value) => typeof value === 'number' && Number.isSafeInteger(value),
  cell: (value) => {
    if (!isMoneyValue(value)) return null;
    const digits = currencyMinorDigits(value.currency);
    const decimals = digits === 0 ? '' : `.${'0'.repeat(digits)}`;
    return {
      kind: 'number',
      value: Number(majorUnits(value.amount, digits)),
      format: `#,##0${decimals} "${value.currency}"`,
      text: `${majorUnits(value.amount, digits)} ${value.currency}`,
    };
  },
  schema: () => ({
    type: 'object',
    properties: {
      amount: { type: 'integer', description: 'minor units (grosze, cents)' },
      currency: { type: 'string', description: 'ISO 4217 code', minLength: 3, maxLength: 3 },
    },
    required: ['amount', 'currency'],
  }),
  exportWidth: (label) => Math.max(16, numberWidth(label)),
};
