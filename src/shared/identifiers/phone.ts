// The `min` metadata build (~80 kB) is libphonenumber-js's smallest: it checks each country's
// number pattern and lengths but cannot tell mobile from fixed line, which we do not need.
import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';
import { accept, type CheckResult, reject } from './result.ts';

/**
 * Local words for "extension" that libphonenumber does not know, rewritten to `ext.` before
 * parsing: Polish `wew.`/`wewn.` (wewnętrzny) and Hungarian `mellék`/`mell.`/`m.`.
 */
const LOCAL_EXTENSION = /\s*(?:wewn?\.?|mell(?:ék|\.)|m\.)\s*(\d{1,10})\s*$/i;

/**
 * Parses a phone number typed by a person. National numbers are read in `defaultCountry`
 * (ISO 3166-1 alpha-2); without one the number needs a `+` or `00` international prefix.
 *
 * The stored value is E.164 (`+48601234567`). An extension is kept with the RFC 3966 parameter,
 * `+48221234567;ext=123`: it is exactly what follows `tel:` in a link, libphonenumber parses it
 * back, and the part before `;` is still plain E.164 for anything that cannot dial extensions.
 */
export function normalisePhone(raw: string, defaultCountry: string | null): CheckResult {
  if (typeof raw !== 'string' || raw.trim() === '') return reject('Phone number is empty');
  // Parsing costs about 10 µs: an import checks each row's number twice (to find duplicates,
  // then to write), so recent answers are kept.
  const key = `${defaultCountry ?? ''}\u0000${raw}`;
  const known = recent.get(key);
  if (known) return known;
  const result = parsePhone(raw, defaultCountry);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(key, result);
  return result;
}

const RECENT_LIMIT = 5000;
const recent = new Map<string, CheckResult>();

function parsePhone(raw: string, defaultCountry: string | null): CheckResult {
  let text = raw.trim().replace(LOCAL_EXTENSION, ' ext. $1');
  const country = toCountryCode(defaultCountry);
  if (defaultCountry !== null && defaultCountry.trim() !== '' && country === undefined) {
    return reject(`Unknown country '${defaultCountry}'`);
  }
  // `00` is the international prefix in most of Europe; with a default country libphonenumber
  // knows that country's own prefix, without one we read `00` as `+` (ITU-T E.164 recommendation).
  if (country === undefined) text = text.replace(/^00(?=\d)/, '+');
  if (country === undefined && !text.startsWith('+')) {
    return reject('Phone number needs a country code, e.g. +48');
  }
  // `extract: false` rejects numbers embedded in other text instead of silently picking them out.
  const options = country === undefined ? { extract: false } : { defaultCountry: country, extract: false };
  let parsed: PhoneNumber | undefined;
  try {
    parsed = parsePhoneNumberFromString(text, options);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) return reject('Not a phone number');
  if (!parsed.isValid()) return reject(lengthReason(text, country) ?? 'Phone number is not valid');
  const extension = parsed.ext ? `;ext=${parsed.ext}` : '';
  return accept(`${parsed.number}${extension}`);
}

/**
 * Display form: national (`601 234 567`) when the number belongs to the viewer's country or no
 * viewer country is given, international (`+48 601 234 567`) otherwise, so a foreign number
 * always shows how to dial it. A stored value that does not parse is returned unchanged.
 */
export function formatPhoneNational(e164: string, viewerCountry?: string): string {
  const parsed = parseStored(e164);
  if (parsed === undefined) return e164;
  const viewer = viewerCountry?.trim().toUpperCase();
  if (!viewer || parsed.country === viewer) return parsed.formatNational();
  return parsed.formatInternational();
}

/**
 * `tel:` link target (RFC 3966) for a stored number. Only `+`, digits and an `;ext=` parameter
 * are kept, so a malformed stored value can never inject anything else into an href; a value
 * without digits gives '' (render no link).
 */
export function phoneHref(e164: string): string {
  const [number = '', extension] = e164.split(';ext=');
  const digits = number.replace(/\D/g, '');
  if (digits === '') return '';
  const ext = extension?.replace(/\D/g, '');
  return `tel:+${digits}${ext ? `;ext=${ext}` : ''}`;
}

function parseStored(stored: string): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(stored, { extract: false });
  } catch {
    return undefined;
  }
}

function toCountryCode(country: string | null): CountryCode | undefined {
  const code = country?.trim().toUpperCase();
  return code && isSupportedCountry(code) ? code : undefined;
}

/** A more specific reason than "not valid" when the digit count is what is wrong. */
function lengthReason(text: string, country: CountryCode | undefined): string | undefined {
  let result: ReturnType<typeof validatePhoneNumberLength>;
  try {
    result = validatePhoneNumberLength(text, country);
  } catch {
    return undefined;
  }
  switch (result) {
    case 'TOO_SHORT':
      return 'Phone number is too short';
    case 'TOO_LONG':
      return 'Phone number is too long';
    case 'INVALID_COUNTRY':
      return 'Phone number has an unknown country code';
    default:
      return undefined;
  }
}
