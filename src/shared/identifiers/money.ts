/**
 * Money is stored as an integer count of minor units plus an ISO 4217 code
 * (docs/ARCHITECTURE.md §2). The number of minor units per major unit is therefore part of the
 * stored data and must be the same on every server and browser, forever. Intl cannot promise
 * that: V8 takes it from CLDR (HUF, IDR, COP, PKR … have 0 digits there), engines need not agree
 * (SpiderMonkey derives its table from ISO 4217, where HUF has 2), and CLDR itself changes, so the
 * same stored HUF amount could be read a hundred times apart. The code list and digits below are fixed from ISO 4217 list one (as of 2025, with XCG)
 * instead; Intl is used only to display amounts.
 */

/**
 * Circulating ISO 4217 currencies. Fund codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW),
 * precious metals (XAG, XAU, XPD, XPT), bond-market units (XBA–XBD), XDR, XSU, XUA and the test
 * codes XTS/XXX are left out: no customer is invoiced in them. Withdrawn codes (HRK, SLL, ZWL, CUC)
 * are left out too; ANG stays beside its successor XCG for the changeover period.
 */
export const CURRENCY_CODES: readonly string[] = Object.freeze(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
    'LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR ' +
    'NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP ' +
    'STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD ' +
    'XCG XOF XPF YER ZAR ZMW ZWG'
  ).split(' '),
);

const CURRENCY_SET: ReadonlySet<string> = new Set(CURRENCY_CODES);

/** ISO 4217 minor-unit exponents other than the usual 2, for the codes in `CURRENCY_CODES`. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' ').map((c) => [c, 0]),
  ),
  ...Object.fromEntries('BHD IQD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3])),
};

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_SET.has(code);
}

/**
 * Decimal places of one major unit (ISO 4217 "minor unit"): 2 for PLN, HUF and EUR, 0 for JPY,
 * 3 for KWD. A code outside `CURRENCY_CODES` gets ISO's default of 2; check it with
 * `isCurrencyCode` first when that matters.
 */
export function currencyMinorDigits(code: string): number {
  return MINOR_DIGITS[code] ?? 2;
}

export type MoneyParseResult = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * Reads an amount typed by a person into minor units, exactly (no floating point).
 *
 * Separators, since Polish and Hungarian write `1 234,56` and English `1,234.56`:
 * - spaces (including no-break spaces) and apostrophes (`1'234.56`) always group thousands;
 * - when both `,` and `.` occur, the last one is the decimal separator and the other groups;
 * - when only one of them occurs more than once, it groups (`1.234.567`);
 * - when only one of them occurs once, it is the decimal separator (`12,5` and `12.5` are 12.50).
 *   So `1,234` is 1.234, never 1234: for a two-digit currency that is rejected as too many
 *   decimal places, which turns the ambiguous English reading into an error, not a wrong amount.
 * Group separators must split the whole part into groups of three (`12 34` is rejected). More
 * decimals than the currency has are rejected, not rounded. The currency's code may precede or
 * follow the number (`PLN 12,50`), and a leading `-` or `+` gives the sign.
 */
