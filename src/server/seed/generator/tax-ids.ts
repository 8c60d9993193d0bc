// Tax identifiers with real check digits, generated for the seed. They are checked by the
// product's own validators (src/shared/identifiers/tax-id.ts), as any typed number is.
import type { Rng } from './prng.ts';

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum;
}

// ---------------------------------------------------------------- Polish NIP (10 digits)

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

/** The NIP check digit for nine leading digits, or null when the sum gives 10 (never issued). */
export function nipCheckDigit(firstNine: string): number | null {
  const check = weightedSum(firstNine, NIP_WEIGHTS) % 11;
  return check === 10 ? null : check;
}

/** A valid NIP as ten plain digits. */
export function generateNip(rng: Rng): string {
  for (;;) {
    const firstNine = String(rng.int(101, 999)) + rng.digits(6);
    const check = nipCheckDigit(firstNine);
    // A sum of 10 cannot be written as one digit, so such numbers are never issued.
    if (check !== null) return firstNine + String(check);
  }
}

// ---------------------------------------------------------------- Polish REGON (9 digits)

const REGON_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;

export function regonCheckDigit(firstEight: string): number {
  // Unlike NIP, REGON maps a remainder of 10 to 0 instead of rejecting the number.
  return (weightedSum(firstEight, REGON_WEIGHTS) % 11) % 10;
}

export function generateRegon(rng: Rng): string {
  const firstEight = pad2(rng.int(1, 99)) + rng.digits(6);
  return firstEight + String(regonCheckDigit(firstEight));
}

// ------------------------------------------- Hungarian adószám (12345678-1-42, 11 digits)

const HU_WEIGHTS = [9, 7, 3, 1, 9, 7, 3] as const;

/** County (tax directorate) codes valid in the last two digits of a Hungarian tax number. */
export const HUNGARIAN_TAX_COUNTY_CODES: readonly string[] = [
  ...Array.from({ length: 19 }, (_, i) => pad2(i + 2)), // 02–20: the counties
  '22',
  '41',
  '42',
  '43',
  '44',
  '51',
];
const HU_COUNTY_SET = new Set(HUNGARIAN_TAX_COUNTY_CODES);

/** Check digit (8th digit) of the törzsszám: weights 9,7,3,1,9,7,3; (10 - sum mod 10) mod 10. */
export function hungarianCheckDigit(firstSeven: string): number {
  return (10 - (weightedSum(firstSeven, HU_WEIGHTS) % 10)) % 10;
}

export function formatHungarianTaxNumber(base8: string, vatStatus: number, countyCode: string): string {
  return `${base8}-${vatStatus}-${countyCode}`;
}

/**
 * A valid Hungarian company tax number in the usual 12345678-1-42 spelling. The VAT status is
 * mostly 2 (standard VAT), as it is for most real companies.
 */
export function generateHungarianTaxNumber(rng: Rng, countyCode: string): string {
  if (!HU_COUNTY_SET.has(countyCode)) throw new RangeError(`Unknown Hungarian county code ${countyCode}`);
  // Company base numbers start with 1 or 2; 8 is reserved for individuals' tax ids.
  const firstSeven = String(rng.int(1, 2)) + rng.digits(6);
  const vatStatus = rng.weighted([
    [2, 85],
    [3, 7],
    [1, 6],
    [4, 1],
    [5, 1],
  ] as const);
  return formatHungarianTaxNumber(
    firstSeven + String(hungarianCheckDigit(firstSeven)),
    vatStatus,
    countyCode,
  );
}

// -------------------------------------------------------- UK VAT number (GB123456789)

const UK_VAT_WEIGHTS = [8, 7, 6, 5, 4, 3, 2] as const;

/**
 * Check digits under HMRC's two modulus-97 schemes. Classic: weighted sum of the first seven
 * digits plus the two check digits is a multiple of 97. "9755" (numbers issued since 2010):
 * the same total plus 55 is a multiple of 97.
 */
export function ukVatCheckDigits(firstSeven: string, scheme: 'classic' | '9755'): string {
  const sum = weightedSum(firstSeven, UK_VAT_WEIGHTS) + (scheme === '9755' ? 55 : 0);
  return pad2((97 - (sum % 97)) % 97);
}

/** A valid UK VAT number as "GB" + 9 digits, using the current 9755 scheme. */
export function generateUkVat(rng: Rng): string {
  const firstSeven = String(rng.int(1, 9)) + rng.digits(6);
  return `GB${firstSeven}${ukVatCheckDigits(firstSeven, '9755')}`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
