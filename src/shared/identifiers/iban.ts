import { electronicFormatIBAN, friendlyFormatIBAN, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { accept, type CheckResult, reject } from './result.ts';

/** Most specific problem first: a wrong length usually also breaks the checksum. */
const REASONS: readonly [ValidationErrorsIBAN, string][] = [
  [ValidationErrorsIBAN.NoIBANProvided, 'IBAN is empty'],
  [ValidationErrorsIBAN.NoIBANCountry, 'IBAN must start with a known two-letter country code'],
  [ValidationErrorsIBAN.WrongBBANLength, 'IBAN has the wrong length for its country'],
  [ValidationErrorsIBAN.WrongBBANFormat, 'IBAN has the wrong format for its country'],
  [ValidationErrorsIBAN.ChecksumNotNumber, 'IBAN check digits (3rd and 4th characters) must be digits'],
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum, 'IBAN bank or account checksum does not match'],
  [ValidationErrorsIBAN.WrongIBANChecksum, 'IBAN checksum does not match'],
];

/**
 * Validates an IBAN (ISO 13616: country length and format, mod-97 check digits, and the national
 * account checksum where ibantools knows one). Stored in electronic format: upper case, no spaces.
 */
export function checkIban(raw: string): CheckResult {
  if (typeof raw !== 'string') return reject('IBAN is empty');
  // People paste the label along with the number, as printed on invoices.
  const value = electronicFormatIBAN(raw.trim().replace(/^IBAN:?\s*/i, '')) ?? '';
  if (value === '') return reject('IBAN is empty');
  if (!/^[A-Z0-9]+$/.test(value)) return reject('IBAN may contain only letters and digits');
  if (/^\d/.test(value)) {
    // A domestic account number (e.g. a Polish NRB of 26 digits) lacks the country prefix.
    return reject('IBAN must start with a two-letter country code, e.g. PL');
  }
  const result = validateIBAN(value);
  if (result.valid) return accept(value);
  const reason = REASONS.find(([code]) => result.errorCodes.includes(code));
  return reject(reason?.[1] ?? 'IBAN is not valid');
}

/** Print format: groups of four separated by spaces (`PL61 1090 1014 …`). */
export function formatIban(stored: string): string {
  return friendlyFormatIBAN(stored) ?? stored;
}
