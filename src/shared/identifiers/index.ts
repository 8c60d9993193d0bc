// Validation, normalisation and display of business identifiers. Pure functions with no Node or
// DOM imports, shared by the server (validation on write) and the web app (inline feedback).
export { COUNTRY_CODES, type CountryNameLocale, countryName, isCountryCode } from './countries.ts';
export { checkIban, formatIban } from './iban.ts';
export {
  CURRENCY_CODES,
  currencyMinorDigits,
  formatMoney,
  isCurrencyCode,
  type MoneyParseResult,
  parseMoneyAmount,
} from './money.ts';
export { formatPhoneNational, normalisePhone, phoneHref } from './phone.ts';
export { checkPostalCode, POSTAL_CODE_COUNTRIES } from './postal-code.ts';
export type { CheckResult } from './result.ts';
export {
  checkTaxId,
  formatTaxId,
  isTaxIdKind,
  TAX_ID_KINDS,
  TAX_ID_LABELS,
  type TaxIdKind,
  taxIdKindsFor,
} from './tax-id.ts';
