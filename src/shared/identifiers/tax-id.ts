import {
  austria,
  belgium,
  bulgaria,
  type Country,
  checkVAT,
  croatia,
  cyprus,
  czechRepublic,
  denmark,
  estonia,
  finland,
  france,
  germany,
  greece,
  hungary,
  ireland,
  italy,
  latvia,
  lithuania,
  luxembourg,
  malta,
  netherlands,
  norway,
  poland,
  portugal,
  romania,
  slovakiaRepublic,
  slovenia,
  spain,
  sweden,
  switzerland,
  unitedKingdom,
} from 'jsvat';
import { accept, type CheckResult, reject, stripSeparators, weightedSum } from './result.ts';

/**
 * Business identifiers a company record can carry.
 * - `nip`: Polish tax id (NIP), 10 digits.
 * - `regon`: Polish statistical number (REGON), 9 digits or 14 for a local unit.
 * - `krs`: Polish court register number (KRS), 10 digits, no checksum.
 * - `huTaxNumber`: Hungarian tax number (adószám) `xxxxxxxx-y-zz`.
 * - `euVat`: VAT id with its two-letter country prefix, as VIES uses it.
 */
export type TaxIdKind = 'nip' | 'regon' | 'krs' | 'huTaxNumber' | 'euVat';

export const TAX_ID_KINDS: readonly TaxIdKind[] = ['nip', 'regon', 'krs', 'huTaxNumber', 'euVat'];

export function isTaxIdKind(value: string): value is TaxIdKind {
  return (TAX_ID_KINDS as readonly string[]).includes(value);
}

/**
 * Validates and canonicalises a tax id. `country` matters only for `euVat`: it supplies the prefix
 * when the input has none (people often type the national part only).
 *
 * Canonical stored forms: NIP, REGON and KRS as bare digits; adószám as `12345678-1-12` (the form
 * printed on Hungarian invoices, so a stored value can be shown or exported as it is); EU VAT as
 * upper-case prefix plus number without separators (the VIES form, e.g. `PL5260250274`).
 */
export function checkTaxId(kind: TaxIdKind, raw: string, country?: string): CheckResult {
  if (typeof raw !== 'string' || raw.trim() === '') return reject(`${TAX_ID_LABELS[kind]} is empty`);
  switch (kind) {
    case 'nip':
      return checkNip(raw);
    case 'regon':
      return checkRegon(raw);
    case 'krs':
      return checkKrs(raw);
    case 'huTaxNumber':
      return checkHuTaxNumber(raw);
    case 'euVat':
      return checkEuVat(raw, country);
    default:
      return reject(`Unknown tax id kind '${String(kind)}'`);
  }
}

/** Display form of a stored value; a value that is not in canonical form is shown unchanged. */
export function formatTaxId(kind: TaxIdKind, stored: string): string {
  if (kind === 'nip' && /^\d{10}$/.test(stored)) {
    return `${stored.slice(0, 3)}-${stored.slice(3, 6)}-${stored.slice(6, 8)}-${stored.slice(8)}`;
  }
  if (kind === 'huTaxNumber' && /^\d{11}$/.test(stored)) {
    return `${stored.slice(0, 8)}-${stored.slice(8, 9)}-${stored.slice(9)}`;
  }
  return stored;
}

/** Which tax ids to offer for a company in `country` (ISO 3166-1 alpha-2), most used first. */
export function taxIdKindsFor(country: string | null): TaxIdKind[] {
  switch (country?.trim().toUpperCase()) {
    case 'PL':
      return ['nip', 'regon', 'krs', 'euVat'];
    case 'HU':
      return ['huTaxNumber', 'euVat'];
    default:
      return ['euVat'];
  }
}

export const TAX_ID_LABELS: Readonly<Record<TaxIdKind, string>> = {
  nip: 'NIP',
  regon: 'REGON',
  krs: 'KRS',
  huTaxNumber: 'Hungarian tax number',
  euVat: 'VAT number',
};

// --- Poland -------------------------------------------------------------------------------------

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;
const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

function checkNip(raw: string): CheckResult {
  // `PL` is how NIP appears inside an EU VAT id; people paste either.
  const digits = stripSeparators(raw).replace(/^PL/i, '');
  if (!/^\d+$/.test(digits)) return reject('NIP may contain only digits');
  if (digits.length !== 10) return reject('NIP must have 10 digits');
  // Weighted sum mod 11; a remainder of 10 is never issued, so such a number is invalid.
  const check = weightedSum(digits, NIP_WEIGHTS) % 11;
  if (check === 10 || check !== Number(digits[9])) return reject('NIP checksum does not match');
  // The first three digits name the tax office that issued it, and no office code starts with 0.
  if (digits.startsWith('0')) return reject('NIP cannot start with 0');
  return accept(digits);
}

/** REGON check digit: weighted sum mod 11, where a remainder of 10 becomes 0. */
function regonCheckDigit(digits: string, weights: readonly number[]): number {
  return (weightedSum(digits, weights) % 11) % 10;
}

