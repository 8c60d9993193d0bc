import { describe, expect, it } from 'vitest';
import { checkTaxId, formatTaxId, type TaxIdKind, taxIdKindsFor } from './tax-id.ts';

function storedForm(kind: TaxIdKind, raw: string, country?: string): string | undefined {
  const result = checkTaxId(kind, raw, country);
  return result.ok ? result.value : undefined;
}

function reasonOf(kind: TaxIdKind, raw: string, country?: string): string | undefined {
  const result = checkTaxId(kind, raw, country);
  return result.ok ? undefined : result.reason;
}

describe('NIP', () => {
  // Public NIPs: PKN Orlen S.A., PZU S.A., Ministerstwo Finansów (also the VIES example).
  const REAL = ['7740001454', '5260251049', '5260250274'];

  it('accepts real NIPs and stores 10 bare digits', () => {
    for (const nip of REAL) expect(storedForm('nip', nip)).toBe(nip);
  });

  it('accepts separators and an optional PL prefix', () => {
    expect(storedForm('nip', '774-000-14-54')).toBe('7740001454');
    expect(storedForm('nip', '774 00 01 454')).toBe('7740001454');
    expect(storedForm('nip', 'PL7740001454')).toBe('7740001454');
    expect(storedForm('nip', 'pl 774-000-14-54')).toBe('7740001454');
  });

  it('rejects one changed digit with a checksum reason', () => {
    expect(reasonOf('nip', '7740001455')).toBe('NIP checksum does not match');
    expect(reasonOf('nip', '7740011454')).toBe('NIP checksum does not match');
    expect(reasonOf('nip', '5260251048')).toBe('NIP checksum does not match');
  });

  it('rejects a remainder of 10, which is never issued', () => {
    // 123456002: weighted sum mod 11 is 10, so no check digit makes it valid.
    for (let last = 0; last <= 9; last += 1) expect(storedForm('nip', `123456002${last}`)).toBeUndefined();
  });

  it('says what is wrong with the length or characters', () => {
    expect(reasonOf('nip', '774000145')).toBe('NIP must have 10 digits');
    expect(reasonOf('nip', '77400014540')).toBe('NIP must have 10 digits');
    expect(reasonOf('nip', '774O001454')).toBe('NIP may contain only digits');
    expect(reasonOf('nip', '   ')).toBe('NIP is empty');
    expect(reasonOf('nip', '0000000000')).toBe('NIP cannot start with 0');
    expect(reasonOf('nip', '0123456789')).toBe('NIP cannot start with 0');
  });

  it('formats as 123-456-78-90', () => {
    expect(formatTaxId('nip', '7740001454')).toBe('774-000-14-54');
    expect(formatTaxId('nip', 'not stored form')).toBe('not stored form');
  });
});

describe('REGON', () => {
  it('accepts 9-digit REGONs', () => {
    expect(storedForm('regon', '610188201')).toBe('610188201'); // PKN Orlen S.A.
    expect(storedForm('regon', '123456785')).toBe('123456785'); // the textbook example
    expect(storedForm('regon', '610 188 201')).toBe('610188201');
  });

  it('takes a remainder of 10 as check digit 0', () => {
    // Constructed: the weighted sum of 61018826 is 186, and 186 mod 11 = 10.
    expect(storedForm('regon', '610188260')).toBe('610188260');
    expect(reasonOf('regon', '610188261')).toBe('REGON checksum does not match');
  });

  it('accepts 14-digit REGONs whose first nine digits are valid too', () => {
    // Constructed: Orlen's REGON with local-unit number 0000, and the textbook 123456785 + 0001.
    expect(storedForm('regon', '61018820100003')).toBe('61018820100003');
    expect(storedForm('regon', '12345678500010')).toBe('12345678500010');
  });

  it('rejects one changed digit', () => {
    expect(reasonOf('regon', '610188202')).toBe('REGON checksum does not match');
    expect(reasonOf('regon', '61018820100004')).toBe('REGON checksum does not match');
  });

  it('rejects a 14-digit REGON whose own checksum fits but whose first nine do not', () => {
    // 1234567800001 + 2 satisfies the 14-digit weights, but 123456780 is not a valid REGON-9.
    expect(reasonOf('regon', '12345678000012')).toBe('REGON checksum of the first 9 digits does not match');
  });

  it('rejects other lengths', () => {
    expect(reasonOf('regon', '61018820')).toBe('REGON must have 9 or 14 digits');
    expect(reasonOf('regon', '6101882010000')).toBe('REGON must have 9 or 14 digits');
    expect(reasonOf('regon', '61018820X')).toBe('REGON may contain only digits');
  });

  it('is displayed unchanged', () => {
    expect(formatTaxId('regon', '610188201')).toBe('610188201');
  });
});

describe('KRS', () => {
  it('zero-pads to 10 digits', () => {
    expect(storedForm('krs', '0000028860')).toBe('0000028860');
    expect(storedForm('krs', '28860')).toBe('0000028860');
    expect(storedForm('krs', 'KRS 0000028860')).toBe('0000028860');
  });

  it('rejects letters, zero and more than 10 digits', () => {
    expect(reasonOf('krs', '00000288600')).toBe('KRS must have at most 10 digits');
    expect(reasonOf('krs', '28A60')).toBe('KRS may contain only digits');
    expect(reasonOf('krs', '0000000000')).toBe('KRS cannot be zero');
  });
});

