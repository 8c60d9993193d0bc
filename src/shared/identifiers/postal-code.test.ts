import { describe, expect, it } from 'vitest';
import { checkPostalCode } from './postal-code.ts';

function stored(raw: string, country: string | null): string | undefined {
  const result = checkPostalCode(raw, country);
  return result.ok ? result.value : undefined;
}

function reason(raw: string, country: string | null): string | undefined {
  const result = checkPostalCode(raw, country);
  return result.ok ? undefined : result.reason;
}

describe('checkPostalCode', () => {
  it('PL: NN-NNN, with or without the dash', () => {
    expect(stored('00-950', 'PL')).toBe('00-950');
    expect(stored('00950', 'PL')).toBe('00-950');
    expect(stored(' 31-042 ', 'pl')).toBe('31-042');
    expect(reason('0095', 'PL')).toBe('Postal code for PL must look like 00-950');
    expect(reason('00-9500', 'PL')).toBe('Postal code for PL must look like 00-950');
  });

  it('HU: four digits in the issued range', () => {
    expect(stored('1011', 'HU')).toBe('1011');
    expect(stored('9985', 'HU')).toBe('9985');
    expect(stored('6720', 'HU')).toBe('6720');
    expect(reason('0999', 'HU')).toBe('Hungarian postal code must be 1000–9985');
    expect(reason('9999', 'HU')).toBe('Hungarian postal code must be 1000–9985');
    expect(reason('H-1011', 'HU')).toBe('Postal code for HU must look like 1011');
  });

  it('GB: outward and inward code, upper case with one space', () => {
    expect(stored('SW1A 1AA', 'GB')).toBe('SW1A 1AA');
    expect(stored('sw1a1aa', 'GB')).toBe('SW1A 1AA');
    expect(stored('EC1A 1BB', 'GB')).toBe('EC1A 1BB');
    expect(stored('W1A 0AX', 'GB')).toBe('W1A 0AX');
    expect(stored('M1 1AE', 'GB')).toBe('M1 1AE');
    expect(stored('B33 8TH', 'GB')).toBe('B33 8TH');
    expect(stored('CR2 6XH', 'GB')).toBe('CR2 6XH');
    expect(stored('DN55  1PT', 'GB')).toBe('DN55 1PT');
    expect(stored('gir 0aa', 'GB')).toBe('GIR 0AA');
    expect(reason('QA1 1AA', 'GB')).toBe('Postal code for GB must look like SW1A 1AA');
    expect(reason('SW1A 1CA', 'GB')).toBe('Postal code for GB must look like SW1A 1AA');
    expect(reason('GIR 1AA', 'GB')).toBe('Not a UK postcode');
    expect(reason('12345', 'GB')).toBe('Postal code for GB must look like SW1A 1AA');
  });

  it('DE, AT, FR, IT, ES: fixed digit counts', () => {
    expect(stored('10115', 'DE')).toBe('10115');
    expect(stored('01067', 'DE')).toBe('01067');
    expect(reason('00123', 'DE')).toBeDefined();
    expect(reason('1011', 'DE')).toBeDefined();
    expect(stored('1010', 'AT')).toBe('1010');
    expect(reason('0100', 'AT')).toBeDefined();
    expect(stored('75008', 'FR')).toBe('75008');
    expect(stored('97400', 'FR')).toBe('97400');
    expect(stored('00184', 'IT')).toBe('00184');
    expect(stored('28001', 'ES')).toBe('28001');
    expect(stored('52001', 'ES')).toBe('52001');
    expect(reason('53001', 'ES')).toBeDefined();
    expect(reason('00001', 'ES')).toBeDefined();
  });

  it('CZ and SK: NNN NN', () => {
    expect(stored('110 00', 'CZ')).toBe('110 00');
    expect(stored('11000', 'CZ')).toBe('110 00');
    expect(stored('811 01', 'SK')).toBe('811 01');
    expect(stored('04001', 'SK')).toBe('040 01');
    expect(reason('811 01', 'CZ')).toBeDefined();
    expect(reason('110 00', 'SK')).toBeDefined();
  });

  it('NL: 1234 AB', () => {
    expect(stored('1012 AB', 'NL')).toBe('1012 AB');
    expect(stored('1012ab', 'NL')).toBe('1012 AB');
    expect(reason('0123 AB', 'NL')).toBeDefined();
    expect(reason('1012 SS', 'NL')).toBeDefined();
    expect(reason('1012', 'NL')).toBeDefined();
  });

  it('US: ZIP or ZIP+4', () => {
    expect(stored('20500', 'US')).toBe('20500');
    expect(stored('20500-0003', 'US')).toBe('20500-0003');
    expect(stored('205000003', 'US')).toBe('20500-0003');
    expect(reason('2050', 'US')).toBe('Postal code for US must look like 20500 or 20500-0003');
    expect(reason('20500-003', 'US')).toBeDefined();
  });

  it('other or no country: 2–10 letters, digits, spaces or dashes', () => {
    expect(stored('d02 x285', 'IE')).toBe('D02 X285');
    expect(stored('100-0001', 'JP')).toBe('100-0001');
    expect(stored('SE-114 55', null)).toBe('SE-114 55');
    expect(stored('AB', 'ZZ')).toBe('AB');
    expect(reason('A', 'IE')).toBe('Postal code must have 2–10 letters, digits, spaces or dashes');
    expect(reason('12345678901', null)).toBeDefined();
    expect(reason('12#45', null)).toBeDefined();
    expect(reason('-1234', null)).toBeDefined();
  });

  it('rejects empty input and never throws', () => {
    expect(reason('', 'PL')).toBe('Postal code is empty');
    expect(reason('   ', null)).toBe('Postal code is empty');
    for (const raw of ['\u0000', '🙂', 'x'.repeat(10_000)]) {
      for (const country of ['PL', 'GB', 'US', null]) expect(checkPostalCode(raw, country).ok).toBe(false);
    }
  });
});
