import { accept, type CheckResult, reject } from './result.ts';

/**
 * One country's postal code rule: `pattern` is matched against the input after trimming,
 * upper-casing and collapsing runs of whitespace to one space; `normalise` turns a match into
 * the stored form. `example` goes into the error message so a person sees the expected shape.
 */
interface PostalRule {
  pattern: RegExp;
  normalise: (match: RegExpExecArray) => string;
  example: string;
  /** Extra check beyond the pattern (numeric ranges); returns a reason when it fails. */
  refine?: (value: string) => string | undefined;
}

const asIs = (match: RegExpExecArray): string => match[0];
const joined =
  (separator: string) =>
  (match: RegExpExecArray): string =>
    `${match[1]}${separator}${match[2]}`;

/**
 * Formats follow the Universal Postal Union's addressing pages (upu.int, "Postal addressing
 * systems") and each national operator's published rules, named per entry.
 */
const RULES: Readonly<Record<string, PostalRule>> = {
  // Poczta Polska PNA: NN-NNN. Typed without the dash as often as with it.
  PL: { pattern: /^(\d{2})-?(\d{3})$/, normalise: joined('-'), example: '00-950' },
  // Magyar Posta: four digits, first digit the region. The lowest in use is in Budapest
  // (1007 Margitsziget) and the highest 9985 (Felsőszölnök); 0xxx is never issued.
  HU: {
    pattern: /^\d{4}$/,
    normalise: asIs,
    example: '1011',
    refine: (value) =>
      Number(value) >= 1000 && Number(value) <= 9985 ? undefined : 'Hungarian postal code must be 1000–9985',
  },
  // Royal Mail PAF (BS 7666): outward code (area, district, optional sub-district letter) and
  // inward code (sector digit and two unit letters from a restricted alphabet); GIR 0AA is the
  // one historic exception. Stored upper case with one space before the inward code.
  GB: {
    pattern:
      /^(GIR|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y])) ?(\d[ABD-HJLNP-UW-Z]{2})$/,
    normalise: joined(' '),
    example: 'SW1A 1AA',
    refine: (value) => (value.startsWith('GIR') && value !== 'GIR 0AA' ? 'Not a UK postcode' : undefined),
  },
  // Deutsche Post: five digits, 01001–99998.
  DE: { pattern: /^(?!00)\d{5}$/, normalise: asIs, example: '10115' },
  // Österreichische Post: four digits, 1010–9992, never starting with 0.
  AT: { pattern: /^[1-9]\d{3}$/, normalise: asIs, example: '1010' },
  // Česká pošta (first digit 1–7) and Slovenská pošta (0, 8 or 9) share the PSČ form NNN NN.
  CZ: { pattern: /^([1-7]\d{2}) ?(\d{2})$/, normalise: joined(' '), example: '110 00' },
  SK: { pattern: /^([089]\d{2}) ?(\d{2})$/, normalise: joined(' '), example: '811 01' },
  // La Poste: five digits (the first two are the département; 97/98 are overseas).
  FR: { pattern: /^\d{5}$/, normalise: asIs, example: '75008' },
  // Poste Italiane CAP: five digits.
  IT: { pattern: /^\d{5}$/, normalise: asIs, example: '00184' },
  // Correos: five digits, the first two the province 01–52.
  ES: { pattern: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/, normalise: asIs, example: '28001' },
  // PostNL: four digits not starting with 0, a space, two letters; SA, SD and SS are not issued.
  NL: { pattern: /^([1-9]\d{3}) ?((?!SA|SD|SS)[A-Z]{2})$/, normalise: joined(' '), example: '1012 AB' },
  // USPS: ZIP (five digits) or ZIP+4 (ZIP, dash, four digits).
  US: {
    pattern: /^(\d{5})(?:-?(\d{4}))?$/,
    normalise: (match) => (match[2] ? `${match[1]}-${match[2]}` : (match[1] ?? '')),
    example: '20500 or 20500-0003',
  },
};

/** Countries with a specific rule; elsewhere only the generic shape is checked. */
export const POSTAL_CODE_COUNTRIES: readonly string[] = Object.keys(RULES);

/** Any country without a rule: 2–10 letters, digits, spaces or dashes, starting and ending alphanumeric. */
const GENERIC = /^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/;

/**
 * Validates a postal code for `country` (ISO 3166-1 alpha-2) and returns its stored form.
 * A null or unknown country gets only the generic shape check, so foreign addresses still save.
 */
export function checkPostalCode(raw: string, country: string | null): CheckResult {
  if (typeof raw !== 'string') return reject('Postal code is empty');
  const value = raw
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toUpperCase();
  if (value === '') return reject('Postal code is empty');
  const code = country?.trim().toUpperCase() ?? '';
  const rule = RULES[code];
  if (rule === undefined) {
    return GENERIC.test(value)
      ? accept(value)
      : reject('Postal code must have 2–10 letters, digits, spaces or dashes');
  }
  const match = rule.pattern.exec(value);
  if (match === null) return reject(`Postal code for ${code} must look like ${rule.example}`);
  const normalised = rule.normalise(match);
  const problem = rule.refine?.(normalised);
  return problem === undefined ? accept(normalised) : reject(problem);
}
