/**
 * Exact arithmetic for amounts, quantities, percentages and rates (docs/adr/0023). Every value is
 * a whole number of its smallest step, held in a BigInt while computed so no product of a
 * quantity, a price and a discount ever loses a digit: amounts in minor units of their currency
 * (grosze, fillér), quantities in thousandths, percentages in basis points, exchange rates in
 * millionths. Results are rounded once, half away from zero, where the law says to round.
 */

/** Stored amounts are 64-bit integers on both databases. */
export const INT64_MAX = 9_223_372_036_854_775_807n;
export const INT64_MIN = -9_223_372_036_854_775_808n;

/** A quantity's step: 0.001 (a thousandth of a piece, a gram of a kilogram). */
export const QUANTITY_DIGITS = 3;
export const QUANTITY_SCALE = 1000n;
/** A percentage's step: 0.01 % (one basis point); 100 % is 10,000. */
export const PERCENT_DIGITS = 2;
export const BASIS_POINTS = 10_000n;
/** An exchange rate's step: 0.000001 (NBP and MNB publish four to six decimals). */
export const RATE_DIGITS = 6;
export const RATE_SCALE = 1_000_000n;

/** `numerator / denominator` rounded half away from zero (1.5 → 2, −1.5 → −2); the denominator is positive. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('divideHalfUp needs a positive denominator');
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return numerator < 0n ? -rounded : rounded;
}

export function fitsInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

export type ScaledParse = { ok: true; value: bigint } | { ok: false; reason: string };

const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal (`"12.5"`, `"-0.001"`, or a JavaScript number written the same way)
 * into whole steps of `10^-digits`: `parseScaled("12.5", 3)` is 12,500n. More decimals than
 * `digits` are refused, not rounded, and so is anything outside int64: a machine contract, not
 * a person's typing (`parseMoneyAmount` reads that).
 */
export function parseScaled(input: string | number | bigint, digits: number): ScaledParse {
  if (typeof input === 'bigint') return checkedRange(input * 10n ** BigInt(digits));
  if (typeof input === 'number' && !Number.isFinite(input))
    return { ok: false, reason: 'must be a finite number' };
  // A number's shortest round-trip text is exact for what the client meant (0.1 → "0.1").
  const text = typeof input === 'number' ? numberText(input) : input.trim();
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return { ok: false, reason: 'must be a decimal number like 12.5' };
  const [, sign, whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits)
    return { ok: false, reason: `must have at most ${digits} decimal place${digits === 1 ? '' : 's'}` };
  const magnitude = BigInt(whole + significant.padEnd(digits, '0'));
  return checkedRange(sign === '-' ? -magnitude : magnitude);
}

function checkedRange(value: bigint): ScaledParse {
  return fitsInt64(value)
    ? { ok: true, value }
    : { ok: false, reason: 'is beyond the range of a stored amount' };
}

/** A number without exponent notation (1e-7 → "0.0000001"), so the decimal reader accepts it. */
function numberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** Whole steps back to a plain decimal: `formatScaled(12500n, 3)` is `"12.5"`. */
export function formatScaled(value: bigint, digits: number): string {
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
