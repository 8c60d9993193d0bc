import { currencyMinorDigits } from '../../identifiers/money.ts';
import type { Locale } from '../../metadata/types.ts';
import { englishNumber } from './english.ts';
import { hungarianNumber } from './hungarian.ts';
import { type PolishForms, polishForm, polishNumber } from './polish.ts';

export { englishNumber } from './english.ts';
export { hungarianNumber } from './hungarian.ts';
export { polishForm, polishNumber } from './polish.ts';

interface PolishCurrency {
  major: PolishForms;
  minor: PolishForms;
  /** "jedno euro": the noun is neuter. */
  neuterMajor?: boolean;
}

/** Currencies a Polish document names in words; others are named by their code. */
const POLISH_CURRENCIES: Record<string, PolishCurrency> = {
  PLN: { major: ['złoty', 'złote', 'złotych'], minor: ['grosz', 'grosze', 'groszy'] },
  EUR: { major: ['euro', 'euro', 'euro'], minor: ['cent', 'centy', 'centów'], neuterMajor: true },
  USD: { major: ['dolar', 'dolary', 'dolarów'], minor: ['cent', 'centy', 'centów'] },
  HUF: { major: ['forint', 'forinty', 'forintów'], minor: ['filler', 'fillery', 'fillerów'] },
};

/** Hungarian nouns after a number stay singular (öt forint), so one name each. */
const HUNGARIAN_CURRENCIES: Record<string, { major: string; minor: string }> = {
  HUF: { major: 'forint', minor: 'fillér' },
  EUR: { major: 'euró', minor: 'cent' },
  USD: { major: 'dollár', minor: 'cent' },
  PLN: { major: 'złoty', minor: 'garas' },
};

/**
 * An amount in words in a document's language, as printed under an offer's total:
 * "tysiąc dwieście trzydzieści cztery złote pięćdziesiąt sześć groszy",
 * "kétezer-egy forint", "one thousand two hundred thirty-four and 56/100 EUR". A currency
 * without names in the language, and every currency in English, reads its minor units as a
 * fraction after the code, the way cheques do.
 */
export function amountInWords(minorUnits: bigint, currency: string, locale: Locale): string {
  const negative = minorUnits < 0n;
  const magnitude = negative ? -minorUnits : minorUnits;
  const digits = currencyMinorDigits(currency);
  const perMajor = 10n ** BigInt(digits);
  const major = magnitude / perMajor;
  const minor = magnitude % perMajor;
  const words = inWords(major, minor, digits, currency, locale);
  return negative ? `${MINUS[locale]} ${words}` : words;
}

const MINUS: Record<Locale, string> = { en: 'minus', pl: 'minus', hu: 'mínusz' };

function inWords(major: bigint, minor: bigint, digits: number, currency: string, locale: Locale): string {
  const fraction = digits === 0 ? '' : ` ${minor.toString().padStart(digits, '0')}/${10n ** BigInt(digits)}`;
  if (locale === 'pl') {
    const names = POLISH_CURRENCIES[currency];
    if (!names) return `${polishNumber(major)} ${currency}${fraction}`;
    const whole = `${polishNumber(major, names.neuterMajor)} ${polishForm(major, names.major)}`;
    return minor === 0n ? whole : `${whole} ${polishNumber(minor)} ${polishForm(minor, names.minor)}`;
  }
  if (locale === 'hu') {
    const names = HUNGARIAN_CURRENCIES[currency];
    if (!names) return `${hungarianNumber(major)} ${currency}${fraction}`;
    const whole = `${hungarianNumber(major, true)} ${names.major}`;
    return minor === 0n ? whole : `${whole} ${hungarianNumber(minor, true)} ${names.minor}`;
  }
  return digits === 0
    ? `${englishNumber(major)} ${currency}`
    : `${englishNumber(major)} and${fraction} ${currency}`;
}
