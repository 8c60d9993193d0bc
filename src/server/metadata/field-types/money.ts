import { isMoneyValue, money as traits } from '../../../shared/field-types/money.ts';
import { CURRENCY_CODES, currencyMinorDigits, parseMoneyAmount } from '../../../shared/identifiers/index.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
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

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', hu: 'hu-HU' };

/**
 * The signs the importer reads back as their currency (imports/files/xlsx.ts). Any other sign is
 * shown as the ISO code: `$` or `¥` name several currencies, and a re-import must not guess.
 */
const SIGNS_READ_BACK: Readonly<Record<string, string>> = { zł: 'PLN', Ft: 'HUF', '€': 'EUR' };

interface SignLayout {
  sign: string;
  before: boolean;
  spaced: boolean;
}

/** Where the reader's convention puts the currency's sign: `1 234,56 zł`, `€1,234.56`, `PLN 1,234.56`. */
function signLayout(locale: Locale, currency: string, display: 'symbol' | 'code'): SignLayout {
  const parts = new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency,
    currencyDisplay: display,
  }).formatToParts(1);
  const at = parts.findIndex((part) => part.type === 'currency');
  const first = parts.findIndex((part) => part.type === 'integer');
  const last = parts.findLastIndex((part) => part.type === 'integer' || part.type === 'fraction');
  const between = at < first ? parts.slice(at + 1, first) : parts.slice(last + 1, at);
  return {
    sign: parts[at]?.value ?? currency,
    before: at < first,
    spaced: between.some((part) => /\s/.test(part.value)),
  };
}

const currencyFormats = new Map<string, string>();

/**
 * The spreadsheet number format of an amount: the ISO 4217 number of decimals and the currency's
 * sign where the reader's language puts it (`#,##0.00 "zł"`, `"€"#,##0.00`, `"USD" #,##0.00`).
 * Separators are written `,` and `.` as the format grammar wants; Excel shows the reader's own.
 */
function currencyFormat(currency: string, digits: number, locale: Locale): string {
  const key = `${locale}:${currency}:${digits}`;
  const known = currencyFormats.get(key);
  if (known) return known;
  const symbol = signLayout(locale, currency, 'symbol');
  const layout = SIGNS_READ_BACK[symbol.sign] === currency ? symbol : signLayout(locale, currency, 'code');
  const number = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
  const sign = `"${layout.sign}"`;
  const space = layout.spaced ? ' ' : '';
  const format = layout.before ? `${sign}${space}${number}` : `${number}${space}${sign}`;
  currencyFormats.set(key, format);
  return format;
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
  cell: (value, _field, context) => {
    if (!isMoneyValue(value)) return null;
    const digits = currencyMinorDigits(value.currency);
    const amount = majorUnits(value.amount, digits);
    return {
      kind: 'number',
      value: Number(amount),
      format: currencyFormat(value.currency, digits, context.locale),
      text: `${amount} ${value.currency}`,
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