function checkRegon(raw: string): CheckResult {
  const digits = stripSeparators(raw);
  if (!/^\d+$/.test(digits)) return reject('REGON may contain only digits');
  if (digits.length !== 9 && digits.length !== 14) return reject('REGON must have 9 or 14 digits');
  // A 14-digit REGON is a local unit: its first nine digits are the parent's REGON and must
  // themselves be valid, so both checks apply.
  if (regonCheckDigit(digits, REGON9_WEIGHTS) !== Number(digits[8])) {
    return reject(
      digits.length === 9
        ? 'REGON checksum does not match'
        : 'REGON checksum of the first 9 digits does not match',
    );
  }
  if (digits.length === 14 && regonCheckDigit(digits, REGON14_WEIGHTS) !== Number(digits[13])) {
    return reject('REGON checksum does not match');
  }
  if (/^0+$/.test(digits)) return reject('REGON cannot be all zeros');
  return accept(digits);
}

function checkKrs(raw: string): CheckResult {
  // KRS numbers are printed with leading zeros (0000012345) but often typed without them.
  const digits = stripSeparators(raw).replace(/^KRS:?/i, '');
  if (!/^\d+$/.test(digits)) return reject('KRS may contain only digits');
  if (digits.length > 10) return reject('KRS must have at most 10 digits');
  if (/^0+$/.test(digits)) return reject('KRS cannot be zero');
  return accept(digits.padStart(10, '0'));
}

// --- Hungary ------------------------------------------------------------------------------------

const HU_WEIGHTS = [9, 7, 3, 1, 9, 7, 3] as const;

/**
 * Area codes (digits 10–11) of the tax authority (NAV) directorate that issued the number.
 * 02–20 are the county directorates in alphabetical county order (02 Baranya … 13 Pest …
 * 20 Zala); 22–40 are the same counties' second series (22 Baranya … 40 Zala), issued after a
 * county's first series; 41 Észak-Budapest, 42 Kelet-Budapest, 43 Dél-Budapest,
 * 44 Kiemelt Adózók Adóigazgatósága (large taxpayers, e.g. MOL and OTP), 51 Kiemelt Ügyek
 * Adóigazgatósága (including foreign taxpayers). The list is compiled from NAV's directorate
 * structure as published in open-source validators; codes 01 and 21 (the old Budapest
 * directorate) are not issued today and are rejected.
 */
const HU_AREA_CODES: ReadonlySet<number> = new Set([...range(2, 20), ...range(22, 40), 41, 42, 43, 44, 51]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

function checkHuTaxNumber(raw: string): CheckResult {
  const digits = stripSeparators(raw);
  if (!/^\d+$/.test(digits)) return reject('Hungarian tax number may contain only digits and dashes');
  if (digits.length !== 11) {
    return reject('Hungarian tax number must have 11 digits (xxxxxxxx-y-zz)');
  }
  const check = (10 - (weightedSum(digits, HU_WEIGHTS) % 10)) % 10;
  if (check !== Number(digits[7])) return reject('Hungarian tax number checksum does not match');
  // y: 1 exempt, 2 VAT payer, 3 simplified (EVA), 4 VAT-group member, 5 VAT-group representative.
  const vatCode = Number(digits[8]);
  if (vatCode < 1 || vatCode > 5) return reject('Hungarian tax number VAT code (9th digit) must be 1–5');
  if (!HU_AREA_CODES.has(Number(digits.slice(9)))) {
    return reject(`Hungarian tax number area code ${digits.slice(9)} does not exist`);
  }
  return accept(`${digits.slice(0, 8)}-${digits[8]}-${digits.slice(9)}`);
}

// --- EU VAT -------------------------------------------------------------------------------------

/**
 * VAT schemes we accept: the 27 EU member states (as in VIES) plus the United Kingdom, Norway and
 * Switzerland, whose VAT ids are common on European invoices and which jsvat also checksums.
 * jsvat's other countries (Brazil, Russia, Serbia, Andorra, the non-union `EU` OSS scheme) are left
 * out because they are not what a user means by an EU VAT number.
 */
const VAT_COUNTRIES: readonly Country[] = [
  austria,
  belgium,
  bulgaria,
  croatia,
  cyprus,
  czechRepublic,
  denmark,
  estonia,
  finland,
  france,
  germany,
  greece,
  hungary,
  ireland,
  italy,
  latvia,
  lithuania,
  luxembourg,
  malta,
  netherlands,
  poland,
  portugal,
  romania,
  slovakiaRepublic,
  slovenia,
  spain,
  sweden,
  unitedKingdom,
  norway,
  switzerland,
];

function checkEuVat(raw: string, country: string | undefined): CheckResult {
  let value = stripSeparators(raw).toUpperCase();
  if (!/^[A-Z0-9]+$/.test(value)) return reject('VAT number may contain only letters and digits');
  if (!/^[A-Z]{2}/.test(value)) {
    const prefix = country?.trim().toUpperCase();
    if (!prefix || !/^[A-Z]{2}$/.test(prefix)) {
      return reject('VAT number must start with a two-letter country code, e.g. PL');
    }
    value = prefix + value;
  }
  // VIES writes Greece as EL, ISO as GR; people use both.
  if (value.startsWith('GR')) value = `EL${value.slice(2)}`;
  // Northern Ireland (XI) numbers share the UK number series and checksum.
  const checked = value.startsWith('XI') ? `GB${value.slice(2)}` : value;
  const result = checkVAT(checked, VAT_COUNTRIES);
  if (!result.isSupportedCountry) return reject(`VAT numbers of ${value.slice(0, 2)} are not supported`);
  if (!result.isValidFormat) return reject(`VAT number has the wrong format for ${value.slice(0, 2)}`);
  if (!result.isValid) return reject('VAT number checksum does not match');
  return accept(value);
}
