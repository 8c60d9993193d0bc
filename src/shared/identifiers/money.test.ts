import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_CODES,
  currencyMinorDigits,
  formatMoney,
  isCurrencyCode,
  parseMoneyAmount,
} from './money.ts';

function minor(text: string, currency: string): number | undefined {
  const result = parseMoneyAmount(text, currency);
  return result.ok ? result.minor : undefined;
}

function reason(text: string, currency: string): string | undefined {
  const result = parseMoneyAmount(text, currency);
  return result.ok ? undefined : result.reason;
}

/** Intl puts no-break spaces in Polish and Hungarian output; tests compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('CURRENCY_CODES', () => {
  it('is a sorted list of unique three-letter codes that Intl can format', () => {
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    for (const code of CURRENCY_CODES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(() => new Intl.NumberFormat('en', { style: 'currency', currency: code })).not.toThrow();
    }
    for (const code of ['PLN', 'HUF', 'EUR', 'USD', 'GBP', 'CHF', 'CZK', 'JPY'])
      expect(isCurrencyCode(code)).toBe(true);
    for (const code of ['XXX', 'XAU', 'HRK', 'pln', 'ZZZ']) expect(isCurrencyCode(code)).toBe(false);
  });
});

describe('currencyMinorDigits', () => {
  it('follows ISO 4217, including HUF with 2 where CLDR shows 0', () => {
    expect(currencyMinorDigits('PLN')).toBe(2);
    expect(currencyMinorDigits('EUR')).toBe(2);
    expect(currencyMinorDigits('HUF')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('KRW')).toBe(0);
    expect(currencyMinorDigits('KWD')).toBe(3);
    expect(currencyMinorDigits('BHD')).toBe(3);
    expect(currencyMinorDigits('ZZZ')).toBe(2);
  });
});

describe('parseMoneyAmount', () => {
  it('reads Polish/Hungarian and English notation', () => {
    expect(minor('1 234,56', 'PLN')).toBe(123456);
    expect(minor('1\u00a0234,56', 'PLN')).toBe(123456);
    expect(minor('1234.56', 'PLN')).toBe(123456);
    expect(minor('1,234.56', 'USD')).toBe(123456);
    expect(minor('1.234,56', 'EUR')).toBe(123456);
    expect(minor("1'234.56", 'CHF')).toBe(123456);
    expect(minor('1.234.567,5', 'EUR')).toBe(123456750);
    expect(minor('1,234,567', 'USD')).toBe(123456700);
    expect(minor('12,5', 'PLN')).toBe(1250);
    expect(minor('12', 'PLN')).toBe(1200);
    expect(minor(',5', 'PLN')).toBe(50);
    expect(minor('0,01', 'PLN')).toBe(1);
  });

  it('reads a sign and an adjoining currency code', () => {
    expect(minor('-12,50', 'PLN')).toBe(-1250);
    expect(minor('\u221212,50', 'PLN')).toBe(-1250);
    expect(minor('+12,50', 'PLN')).toBe(1250);
    expect(minor('-0,00', 'PLN')).toBe(0);
    expect(Object.is(minor('-0,00', 'PLN'), -0)).toBe(false);
    expect(minor('PLN 12,50', 'PLN')).toBe(1250);
    expect(minor('12,50 pln', 'PLN')).toBe(1250);
  });

  it('follows the currency minor unit', () => {
    expect(minor('1 234', 'JPY')).toBe(1234);
    expect(minor('1,234', 'KWD')).toBe(1234);
    expect(minor('12,5', 'KWD')).toBe(12500);
    expect(minor('1 234,5', 'HUF')).toBe(123450);
  });

  it('treats one lone separator as decimal, so 1,234 in PLN is an error, not 1234', () => {
    expect(reason('1,234', 'PLN')).toBe(
      'PLN amounts have at most 2 decimal places; to group thousands use a space (1 234)',
    );
    expect(reason('1.234', 'PLN')).toBe(
      'PLN amounts have at most 2 decimal places; to group thousands use a space (1 234)',
    );
    expect(reason('1,234', 'JPY')).toBe(
      'JPY amounts have no decimal places; to group thousands use a space (1 234)',
    );
    expect(reason('12,5', 'JPY')).toBe('JPY amounts have no decimal places');
    expect(reason('0,001', 'EUR')).toBeDefined();
  });

  it('rejects malformed grouping and text', () => {
    expect(reason('12 34', 'PLN')).toBe('Thousands separators must split the amount into groups of three');
    expect(reason('1,2,3.4', 'PLN')).toBe('Thousands separators must split the amount into groups of three');
    expect(reason('1,234.5,6', 'PLN')).toBe('Amount has more than one decimal separator');
    expect(reason('1e5', 'PLN')).toBe('Amount may contain only digits, spaces and one decimal separator');
    expect(reason('12 zł', 'PLN')).toBeDefined();
    expect(reason('--5', 'PLN')).toBeDefined();
    expect(reason('', 'PLN')).toBe('Amount is empty');
    expect(reason('12', 'ZZZ')).toBe("Unknown currency 'ZZZ'");
  });

  it('stays exact up to Number.MAX_SAFE_INTEGER minor units', () => {
    expect(minor('90 071 992 547 409,91', 'PLN')).toBe(9007199254740991);
    expect(minor('9007199254740991', 'JPY')).toBe(Number.MAX_SAFE_INTEGER);
    expect(reason('90 071 992 547 409,92', 'PLN')).toBe('Amount is too large');
    expect(minor('0.1', 'USD')! + minor('0.2', 'USD')!).toBe(30);
  });
});

describe('formatMoney', () => {
  it('formats in the viewer locale', () => {
    expect(plain(formatMoney(123456789, 'PLN', 'pl'))).toBe('1 234 567,89 zł');
    expect(formatMoney(123456789, 'EUR', 'en')).toBe('€1,234,567.89');
    expect(formatMoney(123456, 'EUR', 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney(12345, 'JPY', 'en')).toBe('¥12,345');
    expect(formatMoney(12345, 'KWD', 'en')).toBe('KWD\u00a012.345');
  });

  it('shows negative amounts, including those under one major unit', () => {
    expect(formatMoney(-5, 'EUR', 'en')).toBe('-€0.05');
    expect(formatMoney(-123456, 'USD', 'en')).toBe('-$1,234.56');
    expect(formatMoney(0, 'EUR', 'en')).toBe('€0.00');
  });

  it('is exact at Number.MAX_SAFE_INTEGER, where a float would round', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
    expect(formatMoney(-Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('-$90,071,992,547,409.91');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'JPY', 'en')).toBe('¥9,007,199,254,740,991');
  });

  it('hides HUF fillér only when there are none', () => {
    const whole = plain(formatMoney(123400, 'HUF', 'hu'));
    const fractional = plain(formatMoney(123450, 'HUF', 'hu'));
    // CLDR (V8) shows forints without decimals; ISO-based runtimes show ,00. Never a rounded value.
    expect(['1234 Ft', '1234,00 Ft']).toContain(whole);
    expect(fractional).toBe('1234,50 Ft');
  });

  it('uses the locale digits', () => {
    expect(formatMoney(-123456, 'EGP', 'ar-EG')).toContain('١٬٢٣٤٫٥٦');
  });

  it('never throws', () => {
    expect(formatMoney(1.5, 'PLN', 'pl')).toBe('1.5 PLN');
    expect(formatMoney(100, 'PLN', 'not a locale!')).toBe('1.00 PLN');
    expect(formatMoney(100, 'NOT-A-CODE', 'en')).toBe('1.00 NOT-A-CODE');
    expect(formatMoney(Number.NaN, 'PLN', 'pl')).toBe('NaN PLN');
  });

  it('round-trips through parseMoneyAmount for any safe amount', () => {
    const cases: [string, string][] = [
      ['PLN', 'pl'],
      ['USD', 'en'],
      ['EUR', 'de'],
      ['HUF', 'hu'],
      ['JPY', 'en'],
      ['KWD', 'en'],
    ];
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(...cases), (amount, [currency, locale]) => {
        // Keep the digits, separators and sign; drop the currency symbol and its spacing.
        const shown = formatMoney(amount, currency, locale)
          .replace(/[^\d.,\s\u00a0\u202f-]/g, '')
          .trim();
        expect(minor(shown, currency)).toBe(amount);
      }),
    );
  });
});
