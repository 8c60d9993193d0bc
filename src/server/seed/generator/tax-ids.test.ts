import { describe, expect, it } from 'vitest';
import { checkTaxId } from '../../../shared/identifiers/tax-id.ts';
import { forIndex } from './prng.ts';
import {
  formatHungarianTaxNumber,
  generateHungarianTaxNumber,
  generateNip,
  generateRegon,
  generateUkVat,
  HUNGARIAN_TAX_COUNTY_CODES,
  hungarianCheckDigit,
  nipCheckDigit,
} from './tax-ids.ts';

// The seed's numbers are checked by the product's own validators, as typed ones are.
const isValidNip = (value: string) => checkTaxId('nip', value).ok;
const isValidRegon = (value: string) => checkTaxId('regon', value).ok;
const isValidHungarianTaxNumber = (value: string) => checkTaxId('huTaxNumber', value).ok;
const isValidUkVat = (value: string) =>
  checkTaxId('euVat', /^GB/i.test(value.trim()) ? value : `GB${value}`).ok;

/** Every id obtained by replacing one digit with another, positions as in the digit string. */
function singleDigitCorruptions(id: string): string[] {
  const corrupted: string[] = [];
  for (let i = 0; i < id.length; i++) {
    const digit = id.charAt(i);
    if (!/\d/.test(digit)) continue;
    for (let replacement = 0; replacement <= 9; replacement++) {
      if (String(replacement) === digit) continue;
      corrupted.push(id.slice(0, i) + String(replacement) + id.slice(i + 1));
    }
  }
  return corrupted;
}

function sample<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

describe('known examples (check digits worked out by hand in the comments)', () => {
  it('Polish NIP', () => {
    // 1·6 + 2·5 + 3·7 + 4·2 + 5·3 + 6·4 + 3·5 + 2·6 + 1·7 = 118; 118 mod 11 = 8
    expect(isValidNip('1234563218')).toBe(true);
    expect(isValidNip('123-456-32-18')).toBe(true);
    expect(isValidNip('PL 123 456 32 18')).toBe(true);
    expect(isValidNip('1234563217')).toBe(false);
    // 123456303…: the weighted sum is 120, 120 mod 11 = 10, so no NIP can start like this.
    expect(nipCheckDigit('123456303')).toBeNull();
    for (let last = 0; last <= 9; last++) expect(isValidNip(`123456303${last}`)).toBe(false);
    expect(isValidNip('0123456789')).toBe(false);
    expect(isValidNip('123456321')).toBe(false);
  });

  it('Polish REGON', () => {
    // 1·8 + 2·9 + 3·2 + 4·3 + 5·4 + 6·5 + 7·6 + 8·7 = 192; 192 mod 11 = 5
    expect(isValidRegon('123456785')).toBe(true);
    // 1·8 = 8 … + 5·7 = 35 → 43; 43 mod 11 = 10, which REGON writes as 0
    expect(isValidRegon('100000050')).toBe(true);
    expect(isValidRegon('123456784')).toBe(false);
    expect(isValidRegon('12345678')).toBe(false);
  });

  it('Hungarian tax number', () => {
    // 1·9 + 2·7 + 3·3 + 4·1 + 5·9 + 6·7 + 7·3 = 144; (10 - 4) mod 10 = 6
    expect(hungarianCheckDigit('1234567')).toBe(6);
    expect(isValidHungarianTaxNumber('12345676-2-41')).toBe(true);
    expect(isValidHungarianTaxNumber('12345676241')).toBe(true);
    // 1·9 + 0·7 + 6·3 + 2·1 + 5·9 + 7·7 + 9·3 = 150; (10 - 0) mod 10 = 0
    expect(isValidHungarianTaxNumber('10625790-4-44')).toBe(true);
    expect(isValidHungarianTaxNumber('12345675-2-41')).toBe(false);
    // VAT status must be 1–5, the county code one of the issued ones.
    expect(isValidHungarianTaxNumber('12345676-0-41')).toBe(false);
    expect(isValidHungarianTaxNumber('12345676-6-41')).toBe(false);
    expect(isValidHungarianTaxNumber('12345676-2-21')).toBe(false);
    expect(isValidHungarianTaxNumber('12345676-2-01')).toBe(false);
    expect(isValidHungarianTaxNumber('12345676')).toBe(false);
  });

  it('UK VAT number, both schemes', () => {
    // 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 112. Classic: 112 + 82 = 194 = 2·97.
    expect(isValidUkVat('GB123456782')).toBe(true);
    // 9755: 112 + 55 + 27 = 194 = 2·97.
    expect(isValidUkVat('GB123456727')).toBe(true);
    // 9·8 + 8·7 + 0·6 + 7·5 + 8·4 + 0·3 + 6·2 = 207; 207 + 84 = 291 = 3·97.
    expect(isValidUkVat('GB 980 7806 84')).toBe(true);
    expect(isValidUkVat('980780684')).toBe(true);
    expect(isValidUkVat('GB980780684001')).toBe(true); // branch suffix
    expect(isValidUkVat('GB123456783')).toBe(false);
    expect(isValidUkVat('GB000000000')).toBe(false);
    expect(isValidUkVat('GB12345678')).toBe(false);
  });
});

