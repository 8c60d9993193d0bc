import { describe, expect, it } from 'vitest';
import { checkIban, formatIban } from './iban.ts';

function stored(raw: string): string | undefined {
  const result = checkIban(raw);
  return result.ok ? result.value : undefined;
}

function reason(raw: string): string | undefined {
  const result = checkIban(raw);
  return result.ok ? undefined : result.reason;
}

describe('checkIban', () => {
  it('accepts valid IBANs in electronic format', () => {
    // Sample IBANs published by the banks' associations and the ECBS/SWIFT IBAN registry.
    for (const iban of [
      'PL61109010140000071219812874',
      'HU42117730161111101800000000',
      'GB82WEST12345698765432',
      'DE89370400440532013000',
      'CH9300762011623852957',
    ]) {
      expect(stored(iban), iban).toBe(iban);
    }
  });

  it('stores upper case without spaces, dashes or an IBAN label', () => {
    expect(stored('pl61 1090 1014 0000 0712 1981 2874')).toBe('PL61109010140000071219812874');
    expect(stored('PL61-1090-1014-0000-0712-1981-2874')).toBe('PL61109010140000071219812874');
    expect(stored('IBAN: DE89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(stored('  HU42 1177 3016 1111 1018 0000 0000 ')).toBe('HU42117730161111101800000000');
  });

  it('rejects a changed digit', () => {
    expect(reason('PL61109010140000071219812875')).toBe('IBAN checksum does not match');
    expect(reason('GB82WEST12345698765433')).toBe('IBAN checksum does not match');
    expect(reason('GB83WEST12345698765432')).toBe('IBAN checksum does not match');
  });

  it('reports the national account checksum where the country has one', () => {
    expect(reason('HU42117730161111101800000001')).toBe('IBAN bank or account checksum does not match');
  });

  it('says what else is wrong', () => {
    expect(reason('GB82WEST1234569876543')).toBe('IBAN has the wrong length for its country');
    expect(reason('XX82WEST12345698765432')).toBe('IBAN must start with a known two-letter country code');
    expect(reason('GBAAWEST12345698765432')).toBe(
      'IBAN check digits (3rd and 4th characters) must be digits',
    );
    expect(reason('61109010140000071219812874')).toBe(
      'IBAN must start with a two-letter country code, e.g. PL',
    );
    expect(reason('PL61 1090 1014 0000 0712 1981 287!')).toBe('IBAN may contain only letters and digits');
    expect(reason('')).toBe('IBAN is empty');
    expect(reason('   ')).toBe('IBAN is empty');
  });
});

describe('formatIban', () => {
  it('groups by four', () => {
    expect(formatIban('PL61109010140000071219812874')).toBe('PL61 1090 1014 0000 0712 1981 2874');
    expect(formatIban('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
  });
});
