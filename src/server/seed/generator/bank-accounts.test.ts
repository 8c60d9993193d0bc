import { describe, expect, it } from 'vitest';
import { checkIban } from '../../../shared/identifiers/iban.ts';
import { demoBankAccount } from './bank-accounts.ts';
import { forIndex } from './prng.ts';

describe('demo bank accounts', () => {
  it.each(['PL', 'HU', 'GB'])('are valid and different IBANs of %s banks', (country) => {
    const accounts = Array.from({ length: 500 }, (_, index) =>
      demoBankAccount(country, forIndex(7, 'bank', index)),
    );
    const ibans = accounts.map((account) => account?.iban ?? '');
    expect(ibans.filter((iban) => !iban.startsWith(country) || !checkIban(iban).ok)).toEqual([]);
    expect(new Set(ibans).size).toBe(ibans.length);
  });

  it('has no bank for a country the demo does not know', () => {
    expect(demoBankAccount('FR', forIndex(7, 'bank', 0))).toBeNull();
  });
});
