import { composeIBAN } from 'ibantools';
import type { Rng } from './prng.ts';

/**
 * Bank accounts for the demo's clients: a real bank's code (whose branch check digit is right)
 * and a random account number with the national check digits the country uses, made into an
 * IBAN by ibantools, so every account is different and passes the product's own IBAN check.
 */
interface Bank {
  name: string;
  /** The bank and branch part of the BBAN, check digit included. */
  branch: string;
  account: (rng: Rng) => string;
}

/** Hungarian giro check digit: weights 9, 7, 3, 1 repeating, completing the sum to a multiple of 10. */
function hungarianCheck(digits: string): string {
  const weights = [9, 7, 3, 1];
  const sum = [...digits].reduce(
    (total, digit, index) => total + Number(digit) * (weights[index % 4] ?? 0),
    0,
  );
  return String((10 - (sum % 10)) % 10);
}

const BANKS: Readonly<Record<string, readonly Bank[]>> = {
  PL: [
    { name: 'PKO Bank Polski', branch: '10201026', account: (rng) => rng.digits(16) },
    { name: 'Bank Pekao', branch: '12401037', account: (rng) => rng.digits(16) },
    { name: 'mBank', branch: '11402004', account: (rng) => rng.digits(16) },
    { name: 'Santander Bank Polska', branch: '10901014', account: (rng) => rng.digits(16) },
  ],
  HU: [
    {
      name: 'OTP Bank',
      branch: '11773016',
      account: (rng) => {
        const account = rng.digits(15);
        return account + hungarianCheck(account);
      },
    },
  ],
  GB: [{ name: 'Barclays', branch: 'BARC200000', account: (rng) => rng.digits(8) }],
};

/** A bank and an IBAN for a client in `country`, or null where the demo knows no bank. */
export function demoBankAccount(country: string, rng: Rng): { bank: string; iban: string } | null {
  const banks = BANKS[country];
  if (!banks || banks.length === 0) return null;
  const bank = banks[rng.int(0, banks.length - 1)] as Bank;
  const iban = composeIBAN({ countryCode: country, bban: bank.branch + bank.account(rng) });
  return iban ? { bank: bank.name, iban } : null;
}