describe('generated ids pass their validators', () => {
  it('NIP', () => {
    const nips = sample(2_000, (i) => generateNip(forIndex(1, 'nip', i)));
    expect(nips.filter((nip) => !/^[1-9]\d{9}$/.test(nip) || !isValidNip(nip))).toEqual([]);
  });

  it('REGON', () => {
    const regons = sample(2_000, (i) => generateRegon(forIndex(1, 'regon', i)));
    expect(regons.filter((regon) => !/^\d{9}$/.test(regon) || !isValidRegon(regon))).toEqual([]);
  });

  it('Hungarian tax number, for every county code', () => {
    const bad = sample(2_000, (i) => {
      const county = HUNGARIAN_TAX_COUNTY_CODES[i % HUNGARIAN_TAX_COUNTY_CODES.length] ?? '41';
      const id = generateHungarianTaxNumber(forIndex(1, 'hu', i), county);
      const ok =
        /^[12]\d{7}-[1-5]-\d{2}$/.test(id) && id.endsWith(`-${county}`) && isValidHungarianTaxNumber(id);
      return ok ? null : id;
    }).filter((id) => id !== null);
    expect(bad).toEqual([]);
    expect(() => generateHungarianTaxNumber(forIndex(1, 'hu', 0), '99')).toThrow(RangeError);
  });

  it('UK VAT', () => {
    const vats = sample(2_000, (i) => generateUkVat(forIndex(1, 'vat', i)));
    expect(vats.filter((vat) => !/^GB[1-9]\d{8}$/.test(vat) || !isValidUkVat(vat))).toEqual([]);
  });
});

describe('validators reject a single wrong digit', () => {
  it('NIP and the Hungarian number catch every single-digit change', () => {
    // Both schemes use weights coprime to their modulus, so any one changed digit shows.
    const nips = sample(200, (i) => generateNip(forIndex(2, 'nip', i)));
    expect(nips.flatMap(singleDigitCorruptions).filter(isValidNip)).toEqual([]);
    for (const id of sample(200, (i) => generateHungarianTaxNumber(forIndex(2, 'hu', i), '08'))) {
      // Only the base number carries the checksum; status and county are checked by range.
      const [base = '', status = '', county = ''] = id.split('-');
      const corrupted = singleDigitCorruptions(base).map((bad) =>
        formatHungarianTaxNumber(bad, Number(status), county),
      );
      expect(corrupted.filter(isValidHungarianTaxNumber)).toEqual([]);
    }
  });

  it('REGON catches every change except the remainder-10 blind spot of the scheme itself', () => {
    const weights = [8, 9, 2, 3, 4, 5, 6, 7];
    const remainder = (id: string) => weights.reduce((sum, w, i) => sum + w * Number(id[i]), 0) % 11;
    let blindSpots = 0;
    const wrong: string[] = [];
    for (const regon of sample(300, (i) => generateRegon(forIndex(2, 'regon', i)))) {
      for (const bad of singleDigitCorruptions(regon)) {
        // REGON writes remainders 0 and 10 both as check digit 0, so 0 ↔ 10 swaps go unseen.
        const unseen =
          Number(bad[8]) === 0 && [0, 10].includes(remainder(bad)) && [0, 10].includes(remainder(regon));
        if (unseen) blindSpots++;
        if (isValidRegon(bad) !== unseen) wrong.push(bad);
      }
    }
    expect(wrong).toEqual([]);
    expect(blindSpots).toBeLessThan(300 * 81 * 0.02);
  });

  it('UK VAT catches every change except where the other scheme may happen to match', () => {
    // Accepting both schemes means a change that shifts the weighted sum by exactly 55 (mod 97)
    // can turn a valid 9755 number into a valid classic one: digit 2 down by 6 or digit 3 down
    // by 7 (whether it does depends on the ranges the validator accepts each scheme for).
    const wrong: string[] = [];
    for (const vat of sample(300, (i) => generateUkVat(forIndex(2, 'vat', i)))) {
      const digits = vat.slice(2);
      for (const bad of singleDigitCorruptions(digits)) {
        const position = [...bad].findIndex((d, i) => d !== digits[i]);
        const delta = Number(bad[position]) - Number(digits[position]);
        const crossesSchemes = (position === 1 && delta === -6) || (position === 2 && delta === -7);
        if (isValidUkVat(`GB${bad}`) && !crossesSchemes) wrong.push(bad);
      }
    }
    expect(wrong).toEqual([]);
  });
});
