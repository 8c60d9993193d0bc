import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryName, isCountryCode } from './countries.ts';

describe('COUNTRY_CODES', () => {
  it('lists the ISO 3166-1 alpha-2 codes, sorted and unique', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    for (const code of ['PL', 'HU', 'GB', 'DE', 'US', 'AQ', 'XK']) expect(COUNTRY_CODES).toContain(code);
  });

  it('checks codes exactly', () => {
    expect(isCountryCode('PL')).toBe(true);
    expect(isCountryCode('pl')).toBe(false);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('POL')).toBe(false);
    expect(isCountryCode('')).toBe(false);
  });
});

describe('countryName', () => {
  it('names countries in English, Polish and Hungarian', () => {
    expect(countryName('HU', 'en')).toBe('Hungary');
    expect(countryName('HU', 'pl')).toBe('Węgry');
    expect(countryName('HU', 'hu')).toBe('Magyarország');
    expect(countryName('PL', 'hu')).toBe('Lengyelország');
    expect(countryName('DE', 'pl')).toBe('Niemcy');
    expect(countryName('gb', 'en')).toBe('United Kingdom');
  });

  it('has a name for every code in all three languages', () => {
    for (const locale of ['en', 'pl', 'hu'] as const) {
      for (const code of COUNTRY_CODES) expect(countryName(code, locale), `${code} ${locale}`).not.toBe(code);
    }
  });

  it('returns an unknown code as given', () => {
    expect(countryName('ZZ', 'en')).toBe('ZZ');
    expect(countryName('', 'pl')).toBe('');
  });
});