describe('Hungarian tax number (adószám)', () => {
  it('accepts real tax numbers and stores xxxxxxxx-y-zz', () => {
    expect(storedForm('huTaxNumber', '10625790-4-44')).toBe('10625790-4-44'); // MOL Nyrt.
    expect(storedForm('huTaxNumber', '10537914-4-44')).toBe('10537914-4-44'); // OTP Bank Nyrt.
    expect(storedForm('huTaxNumber', '10625790444')).toBe('10625790-4-44');
    expect(storedForm('huTaxNumber', '10625790 4 44')).toBe('10625790-4-44');
  });

  it('accepts county and Budapest area codes', () => {
    // Constructed: 12345676 satisfies the 9-7-3-1 checksum.
    for (const area of ['02', '13', '20', '22', '40', '41', '43', '51']) {
      expect(storedForm('huTaxNumber', `12345676-2-${area}`)).toBe(`12345676-2-${area}`);
    }
  });

  it('rejects a changed checksum digit', () => {
    expect(reasonOf('huTaxNumber', '10625791-4-44')).toBe('Hungarian tax number checksum does not match');
    expect(reasonOf('huTaxNumber', '10625780-4-44')).toBe('Hungarian tax number checksum does not match');
  });

  it('rejects VAT codes outside 1–5 and unknown area codes', () => {
    expect(reasonOf('huTaxNumber', '10625790-0-44')).toBe(
      'Hungarian tax number VAT code (9th digit) must be 1–5',
    );
    expect(reasonOf('huTaxNumber', '10625790-6-44')).toBe(
      'Hungarian tax number VAT code (9th digit) must be 1–5',
    );
    for (const area of ['00', '01', '21', '45', '50', '52', '99']) {
      expect(reasonOf('huTaxNumber', `10625790-4-${area}`)).toBe(
        `Hungarian tax number area code ${area} does not exist`,
      );
    }
  });

  it('rejects the 8-digit EU VAT form, which lacks VAT and area codes', () => {
    expect(reasonOf('huTaxNumber', '10625790')).toBe(
      'Hungarian tax number must have 11 digits (xxxxxxxx-y-zz)',
    );
  });

  it('formats the stored form unchanged and adds dashes to bare digits', () => {
    expect(formatTaxId('huTaxNumber', '10625790-4-44')).toBe('10625790-4-44');
    expect(formatTaxId('huTaxNumber', '10625790444')).toBe('10625790-4-44');
  });
});

describe('EU VAT', () => {
  // Checksum-valid VAT ids from public registers and the VIES / jsvat documentation.
  const VALID = [
    'PL5260250274',
    'HU12892312',
    'HU10625790',
    'DE136695976',
    'ATU13585627',
    'FR40303265045',
    'IT00743110157',
    'ESA28015865',
    'NL004495445B01',
    'BE0411905847',
    'CZ25123891',
    'SK2020317068',
    'SE556188840401',
    'PT501964843',
    'EL094259216',
    'GB980780684',
  ];
  // The same ids with one character changed.
  const INVALID = [
    'PL5260250275',
    'HU12892313',
    'DE136695977',
    'ATU13585628',
    'FR41303265045',
    'IT00743110158',
    'BE0411905848',
    'CZ25123892',
    'PT501964844',
    'GB980780685',
  ];

  it('accepts valid ids', () => {
    for (const vat of VALID) expect(storedForm('euVat', vat), vat).toBe(vat);
  });

  it('rejects a changed digit', () => {
    for (const vat of INVALID) expect(reasonOf('euVat', vat), vat).toBe('VAT number checksum does not match');
  });

  it('stores upper case without separators', () => {
    expect(storedForm('euVat', 'pl 526-025-02-74')).toBe('PL5260250274');
    expect(storedForm('euVat', 'de 136.695.976')).toBe('DE136695976');
  });

  it('takes the prefix from the country when the input has none', () => {
    expect(storedForm('euVat', '5260250274', 'PL')).toBe('PL5260250274');
    expect(storedForm('euVat', '094259216', 'GR')).toBe('EL094259216');
    expect(reasonOf('euVat', '5260250274')).toBe(
      'VAT number must start with a two-letter country code, e.g. PL',
    );
  });

  it('reads GR as EL and checks XI with the UK rules', () => {
    expect(storedForm('euVat', 'GR094259216')).toBe('EL094259216');
    expect(storedForm('euVat', 'XI980780684')).toBe('XI980780684');
  });

  it('rejects unsupported prefixes and wrong formats', () => {
    expect(reasonOf('euVat', 'US123456789')).toBe('VAT numbers of US are not supported');
    expect(reasonOf('euVat', 'BR12345678000195')).toBe('VAT numbers of BR are not supported');
    expect(reasonOf('euVat', 'PL52602502')).toBe('VAT number has the wrong format for PL');
    expect(reasonOf('euVat', 'PL5260250274!')).toBe('VAT number may contain only letters and digits');
  });

  it('is displayed unchanged', () => {
    expect(formatTaxId('euVat', 'PL5260250274')).toBe('PL5260250274');
  });
});

describe('checkTaxId on bad input', () => {
  it('never throws', () => {
    for (const kind of ['nip', 'regon', 'krs', 'huTaxNumber', 'euVat'] as const) {
      for (const raw of ['', ' ', '-', 'PL', '🙂', '\u0000', 'x'.repeat(10_000)]) {
        expect(checkTaxId(kind, raw).ok).toBe(false);
      }
    }
  });
});

describe('taxIdKindsFor', () => {
  it('offers the national ids first', () => {
    expect(taxIdKindsFor('PL')).toEqual(['nip', 'regon', 'krs', 'euVat']);
    expect(taxIdKindsFor('pl')).toEqual(['nip', 'regon', 'krs', 'euVat']);
    expect(taxIdKindsFor('HU')).toEqual(['huTaxNumber', 'euVat']);
    expect(taxIdKindsFor('DE')).toEqual(['euVat']);
    expect(taxIdKindsFor(null)).toEqual(['euVat']);
  });
});