export function parseMoneyAmount(text: string, currency: string): MoneyParseResult {
  if (!isCurrencyCode(currency)) return { ok: false, reason: `Unknown currency '${currency}'` };
  if (typeof text !== 'string') return { ok: false, reason: 'Amount is empty' };
  let value = text
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim()
    .replace(new RegExp(`^${currency}\\s*|\\s*${currency}$`, 'i'), '');
  if (value === '') return { ok: false, reason: 'Amount is empty' };

  const negative = /^[-\u2212]/.test(value);
  value = value.replace(/^[-\u2212+]\s*/, '');
  if (!/^[\d .,'\u2019]+$/.test(value) || !/\d/.test(value)) {
    return { ok: false, reason: 'Amount may contain only digits, spaces and one decimal separator' };
  }

  const decimal = decimalSeparator(value);
  if (decimal === 'invalid') return { ok: false, reason: 'Amount has more than one decimal separator' };
  const at = decimal === null ? -1 : value.lastIndexOf(decimal);
  const whole = at < 0 ? value : value.slice(0, at);
  const fraction = at < 0 ? '' : value.slice(at + 1);

  if (!/^\d*$/.test(fraction)) return { ok: false, reason: 'Decimal places may contain only digits' };
  const groups = whole.split(/[ .,'\u2019]/);
  const grouped = groups.length === 1 || groups.every((g, i) => (i === 0 ? /^\d{1,3}$/ : /^\d{3}$/).test(g));
  if (!grouped)
    return { ok: false, reason: 'Thousands separators must split the amount into groups of three' };

  const digits = currencyMinorDigits(currency);
  if (fraction.length > digits) {
    const limit =
      digits === 0
        ? `${currency} amounts have no decimal places`
        : `${currency} amounts have at most ${digits} decimal places`;
    // `1,234` is most likely an English thousands separator: say how to write that unambiguously.
    const hint =
      fraction.length === 3 && groups.length === 1 ? '; to group thousands use a space (1 234)' : '';
    return { ok: false, reason: limit + hint };
  }
  const minor = BigInt(`${groups.join('') || '0'}${fraction.padEnd(digits, '0')}`);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'Amount is too large' };
  const result = Number(minor);
  // `-0,00` is zero, not negative zero, which would survive JSON as 0 but compare oddly before.
  return { ok: true, minor: negative && result !== 0 ? -result : result };
}

/** Which of `,` and `.` is the decimal separator (see `parseMoneyAmount`), or null for none. */
function decimalSeparator(value: string): ',' | '.' | null | 'invalid' {
  const commas = value.split(',').length - 1;
  const dots = value.split('.').length - 1;
  if (commas > 0 && dots > 0) {
    const last = value.lastIndexOf(',') > value.lastIndexOf('.') ? ',' : '.';
    return (last === ',' ? commas : dots) === 1 ? last : 'invalid';
  }
  if (commas === 1) return ',';
  if (dots === 1) return '.';
  return null;
}

/**
 * Formats minor units for display in `locale`, exact for every safe integer: the digits are
 * split with BigInt, and Intl formats only the whole part (as a BigInt) while the fraction digits
 * are put in its place, so no amount ever passes through a binary fraction.
 *
 * Decimals follow the locale's habit where the stored amount allows: HUF 123400 (minor units)
 * shows as `1 234 Ft` where CLDR shows forints without fillér, and as `1 234,50 Ft` when there
 * are fillér, so a value is never hidden by rounding.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  if (!Number.isInteger(minor)) return `${minor} ${currency}`;
  const digits = currencyMinorDigits(currency);
  const scale = 10n ** BigInt(digits);
  const absolute = BigInt(Math.abs(minor));
  const whole = absolute / scale;
  let fraction = (absolute % scale).toString().padStart(digits, '0');
  // All decimals or none (never `12,5 Ft`): drop them only when they are all zero.
  if (/^0*$/.test(fraction)) fraction = fraction.slice(0, Math.min(digits, habitualDigits(currency)));
  const negative = minor < 0;
  try {
    const format = formatter(locale, currency, fraction.length);
    const numberingSystem = format.resolvedOptions().numberingSystem;
    // -0.50 has no negative whole part to carry the sign, so format -1 and swap the 1 for a 0.
    const parts = format.formatToParts(negative ? -(whole === 0n ? 1n : whole) : whole);
    return parts
      .map((part) => {
        if (part.type === 'fraction') return plainDigits(locale, numberingSystem, fraction);
        if (part.type === 'integer' && whole === 0n) return plainDigits(locale, numberingSystem, '0');
        return part.value;
      })
      .join('');
  } catch {
    // An unknown locale or a malformed currency code: still show the exact amount.
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''} ${currency}`;
  }
}

/** Decimal places the runtime's CLDR shows for `currency` by habit (display only, never storage). */
function habitualDigits(currency: string): number {
  try {
    return formatter('en', currency, null).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const formatters = new Map<string, Intl.NumberFormat>();
/** Locale strings come from users' settings; the cap keeps a stream of odd ones from growing it. */
const MAX_FORMATTERS = 256;

function remember(key: string, format: Intl.NumberFormat): Intl.NumberFormat {
  if (formatters.size >= MAX_FORMATTERS) formatters.clear();
  formatters.set(key, format);
  return format;
}

/** NumberFormat construction is slow next to formatting; lists format many amounts at once. */
function formatter(locale: string, currency: string, fractionDigits: number | null): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let format = formatters.get(key);
  if (format === undefined) {
    const digits =
      fractionDigits === null
        ? {}
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
    format = remember(key, new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits }));
  }
  return format;
}

/** `digits` (ASCII, leading zeros kept) written in the locale's numbering system. */
function plainDigits(locale: string, numberingSystem: string, digits: string): string {
  const key = `${locale}|${numberingSystem}|plain|${digits.length}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = remember(
      key,
      new Intl.NumberFormat(locale, {
        numberingSystem,
        useGrouping: false,
        minimumIntegerDigits: Math.max(1, digits.length),
      }),
    );
  }
  return format.format(BigInt(digits));
}
